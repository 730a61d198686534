// Every /beheer route, found by walking the app's router, must be in this table with the
// permission it needs. A new route without an entry fails here; so does one without a check.
import assert from 'node:assert/strict';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/app';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { loginAs } from '../helpers/http';
import { can, type Permission, type Role } from '../../server/accounts/roles';

type Need = Permission | 'login' | 'public';
const TABLE: Record<string, Need> = {
  'GET /beheer/inloggen': 'public',
  'POST /beheer/inloggen': 'public',
  'POST /beheer/uitloggen': 'login',
  'GET /beheer': 'login',
  'GET /beheer/artikelen': 'articles',
  'GET /beheer/artikelen/nieuw': 'articles',
  'GET /beheer/artikelen/importeren': 'articles',
  'POST /beheer/artikelen/importeren': 'articles',
  'POST /beheer/artikelen': 'articles',
  'GET /beheer/artikelen/:id': 'articles',
  'POST /beheer/artikelen/:id': 'articles',
  'POST /beheer/artikelen/:id/depubliceren': 'articles',
  'POST /beheer/artikelen/:id/bijlagen': 'articles',
  'GET /beheer/media/fotos/nieuw': 'articles',
  'POST /beheer/media/fotos': 'articles',
  'GET /beheer/media': 'articles',
  'GET /beheer/media/kiezen': 'articles',
  'POST /beheer/media/kiezen': 'articles',
  'GET /beheer/media/fotos/:id': 'articles',
  'POST /beheer/media/fotos/:id': 'articles',
  'POST /beheer/media/fotos/:id/vervangen': 'articles',
  'POST /beheer/media/fotos/:id/verwijderen': 'articles',
  'GET /beheer/media/bijlagen/:id': 'articles',
  'POST /beheer/media/bijlagen/:id/vervangen': 'articles',
  'POST /beheer/artikelen/:id/tags': 'articles',
  'POST /beheer/artikelen/:id/beoordeling': 'reviewing',
  'GET /beheer/artikelen/:id/versies': 'articles',
  'POST /beheer/concepten': 'articles',
  'POST /beheer/concepten/weggooien': 'articles',
  'GET /beheer/artikelen/:id/versies/vergelijken': 'articles',
  'POST /beheer/artikelen/:id/versies/:number/terugzetten': 'articles',
  'POST /beheer/artikelen/:id/bijlagen/:attachmentId/verwijderen': 'articles',
  'GET /beheer/dossiers': 'articles',
  'GET /beheer/dossiers/nieuw': 'articles',
  'POST /beheer/dossiers': 'articles',
  'GET /beheer/dossiers/:id': 'articles',
  'POST /beheer/dossiers/:id': 'articles',
  'POST /beheer/dossiers/:id/verwijderen': 'articles',
  'POST /beheer/dossiers/:id/artikelen': 'articles',
  'POST /beheer/dossiers/:id/artikelen/verwijderen': 'articles',
  'GET /beheer/paginas/:slug': 'pages',
  'POST /beheer/paginas/:slug': 'pages',
  'GET /beheer/reacties': 'moderation',
  'POST /beheer/reacties/:id/uitlichten': 'featuring',
  'POST /beheer/reacties/:id/niet-uitlichten': 'featuring',
  'POST /beheer/reacties/bulk': 'moderation',
  'GET /beheer/reacties/:id/bewerken': 'moderation',
  'POST /beheer/reacties/:id/bewerken': 'moderation',
  'POST /beheer/reacties/:id/:actie': 'moderation',
  'GET /beheer/reacties/:id/weghalen': 'moderation',
  'POST /beheer/reacties/:id/weghalen': 'moderation',
  'POST /beheer/reacties/:id/meldingen-negeren': 'moderation',
  'GET /beheer/reacties/:id/schrijver': 'moderation',
  'POST /beheer/reacties/:id/schrijver/maatregel': 'moderation',
  'POST /beheer/reacties/:id/schrijver/opheffen': 'moderation',
  'POST /beheer/reacties/:id/notities': 'moderation',
  'POST /beheer/notities/:id/verwijderen': 'moderation',
  'GET /beheer/schrijvers': 'moderation',
  'POST /beheer/schrijvers/:id/opheffen': 'moderation',
  'GET /beheer/reacties/meldingen': 'moderation',
  'POST /beheer/reacties/:id/laten-staan': 'moderation',
  'GET /beheer/bezwaren': 'moderation',
  'POST /beheer/bezwaren/:id/:uitkomst': 'moderation',
  'GET /beheer/reacties/aantallen': 'moderation',
  'GET /beheer/reacties/wijzigingen': 'moderation',
  'POST /beheer/reacties/wijzigingen/:id': 'moderation',
  'GET /beheer/spamfilter': 'moderation',
  'POST /beheer/spamfilter/terugzetten': 'moderation',
  'GET /beheer/instellingen': 'settings',
  'POST /beheer/instellingen': 'settings',
  'POST /beheer/instellingen/akismet-controleren': 'settings',
  'GET /beheer/slogan': 'tagline',
  'POST /beheer/slogan': 'tagline',
  'GET /beheer/zoeken': 'search',
  'POST /beheer/zoeken': 'search',
  'GET /beheer/privacy': 'moderation',
  'GET /beheer/privacy/export': 'moderation',
  'POST /beheer/privacy/wissen': 'moderation',
  'GET /beheer/logboek': 'audit',
  'GET /beheer/uitgaande-mail': 'users',
  'GET /beheer/uitgaande-mail/:file': 'users',
  'GET /beheer/gebruikers': 'users',
  'POST /beheer/gebruikers': 'users',
  'POST /beheer/gebruikers/:id/rol': 'users',
};

