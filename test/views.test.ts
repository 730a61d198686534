// Template policy: <%- (unescaped output) only for includes, for HTML that sanitize-html or our own escaping
// made (…Html fields), and for …Html(…) functions that render another template (which escapes).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp } from './helpers/app';
import { FAKE_KEY } from './helpers/fake-akismet';

function templates(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? templates(path.join(dir, e.name)) : e.name.endsWith('.ejs') ? [path.join(dir, e.name)] : []));
}

describe('templates', () => {
  it('output unescaped HTML only from includes and sanitizer-made …Html fields', () => {
    for (const file of templates(path.join(__dirname, '..', 'views'))) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/<%-\s*([^%]*?)\s*%>/g)) {
        // …ForScript: JSON with every "<" escaped, for <script type="application/ld+json"> (seo/structured-data.ts).
        const safe = /^include\(/.test(m[1]) || /^[\w.]*Html(\(.*\))?$/.test(m[1]) || /^[\w.]*ForScript$/.test(m[1]);
        assert.ok(safe, `${path.relative(process.cwd(), file)}: <%- ${m[1]} %>`);
      }
    }
  });

  it('state on the privacy page how long data is kept and whether Akismet sees it', async () => {
    const without = await createTestApp();
    const withAkismet = await createTestApp({
      akismet: { key: FAKE_KEY, baseUrl: 'http://127.0.0.1:9', timeoutMs: 100, isTest: true },
      ipRetentionDays: 14,
    });
    try {
      assert.match((await request(without.app).get('/privacy')).text, /IP-adres en de naam van je browser bewaren we 30 dagen/);
      assert.match((await request(without.app).get('/privacy')).text, /er gaan geen gegevens naar buiten/);
      const page = (await request(withAkismet.app).get('/privacy')).text;
      assert.match(page, /bewaren we 14 dagen/);
      assert.match(page, /gecontroleerd door Akismet/);
    } finally {
      await without.close();
      await withAkismet.close();
    }
  });
});
