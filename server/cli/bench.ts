// npm run bench [-- --articles 10000 --reacties 1000000 --duration 10 --connections 32 --file existing.sqlite
//   (or --database postgres://…) --proxy --search-only --endpoints-only --posting-only --photo-only]
// The reference benchmark (issue 9, BENCHMARKS.md): a generated database of twenty years of a busy
// city weblog, the built server in production mode on it, and for each page the same bytes from a
// bare node:http server, measured one after the other in the same run. The ratios are the result.
// Then searching (issue 22, bench/search.ts): fixed queries, their latency alone and a few at once;
// --search-only measures that alone. First the photo pipeline (issue 23, bench/photo.ts): a
// 12-megapixel JPEG made into its variants; --photo-only measures that alone. Then the moderation
// queue, feeds, sitemap and API (issue 26, bench/endpoints.ts); --endpoints-only measures those alone.
// --posting-only measures posting alone (with its checks), for a before/after of one change.
// --proxy measures everything through nginx in front of two app servers (issue 26, bench/proxy.ts),
// against nginx serving the same bytes itself; with --search-only, --endpoints-only or --posting-only,
// that section alone through the same chain.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articlePath, findArticleBySlug } from '../articles/queries';
import { createDb, isPostgresUrl, type Db } from '../db/knex';
import { migrateLatest } from '../db/migrate';
import { saveSpamSettings } from '../spam/settings';
import { analyseExisting, generateDatabase, parseSizes, type GenerationReport } from './bench/data';
import { bigArticleSlug } from './bench/generate';
import {
  BROWSER_ENCODINGS,
  formToken,
  loadPage,
  loadPosting,
  loadPostingFrom,
  timeSinglePosts,
  timeToFirstByte,
  type LoadOptions,
  type PostTarget,
} from './bench/load';
import { nl } from './bench/format';
import { printEndpointReport, printPostingReport, printReport, printSearchReport, type PageRow } from './bench/report';
import { measurePhotoPipeline, printPhotoReport } from './bench/photo';
import { measureSearch, SEARCH_CASES, SEARCH_CONNECTIONS, type SearchRow } from './bench/search';
import { build, fetchPages, startReference, startStadslog, type Server, type ServedPage } from './bench/servers';
import {
  ENDPOINT_CONNECTIONS,
  endpointCases,
  endpointErrors,
  measureEndpoints,
  measureTabCounts,
  moderatorSession,
  type CountTimings,
  type EndpointArticle,
  type EndpointRow,
} from './bench/endpoints';
import { startProxyChain, writeReferencePages, type ProxyChain } from './bench/proxy';
import { request, type Origin } from './bench/timing';
import { checkCounters, checkPosts, type CounterCheck, type PostCheck } from './bench/verify';
import { DEFAULT_WORDPRESS_URL, measureWordPress, type WordPressRun } from './bench/wordpress';
import { parseFlags, runCommand, UsageError } from './cli-support';

