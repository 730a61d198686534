// What a resident's browser remembers of its own reacties lives in one signed cookie on that
// device: posting writes no server session, the cookie names no person, and a cookie that was
// changed or made up grants nothing.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { postReactieForm } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';

const setCookies = (res: { headers: Record<string, unknown> }): string[] =>
  ([] as string[]).concat((res.headers['set-cookie'] as string[]) ?? []);
const ownCookie = (res: { headers: Record<string, unknown> }): string | undefined =>
  setCookies(res).find((c) => c.startsWith('stadslog_eigen='));

describe('a resident’s own reacties, remembered in their browser', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('posting sets one signed, HttpOnly cookie that names no person, and stores no session', async () => {
    const article = await buildArticle(t.db);
    const res = await postReactieForm(request.agent(t.app), articlePath(article), {
      naam: 'Femke Koekoek',
      email: 'femke.koekoek@example.nl',
      reactie: 'Mijn eerste reactie, die op goedkeuring wacht.',
    });
    assert.equal(res.status, 303);
    const cookie = ownCookie(res);
    assert.ok(cookie, setCookies(res).join('\n'));
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Max-Age=604800/);
    assert.equal(setCookies(res).filter((c) => c.startsWith('stadslog.sid=')).length, 0, 'no session cookie');
    assert.equal(Number((await t.db('sessions').count({ n: '*' }).first())?.n), 0, 'no session row');
    const payload = Buffer.from(/^stadslog_eigen=([^.;]+)\./.exec(cookie)![1], 'base64url').toString('utf8');
    assert.doesNotMatch(payload, /femke|koekoek|example\.nl|@/i);
  });

  it('shows the held reactie to the browser holding the cookie only, not to a changed or made-up one', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const author = request.agent(t.app);
    const res = await postReactieForm(author, path, { naam: 'Wachtende Wim', reactie: 'Deze wacht nog op de moderator.' });
    const id = Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
    assert.match((await author.get(path).expect(200)).text, /Wachtende Wim/);

    const value = /^stadslog_eigen=([^;]+)/.exec(ownCookie(res)!)![1];
    const [payload, signature] = value.split('.');
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    assert.deepEqual(data.h, [id]);
    // Someone else's held reactie, written into a cookie with the old signature, or unsigned.
    const other = await postReactieForm(request.agent(t.app), path, { naam: 'Andere Anja', reactie: 'Ook deze wacht.' });
    const otherId = Number(/#reactie-(\d+)$/.exec(other.headers.location)![1]);
    const forged = Buffer.from(JSON.stringify({ h: [otherId], e: [] })).toString('base64url');
    for (const cookie of [`stadslog_eigen=${forged}.${signature}`, `stadslog_eigen=${forged}`, 'stadslog_eigen=rommel']) {
      const page = await request(t.app).get(path).set('Cookie', cookie).expect(200);
      assert.doesNotMatch(page.text, /Andere Anja|Wachtende Wim/, cookie);
    }
    // A reply to someone else's held reactie is not taken on a forged cookie either.
    const page = await request(t.app).get(path).expect(200);
    const token = /name="_token" value="([^"]+)"/.exec(page.text)![1];
    const reply = await request(t.app)
      .post(`${path}/reacties`)
      .set('Cookie', `stadslog_eigen=${forged}.${signature}`)
      .type('form')
      .send({
        _token: token,
        naam: 'Indringer',
        email: 'i@example.nl',
        reactie: 'Antwoord op iets wat ik niet zie.',
        antwoord_op: String(otherId),
      });
    assert.equal(reply.status, 404);
    assert.match(reply.text, /bestaat niet \(meer\)/);
  });

  it('keeps the edit right for the newest reacties of one browser, and refuses it to a changed cookie', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const author = request.agent(t.app);
    const res = await postReactieForm(author, path, { reactie: 'Te bewerken tekst.' });
    const id = Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
    await author.get(`/reactie/${id}/bewerken`).expect(200);
    const value = /^stadslog_eigen=([^;]+)/.exec(ownCookie(res)!)![1];
    const [payload] = value.split('.');
    await request(t.app)
      .get(`/reactie/${id}/bewerken`)
      .set('Cookie', `stadslog_eigen=${payload}.${'A'.repeat(43)}`)
      .expect(403);
    await request(t.app).get(`/reactie/${id}/bewerken`).expect(403);
  });
});