// Outside /beheer, the routes for operations (server/ops): /gezondheid for the proxy and a monitor,
// for everyone; /metrics only with the METRICS_TOKEN bearer token, and not there at all without one.
const OPS_TABLE: Record<string, 'public' | 'metrics token'> = {
  'GET /gezondheid': 'public',
  'GET /metrics': 'metrics token',
};

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function routesOf(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) for (const m of Object.keys(layer.route.methods)) out.push(`${m.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

describe('route table: every beheer route checks the role and the CSRF token', function () {
  this.timeout(60_000);
  let t: TestApp;
  let concrete: (route: string) => string;
  before(async () => {
    t = await createTestApp();
    const article = await buildArticle(t.db);
    const reactie = await buildReactie(t.db, article);
    concrete = (path) =>
      path
        .replace(':id/:actie', `${reactie}/goedkeuren`)
        .replace(':id/bewerken', `${reactie}/bewerken`)
        .replace('/artikelen/:id', `/artikelen/${article.id}`)
        .replace(':slug', 'over-deze-weblog')
        .replace('/gebruikers/:id', '/gebruikers/1');
  });
  after(async () => t.close());

  it('has every /beheer route in the table, and nothing in the table that is not a route', () => {
    const beheer = routesOf(t.app).filter((r) => r.split(' ')[1].startsWith('/beheer'));
    assert.deepEqual([...new Set(beheer)].sort(), Object.keys(TABLE).sort());
  });

  it('has the operations routes: /gezondheid for everyone, /metrics only with the token', async () => {
    const routes = new Set(routesOf(t.app));
    for (const route of Object.keys(OPS_TABLE)) assert.ok(routes.has(route), route);
    await request(t.app).get('/gezondheid').expect(200);
    await request(t.app).get('/metrics').expect(404);
    const token = 'een-metrics-token-van-minstens-24-tekens';
    const withToken = createApp({ ...t.deps, config: { ...t.deps.config, metricsToken: token } });
    await request(withToken).get('/metrics').expect(401);
    await request(withToken).get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('sends residents to the login page and refuses their posts', async () => {
    for (const [route, need] of Object.entries(TABLE)) {
      if (need === 'public') continue;
      const [method, path] = route.split(' ');
      const res =
        method === 'GET' ? await request(t.app).get(concrete(path)) : await request(t.app).post(concrete(path)).type('form').send({});
      if (method === 'GET') assert.equal(res.status, 302, route);
      else assert.equal(res.status, 403, route);
    }
  });

  for (const role of ['editor', 'chief', 'moderator', 'admin'] as Role[]) {
    it(`answers 403 to the ${role} role exactly where it has no permission`, async () => {
      const { agent, csrf } = await loginAs(t.app, t.db, role);
      for (const [route, need] of Object.entries(TABLE)) {
        if (need === 'public' || need === 'login' || route === 'POST /beheer/uitloggen') continue;
        const [method, path] = route.split(' ');
        const res =
          method === 'GET' ? await agent.get(concrete(path)) : await agent.post(concrete(path)).type('form').send({ _csrf: csrf });
        const allowed = can(role, need);
        if (allowed) assert.notEqual(res.status, 403, `${role} ${route}`);
        else assert.equal(res.status, 403, `${role} ${route}`);
      }
    });
  }

  it('refuses every state-changing beheer route without or with a wrong CSRF token, changing nothing', async () => {
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all(
          [
            'articles',
            'reacties',
            'users',
            'settings',
            'pages',
            'audit_log',
            'spam_memory',
            'spam_classifier_counts',
            'files',
            'article_attachments',
          ].map((table) => t.db(table).select('*').orderBy(1)),
        ),
      );
    const { agent, csrf } = await loginAs(t.app, t.db, 'admin');
    assert.ok(csrf);
    const before = await snapshot();
    for (const [route, need] of Object.entries(TABLE)) {
      const [method, path] = route.split(' ');
      if (method !== 'POST' || need === 'public') continue;
      for (const token of [undefined, 'fout-token']) {
        const res = await agent
          .post(concrete(path))
          .type('form')
          .send({
            ...(token ? { _csrf: token } : {}),
            actie: 'goedkeuren',
            ids: '1',
            titel: 'x',
            tekst: 'y',
            rol: 'editor',
            email: 'x@example.nl',
            wijze: 'verwijderen',
            bevestig: 'ja',
          });
        assert.equal(res.status, 403, `${route} with token ${token}`);
      }
    }
    assert.equal(await snapshot(), before);
    await agent.get('/beheer').expect(200);
  });
});