function seconds(flags: Record<string, string | true>, name: string, fallback: number): number {
  const value = flags[name] === undefined ? fallback : Number(flags[name]);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} moet een positief geheel getal zijn.`);
  return value;
}

/** The pages measured, by label and path, and the articles to post to. */
async function choosePages(db: Db): Promise<{ pages: Array<[string, string]>; postTo: string[]; huge: EndpointArticle }> {
  const pathOf = async (slug: string) => articlePath((await findArticleBySlug(db, slug))!);
  // The big discussions bench:data made (--big): the smallest is "the 500-reactie article".
  const big = (await db('articles').where('slug', 'like', bigArticleSlug(0).replace('0', '%')).select('slug'))
    .map((r: { slug: string }) => Number(/\d+/.exec(r.slug)![0]))
    .sort((a: number, b: number) => a - b);
  if (big.length < 2) throw new UsageError('De database heeft geen grote discussies: maak haar met npm run bench:data.');
  const [small, huge] = [big[0], big[big.length - 1]];
  // An old archive article: the oldest with a discussion worth reading.
  const old = await db('articles').where({ status: 'published' }).andWhere('reactie_count', '>=', 20).orderBy('published_at').first('slug');
  if (!old) throw new UsageError('De database heeft geen oud artikel met 20 of meer reacties: maak haar groter.');
  const recent: Array<{ slug: string }> = await db('articles')
    .where({ status: 'published', reacties_open: true })
    .andWhere('published_at', '<=', new Date())
    .orderBy('published_at', 'desc')
    .limit(10)
    .select('slug');
  const hugeArticle = (await findArticleBySlug(db, bigArticleSlug(huge)))!;
  return {
    huge: { id: hugeArticle.id, path: articlePath(hugeArticle), reacties: huge },
    pages: [
      ['voorpagina', '/'],
      [`artikel met ${nl(small)} reacties`, await pathOf(bigArticleSlug(small))],
      [`artikel met ${nl(huge)} reacties, pagina 2`, `${await pathOf(bigArticleSlug(huge))}?reacties=2`],
      ['oud archiefartikel', await pathOf(old.slug)],
    ],
    // Not to the 500-reactie article: a 501st reactie starts its page 2, which its permalink then
    // shows, so a later run on the same file would measure another page.
    postTo: await Promise.all(
      [...new Set([...recent.map((r) => r.slug), ...big.map(bigArticleSlug)])].filter((slug) => slug !== bigArticleSlug(small)).map(pathOf),
    ),
  };
}

async function searchOn(origin: Origin, duration: number): Promise<SearchRow[]> {
  console.log(
    `  zoeken: ${SEARCH_CASES.length} zoekvragen, elk één verzoek tegelijk en dan met ${SEARCH_CONNECTIONS} verbindingen ` +
      `(per zoekvraag en meting ${duration} s of 100 verzoeken, minstens 5)`,
  );
  return measureSearch(origin, SEARCH_CASES, {
    duration,
    onCase: (c) => console.log(`    ${c.label}: ${c.q}${c.page ? `, pagina ${c.page}` : ''}`),
  });
}

const searchErrors = (rows: SearchRow[]): number => rows.reduce((s, r) => s + r.sequential.errors + r.concurrent.errors, 0);

/**
 * --search-only and --endpoints-only: the server built and started on the database, one section
 * measured, the server stopped, then the section printed (not while the server still runs).
 */
async function aloneOn<T>(
  databaseUrl: string,
  work: string,
  measure: (origin: Origin) => Promise<T>,
  print: (measured: T) => void | Promise<void>,
  proxy = false,
): Promise<void> {
  console.log('\nBouwen…');
  build();
  // With --proxy: nginx in front of two app servers, as the whole run does (bench/proxy.ts).
  let stop: (() => Promise<void>) | null = null;
  try {
    let origin: Origin;
    if (proxy) {
      console.log('nginx voor twee app-servers starten');
      const chain = await startProxyChain(databaseUrl, [], work);
      stop = () => chain.stop();
      origin = chain.stadslog;
    } else {
      const stadslog = await startStadslog(databaseUrl);
      stop = () => stadslog.stop();
      origin = { url: stadslog.url };
    }
    console.log(`\nMeten${proxy ? ' via nginx (TLS)' : ''}:`);
    const measured = await measure(origin);
    await stop();
    stop = null;
    await print(measured);
  } finally {
    if (stop) await stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const failOnErrors = (errors: number): void => {
  if (errors > 0) throw new Error('De meting is niet betrouwbaar: zie de fouten hierboven.');
};

/** The moderation queue (as the bench's moderator), feeds, sitemap and API; then the tab counts' query alone. */
async function endpointsOn(
  databaseUrl: string,
  stadslog: Origin,
  huge: EndpointArticle,
  duration: number,
  headers: Record<string, string>,
): Promise<{ endpoints: EndpointRow[]; counts: CountTimings }> {
  const cases = endpointCases(huge);
  console.log(
    `  moderatiewachtrij, feeds, sitemap en API: ${cases.length} adressen, elk één verzoek tegelijk en dan met ${ENDPOINT_CONNECTIONS} verbindingen`,
  );
  const db = createDb(databaseUrl);
  try {
    const cookie = await moderatorSession(db, stadslog, headers);
    const endpoints = await measureEndpoints(stadslog, cases, {
      duration,
      headers,
      cookie,
      onCase: (c) => console.log(`    ${c.label} (${c.path})`),
    });
    console.log('    tabtellingen, de query zelf');
    return { endpoints, counts: await measureTabCounts(db) };
  } finally {
    await db.destroy();
  }
}

const postingLabel = (postTo: string[]): string => `reactie plaatsen (${postTo.length} artikelen; non-2xx: elk antwoord behalve 303)`;

/** Posting: the form tokens of the articles, five posts one at a time, then the load (through nginx: loadPostingFrom). */
async function postOn(stadslog: Origin, postTo: string[], proxy: boolean, load: LoadOptions) {
  console.log('  reacties plaatsen');
  const targetsToPost: PostTarget[] = [];
  for (const p of postTo) {
    const html = (await request(stadslog, p)).body.toString('utf8');
    const token = formToken(html);
    if (!token) throw new Error(`Geen reactieformulier op ${p}.`);
    targetsToPost.push({ path: p, token });
  }
  const run = crypto.randomBytes(4).toString('hex');
  const single = await timeSinglePosts(stadslog, targetsToPost, run);
  const posting = proxy
    ? await loadPostingFrom(stadslog, targetsToPost, run, load)
    : await loadPosting(stadslog.url, targetsToPost, run, load);
  return { run, single, posting };
}

/** After the server stopped: every acknowledged reactie stored once, and the counters exact. */
async function checkPosting(
  db: Db,
  run: string,
  single: { acknowledged: string[] },
  posting: { acknowledged: string[] },
): Promise<{ posts: PostCheck; counters: CounterCheck; postOk: boolean; countersOk: boolean }> {
  const posts = await checkPosts(db, run, [...single.acknowledged, ...posting.acknowledged]);
  const counters = await checkCounters(db);
  const postOk = posts.missing === 0 && posts.duplicated === 0;
  const countersOk = counters.wrongArticles === 0 && counters.siteStored === counters.siteCounted;
  return { posts, counters, postOk, countersOk };
}

/** --posting-only: the server on the database (or, with --proxy, the chain) and posting, checked after it stopped; nothing else measured. */
function postingAlone(databaseUrl: string, postTo: string[], load: LoadOptions, work: string, proxy: boolean): Promise<void> {
  console.log(`\n${load.connections} verbindingen, ${load.warmup} s opwarmen en ${load.duration} s meten.`);
  return aloneOn(
    databaseUrl,
    work,
    (origin) => postOn(origin, postTo, proxy, load),
    async ({ run, single, posting }) => {
      console.log('  controleren: elke bevestigde reactie één keer opgeslagen, tellers exact');
      const check = createDb(databaseUrl);
      const { posts, counters, postOk, countersOk } = await checkPosting(check, run, single, posting).finally(() => check.destroy());
      printPostingReport(postingLabel(postTo), posting.measured, single.median, posts, counters);
      failOnErrors(posting.measured.errors + (postOk ? 0 : 1) + (countersOk ? 0 : 1));
    },
    proxy,
  );
}

runCommand(async () => {
  const flags = parseFlags(process.argv.slice(2), [
    'articles',
    'reacties',
    'big',
    'file',
    'database',
    'duration',
    'connections',
    'warmup',
    'wordpress',
    'search-only',
    'endpoints-only',
    'posting-only',
    'photo-only',
    'proxy',
  ]);
  // The photo pipeline needs no database or server: measured first, in a second or two.
  const photoWork = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bench-fotos-'));
  try {
    printPhotoReport(await measurePhotoPipeline(photoWork));
  } finally {
    fs.rmSync(photoWork, { recursive: true, force: true });
  }
  if (flags['photo-only'] === true) return;
  const searchOnly = flags['search-only'] === true;
  const proxy = flags.proxy === true;
  // Stock WordPress measured in the same run: at its default address when it answers there, at
  // --wordpress URL, or not at all with --wordpress off.
  const wordpressUrl = flags.wordpress === 'off' ? null : typeof flags.wordpress === 'string' ? flags.wordpress : DEFAULT_WORDPRESS_URL;
  const load: LoadOptions = {
    duration: seconds(flags, 'duration', 10),
    connections: seconds(flags, 'connections', 32),
    warmup: seconds(flags, 'warmup', 3),
  };
  const given = typeof flags.database === 'string' ? flags.database : typeof flags.file === 'string' ? flags.file : null;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bench-'));
  let generation: GenerationReport | null = null;
  let databaseUrl = given ?? path.join(work, 'bench.sqlite');
  if (given === null || (!isPostgresUrl(given) && !fs.existsSync(given))) {
    generation = await generateDatabase(parseSizes(flags), databaseUrl);
  } else {
    console.log(`Bestaande database: ${given}`);
  }
  databaseUrl = isPostgresUrl(databaseUrl) ? databaseUrl : path.resolve(databaseUrl);

  const db = createDb(databaseUrl);
  await migrateLatest(db);
  await analyseExisting(db);
  if (searchOnly) {
    await db.destroy();
    // The search section alone: no pages, reference or posting.
    return aloneOn(
      databaseUrl,
      work,
      (origin) => searchOn(origin, load.duration),
      (search) => {
        printSearchReport(search);
        failOnErrors(searchErrors(search));
      },
      proxy,
    );
  }
  // Residents post from many addresses, some quickly: the fill-time and flood checks would hold
  // a load test back (a real spam run is what they are for), so they are off, as in the tests.
  await saveSpamSettings(db, { minFillSeconds: 0, floodSeconds: 0, perMinutePerIp: 1000 });
  const { pages, postTo, huge } = await choosePages(db);
  await db.destroy();
  // The endpoint section alone: nothing else, nothing posted.
  if (flags['endpoints-only'] === true)
    return aloneOn(
      databaseUrl,
      work,
      (origin) => endpointsOn(databaseUrl, origin, huge, load.duration, { 'x-forwarded-proto': 'https' }),
      ({ endpoints, counts }) => {
        printEndpointReport(endpoints, counts);
        failOnErrors(endpointErrors(endpoints));
      },
      proxy,
    );
  if (flags['posting-only'] === true) return postingAlone(databaseUrl, postTo, load, work, proxy);

  console.log('\nBouwen…');
  build();
  const servers: Server[] = [];
  let chain: ProxyChain | null = null;
  // The app servers (not the reference), for their peak memory.
  const appServers: Server[] = [];
  try {
    // Directly: one app server, the bare node:http reference. --proxy: nginx in front of two app
    // servers, and nginx serving the same bytes itself as the reference (bench/proxy.ts).
    let stadslog: Origin;
    let reference: Origin;
    // What a request tells the app when it does not come through nginx: https, so the moderator's
    // session cookie (Secure in production) is set as behind a proxy.
    let asIfHttps: Record<string, string> = {};
    let served: ServedPage[];
    if (proxy) {
      console.log('nginx voor twee app-servers starten');
      chain = await startProxyChain(
        databaseUrl,
        pages.map(([, p]) => p),
        work,
      );
      appServers.push(...chain.servers);
      stadslog = chain.stadslog;
      served = await fetchPages(
        stadslog,
        pages.map(([, p]) => p),
        BROWSER_ENCODINGS,
      );
      writeReferencePages(served, work);
      reference = chain.reference;
    } else {
      const app = await startStadslog(databaseUrl);
      servers.push(app);
      appServers.push(app);
      stadslog = { url: app.url };
      asIfHttps = { 'x-forwarded-proto': 'https' };
      served = await fetchPages(
        stadslog,
        pages.map(([, p]) => p),
        BROWSER_ENCODINGS,
      );
      const bare = await startReference(served, work);
      servers.push(bare);
      reference = { url: bare.url };
    }
    for (const s of served) if (s.status !== 200) throw new Error(`${s.path} gaf HTTP ${s.status}.`);
    const referenceName = proxy ? 'nginx zelf' : 'node:http';

    console.log(
      `\nMeten${proxy ? ' via nginx (TLS)' : ''}: ${load.connections} verbindingen, ${load.warmup} s opwarmen en ${load.duration} s meten per server en pagina.`,
    );
    const rows: PageRow[] = [];
    for (const [i, [label, p]] of pages.entries()) {
      console.log(`  ${label} (${p})`);
      const stadslogRun = await loadPage(`${stadslog.url}${p}`, load);
      const referenceRun = await loadPage(`${reference.url}${p}`, load);
      rows.push({ label, bytes: served[i].body.length, stadslog: stadslogRun, reference: referenceRun });
    }
    // The same pages as a reader's browser asks for them (gzip): what goes over the wire to residents.
    const compressed: PageRow[] = [];
    for (const [i, [label, p]] of pages.entries()) {
      const gzip = served[i].gzip;
      if (!gzip) throw new Error(`${p} kwam niet gecomprimeerd terug voor een browser die gzip vraagt.`);
      console.log(`  ${label}, gzip (${p})`);
      const stadslogRun = await loadPage(`${stadslog.url}${p}`, load, undefined, BROWSER_ENCODINGS);
      const referenceRun = await loadPage(`${reference.url}${p}`, load, undefined, BROWSER_ENCODINGS);
      compressed.push({ label: `${label}, gzip`, bytes: gzip.length, stadslog: stadslogRun, reference: referenceRun });
    }
    const ttfb = await timeToFirstByte(stadslog, pages[1][1]);
    const ttfbReference = await timeToFirstByte(reference, pages[1][1]);

    const search = await searchOn(stadslog, load.duration);

    const { endpoints, counts } = await endpointsOn(databaseUrl, stadslog, huge, load.duration, asIfHttps);

    const { run, single, posting } = await postOn(stadslog, postTo, proxy, load);
    rows.push({ label: postingLabel(postTo), bytes: 0, stadslog: posting.measured });
    // Posts still running in the server when autocannon stops are rolled back or finished by the
    // server's shutdown; the checks below read the database after it has stopped.
    const serverPeak = Math.max(...appServers.map((s) => s.peakRss()));
    for (const s of servers.splice(0)) await s.stop();
    if (chain) await chain.stop();
    chain = null;

    // Last: WordPress's PHP workers go on with the requests still queued long after a run ends.
    let wordpress: WordPressRun | null = null;
    if (wordpressUrl) {
      console.log(`  WordPress (${wordpressUrl})`);
      wordpress = await measureWordPress(wordpressUrl, load);
      if (!wordpress) {
        if (typeof flags.wordpress === 'string') throw new Error(`Geen WordPress op ${wordpressUrl}.`);
        console.log('    niet gevonden: niet gemeten (zie ../shared/peers/wordpress)');
      }
    }

    console.log('  controleren: elke bevestigde reactie één keer opgeslagen, tellers exact');
    const check = createDb(databaseUrl);
    const { posts, counters, postOk, countersOk } = await checkPosting(check, run, single, posting);
    await check.destroy();
    printReport({
      rows,
      compressed,
      ttfb,
      ttfbReference,
      singlePost: single.median,
      posts,
      counters,
      serverPeak,
      generation,
      wordpress,
      search,
      endpoints,
      counts,
      referenceName,
    });
    // A missed target is a result; a broken run (errors, lost or doubled reacties, wrong counters) is a failure.
    const broken =
      [...rows, ...compressed].some((r) => r.stadslog.errors > 0 || (r.reference?.errors ?? 0) > 0) ||
      searchErrors(search) > 0 ||
      endpointErrors(endpoints) > 0 ||
      !postOk ||
      !countersOk;
    if (broken) throw new Error('De meting is niet betrouwbaar: zie de fouten hierboven.');
  } finally {
    for (const s of servers) await s.stop();
    if (chain) await chain.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
