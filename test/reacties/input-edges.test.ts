// Lengths are rejected, never truncated; unusual characters are stored byte-for-byte or refused
// with a Dutch message — identically on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { postReactieForm } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';

describe('reactie form: edges of the input', () => {
  let t: TestApp;
  let article: Article;
  before(async () => {
    t = await createTestApp();
    article = await buildArticle(t.db);
  });
  after(async () => t.close());

  async function post(fields: Record<string, string>) {
    return postReactieForm(request.agent(t.app), articlePath(article), fields);
  }
  async function stored(res: request.Response) {
    const id = Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
    return t.db('reacties').where({ id }).first();
  }

  const limits: Array<[string, number, (n: number) => string]> = [
    ['naam', 100, (n) => 'N'.repeat(n)],
    // A local part holds 64 characters at most (RFC 5321), a domain label 63: long addresses have long domains.
    ['email', 254, (n) => `${'e'.repeat(40)}@${'d'.repeat(n - 236)}.${`${'d'.repeat(63)}.`.repeat(3)}nl`],
    ['website', 200, (n) => `https://voorbeeld.nl/${'w'.repeat(n - 21)}`],
    ['reactie', 5000, (n) => 'r'.repeat(n)],
  ];
  for (const [fieldName, limit, make] of limits) {
    it(`${fieldName}: accepts ${limit - 1} and ${limit} characters unchanged, refuses ${limit + 1} with a 422`, async () => {
      for (const n of [limit - 1, limit]) {
        const value = make(n);
        assert.equal(value.length, n);
        const res = await post({ [fieldName]: value });
        assert.equal(res.status, 303, `${n} characters`);
        const row = await stored(res);
        const column = { naam: 'author_name', email: 'author_email', website: 'author_url', reactie: 'body' }[fieldName]!;
        assert.equal(row[column], value, 'stored exactly, not truncated');
      }
      const res = await post({ [fieldName]: make(limit + 1) });
      assert.equal(res.status, 422);
      assert.match(res.text, /hoogstens|geen geldig|lijkt geen/);
    });
  }

  it('counts an emoji or U+1D306 as one character and stores astral text with quotes byte-for-byte', async () => {
    const text = `"Tetragram" 𝌆 en 'emoji' 👩‍👩‍👧 <&> “gekrulde” — ${'😀'.repeat(10)}`;
    const res = await post({ naam: 'Émilie 😀 "de" \'Vries\'', reactie: text });
    assert.equal(res.status, 303);
    const row = await stored(res);
    assert.equal(row.body, text);
    assert.equal(Buffer.from(row.body).toString('hex'), Buffer.from(text).toString('hex'));
    assert.equal(row.author_name, 'Émilie 😀 "de" \'Vries\'');
    const fiveThousandEmoji = '😀'.repeat(5000);
    assert.equal((await post({ reactie: fiveThousandEmoji })).status, 303, '5.000 emoji are 5.000 characters');
    assert.equal((await post({ reactie: fiveThousandEmoji + '😀' })).status, 422);
  });

  it('stores line breaks as LF (CRLF from browsers, a lone CR) and counts each as one: 5.000 characters with CRLF pass', async () => {
    const text = `${'a'.repeat(2498)}\r\n\r\n${'b'.repeat(2500)}`;
    const res = await post({ reactie: text });
    assert.equal(res.status, 303);
    const body = (await stored(res)).body as string;
    assert.equal(body, `${'a'.repeat(2498)}\n\n${'b'.repeat(2500)}`);
    assert.equal([...body].length, 5000, 'stored as validated: 5.000 characters');
    const lines = Array.from({ length: 1250 }, (_, i) => `r${i % 10}\r\n`).join('') + 'eind';
    assert.equal([...lines.replace(/\r\n/g, '\n')].length, 3754);
    const many = await post({ reactie: `${lines}\r${'c'.repeat(5000 - 3755)}` });
    assert.equal(many.status, 303, '5.000 characters with 1.250 CRLF line breaks and a lone CR');
    const manyBody = (await stored(many)).body as string;
    assert.ok(!manyBody.includes('\r'), 'no CR is stored');
    assert.equal([...manyBody].length, 5000);
    assert.equal((await post({ reactie: `${lines}\r${'c'.repeat(5000 - 3754)}` })).status, 422, '5.001 characters are refused');
  });

  for (const [label, bad] of [
    ['a NUL byte', 'voor\u0000na'],
    ['a control character', 'voor\u0007na'],
    ['an escape character', 'voor\u001bna'],
  ] as const) {
    it(`refuses ${label} with a Dutch message, keeping the form`, async () => {
      const res = await post({ reactie: bad, naam: 'Controle' });
      assert.equal(res.status, 422);
      assert.match(res.text, /onzichtbare tekens/);
      assert.match(res.text, /value="Controle"/);
    });
  }

  // Whitespace of every kind, zero-width and format characters, fillers that look like nothing.
  const INVISIBLE = [
    '\t\u000b\f   \u200b\u3000',
    '\u200b\u200c\u200d\u2060\ufeff',
    '\u3164',
    '\u115f\u1160',
    '\u2800',
    '\u00a0\u202f\u205f',
    '\u202e\u2066',
    '\u{e0020}',
  ];

  it('refuses a name that is empty once invisible characters are left out: "Vul je naam in", 422, the text kept', async () => {
    const before = await t.db('reacties').count({ n: '*' }).first();
    for (const naam of INVISIBLE) {
      const res = await post({ naam, reactie: 'Mijn tekst blijft staan.' });
      assert.equal(res.status, 422, JSON.stringify(naam));
      assert.match(res.text, /Vul je naam in\./);
      assert.match(res.text, /Mijn tekst blijft staan\.<\/textarea>/);
    }
    assert.deepEqual(await t.db('reacties').count({ n: '*' }).first(), before, 'nothing stored');
  });

  it('refuses a reactie that is empty once invisible characters are left out, keeping the name', async () => {
    for (const reactie of [...INVISIBLE, '\n\u200b\n\u3000\n']) {
      const res = await post({ naam: 'Zichtbaar', reactie });
      assert.equal(res.status, 422, JSON.stringify(reactie));
      assert.match(res.text, /Vul je reactie in\./);
      assert.match(res.text, /value="Zichtbaar"/);
    }
  });

  it('stores a name and a text composed (NFC), without invisible characters at either end', async () => {
    const res = await post({ naam: '\u200b Rene\u0301e de Wit\u3000\ufeff', reactie: '\u200b\n  Cafe\u0301 op de hoek. 👩‍👩‍👧\n\n\u2060' });
    assert.equal(res.status, 303);
    const row = await stored(res);
    assert.equal(row.author_name, 'Ren\u00e9e de Wit');
    assert.equal(row.body, 'Caf\u00e9 op de hoek. 👩‍👩‍👧');
  });

  it('stores an undecodable lone surrogate (%ED%A0%80) exactly as sent, never as a broken character', async () => {
    const page = await request(t.app).get(articlePath(article));
    const token = /name="_token" value="([^"]+)"/.exec(page.text)![1];
    const res = await request(t.app)
      .post(`${articlePath(article)}/reacties`)
      .type('form')
      .send(`_token=${encodeURIComponent(token)}&naam=Surrogaat&email=s@example.nl&reactie=voor%ED%A0%80na`);
    assert.equal(res.status, 303);
    const body = (await stored(res)).body as string;
    assert.ok(!/[\uD800-\uDFFF]/.test(body), 'no lone surrogate reaches the database');
    // The form decoder leaves an invalid UTF-8 sequence as the text that was sent.
    assert.equal(body, 'voor%ED%A0%80na');
  });

  it('refuses a 64 KB reactie with 422 and a 1 MB body with 413', async () => {
    assert.equal((await post({ reactie: 'x'.repeat(64 * 1024) })).status, 422);
    const res = await request(t.app)
      .post(`${articlePath(article)}/reacties`)
      .type('form')
      .send({ reactie: 'x'.repeat(1024 * 1024) });
    assert.equal(res.status, 413);
  });

  it('ignores fields sent twice or as arrays instead of failing', async () => {
    const page = await request(t.app).get(articlePath(article));
    const token = /name="_token" value="([^"]+)"/.exec(page.text)![1];
    const res = await request(t.app)
      .post(`${articlePath(article)}/reacties`)
      .type('form')
      .send(`_token=${encodeURIComponent(token)}&naam=A&naam=B&email=a@example.nl&reactie=x`);
    assert.equal(res.status, 422);
    assert.match(res.text, /Vul je naam in/);
  });
});
