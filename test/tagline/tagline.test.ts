// The tagline "Buiten is het 12 graden, binnen zit al 15 jaar": the template, the age from the
// start date, and the temperature from a fake weather feed on 127.0.0.1 that answers, hangs,
// fails, sends garbage or lacks the station. A page never waits for it and never breaks.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { loginAs } from '../helpers/http';
import { saveSettings } from '../../server/settings/settings';
import { refreshTagline } from '../../server/tagline/state';
import { ageText, renderTagline } from '../../server/tagline/template';
import { temperatureFromFeed } from '../../server/tagline/weather';

type FeedMode = 'ok' | 'hang' | 'http-500' | 'garbage' | 'no-station' | 'redirect';

interface FakeFeed {
  url: string;
  mode: FeedMode;
  temperature: number;
  requests: number;
  close(): Promise<void>;
}

async function startFakeFeed(): Promise<FakeFeed> {
  const hanging = new Set<http.ServerResponse>();
  const feed: FakeFeed = { url: '', mode: 'ok', temperature: 12.3, requests: 0, close: () => Promise.resolve() };
  const server = http.createServer((_req, res) => {
    feed.requests++;
    if (feed.mode === 'hang') return void hanging.add(res);
    if (feed.mode === 'http-500') return void res.writeHead(500).end('stuk');
    if (feed.mode === 'redirect') return void res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
    res.writeHead(200, { 'Content-Type': 'application/json' });
    if (feed.mode === 'garbage') return void res.end('{"actual": {"stationmeasurements": [{"stationid": 6260, "temp');
    const stations = [
      { stationid: 6275, stationname: 'Meetstation Arnhem', temperature: 3.1 },
      ...(feed.mode === 'no-station' ? [] : [{ stationid: 6260, stationname: 'Meetstation De Bilt', temperature: feed.temperature }]),
    ];
    res.end(JSON.stringify({ actual: { stationmeasurements: stations } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feed.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed/json`;
  feed.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.close(() => resolve());
    });
  return feed;
}

const TEMPLATE = 'Buiten is het {temperatuur} graden, binnen zit al {leeftijd}';

describe('tagline: template', () => {
  const both = { temperatuur: '12', leeftijd: '15 jaar' };
  it('fills the temperature and the age', () => {
    assert.equal(renderTagline(TEMPLATE, both), 'Buiten is het 12 graden, binnen zit al 15 jaar');
  });
  it('leaves the part with an unknown value out: a piece between commas, or [between brackets]', () => {
    assert.equal(renderTagline(TEMPLATE, { ...both, temperatuur: null }), 'Binnen zit al 15 jaar');
    assert.equal(renderTagline(TEMPLATE, { ...both, leeftijd: null }), 'Buiten is het 12 graden');
    assert.equal(renderTagline(TEMPLATE, { temperatuur: null, leeftijd: null }), '');
    assert.equal(
      renderTagline('Stadslog[, bij {temperatuur} graden] sinds {leeftijd}', { ...both, temperatuur: null }),
      'Stadslog sinds 15 jaar',
    );
    assert.equal(renderTagline('Stadslog[, bij {temperatuur} graden]', both), 'Stadslog, bij 12 graden');
    assert.equal(renderTagline('Nieuws uit {stad}', both), 'Nieuws uit {stad}', 'an unknown name stays as typed');
  });
  it('says the age in whole years, in months in the first year', () => {
    assert.equal(ageText(new Date(Date.UTC(2005, 4, 1)), new Date(Date.UTC(2020, 4, 1))), '15 jaar');
    assert.equal(ageText(new Date(Date.UTC(2005, 4, 1)), new Date(Date.UTC(2020, 3, 30))), '14 jaar');
    assert.equal(ageText(new Date(Date.UTC(2026, 4, 1)), new Date(Date.UTC(2026, 11, 1))), '7 maanden');
    assert.equal(ageText(new Date(Date.UTC(2027, 0, 1)), new Date(Date.UTC(2026, 11, 1))), null);
  });
  it('reads one station from a Buienradar-like feed and refuses what is no temperature', () => {
    const feed = (t: unknown) => ({ actual: { stationmeasurements: [{ stationid: 6260, temperature: t }] } });
    assert.equal(temperatureFromFeed(feed(-3.4), 6260), -3.4);
    assert.equal(temperatureFromFeed(feed(-3.4), 6275), null);
    for (const bad of [null, 'warm', 999, {}]) assert.equal(temperatureFromFeed(feed(bad), 6260), null);
    for (const bad of [null, [], 'x', { actual: null }]) assert.equal(temperatureFromFeed(bad, 6260), null);
  });
});

describe('tagline: on the pages, with a fake weather feed', function () {
  this.timeout(20_000);
  let t: TestApp;
  let feed: FakeFeed;
  let clock: number;
  // Every refresh in these tests is more than ten minutes after the last: the feed is asked again.
  // The fake feed is on 127.0.0.1, which the guard refuses: its port alone is let through, as tests may.
  const feedOptions = () => ({ loopbackPortsForTests: [Number(new URL(feed.url).port)] });
  const refresh = () => refreshTagline(t.db, new Date((clock += 11 * 60_000)), () => Promise.resolve(null), feedOptions());
  const age = () => ageText(new Date(Date.UTC(2005, 4, 1)), new Date(clock))!;
  const shown = async () => /<span class="site-tagline">([^<]*)<\/span>/.exec((await request(t.app).get('/').expect(200)).text)![1];

  before(async () => {
    feed = await startFakeFeed();
    t = await createTestApp();
    await buildArticle(t.db);
    await saveSettings(t.db, { tagline: { template: TEMPLATE, startYear: 2005, startMonth: 5, feedUrl: feed.url, stationId: 6260 } });
    clock = Date.now();
  });
  after(async () => {
    await feed.close();
    await t.close();
  });
  beforeEach(() => {
    feed.mode = 'ok';
    feed.temperature = 12.3;
  });

  it('shows SITE_TAGLINE before the first refresh, then the temperature and the age', async () => {
    assert.equal(await shown(), 'Nieuws en discussie uit onze stad');
    assert.equal(await refresh(), `Buiten is het 12 graden, binnen zit al ${age()}`);
    assert.equal(await shown(), `Buiten is het 12 graden, binnen zit al ${age()}`);
  });

  it('says since when on the voorpagina, from the same start date', async () => {
    const page = await request(t.app).get('/').expect(200);
    assert.match(page.text, /sinds de start van de weblog in mei 2005/);
  });

  it('asks the feed at most every ten minutes, and a kept page follows a new temperature', async () => {
    await refresh();
    assert.match(await shown(), /Buiten is het 12 graden/);
    const asked = feed.requests;
    feed.temperature = -4.6;
    await refreshTagline(t.db, new Date(clock + 60_000), () => Promise.resolve(null), feedOptions());
    assert.equal(feed.requests, asked, 'not within ten minutes');
    assert.match(await shown(), /Buiten is het 12 graden/);
    await refresh();
    assert.equal(await shown(), `Buiten is het -5 graden, binnen zit al ${age()}`, 'the kept voorpagina was made again');
  });

  const WHY = {
    'http-500':
      /want er is geen temperatuur: de weerfeed antwoordde niet bij de laatste poging, om \d\d:\d\d; over hooguit tien minuten vragen we het opnieuw\./,
    garbage:
      /want er is geen temperatuur: de weerfeed gaf geen bruikbare temperatuur voor weerstation 6260; klopt het nummer van het station\?/,
    'no-station': /want er is geen temperatuur: de weerfeed gaf geen bruikbare temperatuur voor weerstation 6260/,
  };
  for (const mode of ['http-500', 'garbage', 'no-station'] as const) {
    it(`leaves the temperature out when the feed answers ${mode}, and tells the editor why`, async () => {
      feed.mode = mode;
      assert.equal(await refresh(), `Binnen zit al ${age()}`);
      assert.equal(await shown(), `Binnen zit al ${age()}`);
      const slogan = (await (await loginAs(t.app, t.db, 'editor')).agent.get('/beheer/slogan').expect(200)).text;
      assert.match(slogan, /class="tagline-preview">Binnen zit al /);
      assert.match(slogan, WHY[mode]);
      assert.match(slogan, /\{temperatuur\}: nu geen: de weerfeed/);
    });
  }

  it('never asks a feed at an internal address, and tells the editor to choose a public one', async () => {
    const asked = feed.requests;
    // Without the test's exception the fake feed on 127.0.0.1 is what it is: this server itself.
    assert.equal(await refreshTagline(t.db, new Date((clock += 11 * 60_000)), () => Promise.resolve(null)), `Binnen zit al ${age()}`);
    assert.equal(feed.requests, asked, 'the feed was not asked');
    const slogan = (await (await loginAs(t.app, t.db, 'editor')).agent.get('/beheer/slogan').expect(200)).text;
    assert.match(slogan, /geen openbaar internetadres \(het wijst naar deze server of een intern netwerk\); kies een openbare weerfeed/);
    // Nor through a redirect: a feed whose port is let through, sending the request on to the cloud's metadata address.
    feed.mode = 'redirect';
    assert.equal(await refresh(), `Binnen zit al ${age()}`);
    assert.match(
      (await (await loginAs(t.app, t.db, 'editor')).agent.get('/beheer/slogan').expect(200)).text,
      /geen openbaar internetadres/,
    );
  });

  it('shows the editor the temperature it has, and no note', async () => {
    await refresh();
    const slogan = (await (await loginAs(t.app, t.db, 'editor')).agent.get('/beheer/slogan').expect(200)).text;
    assert.match(slogan, /class="tagline-preview">Buiten is het 12 graden, binnen zit al /);
    assert.match(slogan, /\{temperatuur\}: nu 12 graden\./);
    assert.doesNotMatch(slogan, /tagline-missing/);
  });

  it('never makes a page wait for a feed that hangs, and gives up on it after the timeout', async () => {
    await refresh();
    feed.mode = 'hang';
    const started = Date.now();
    const pending = refresh();
    const pageStarted = Date.now();
    assert.match(await shown(), /binnen zit al/i);
    assert.ok(Date.now() - pageStarted < 1000, 'the page did not wait for the feed');
    assert.equal(await pending, `Binnen zit al ${age()}`);
    const took = Date.now() - started;
    assert.ok(took >= 2500 && took < 6000, `gave up after the timeout (${took} ms)`);
    assert.equal(await shown(), `Binnen zit al ${age()}`);
  });
});
