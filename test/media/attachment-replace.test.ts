// Replacing an attachment's file in the media library: every article that has the same file attached
// shows the new one (same title, same address), with the same checks as an upload (type from the
// bytes, 20 MB); the old file is gone from the disk; the audit log has a line.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { loginAs, type Agent } from '../helpers/http';
import { pdfFromText } from '../helpers/pdf';
import { articlePath, type Article } from '../../server/articles/queries';
import { MAX_ATTACHMENT_BYTES, TOO_LARGE_MESSAGE } from '../../server/attachments/upload';
import { WRONG_TYPE_MESSAGE } from '../../server/attachments/attach';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

describe('media library: replacing an attachment everywhere', function () {
  this.timeout(60_000);
  let t: TestApp;
  let uploadDir: string;
  let editor: { agent: Agent; csrf: string };
  let first: Article;
  let second: Article;
  let oldPdf: Buffer;
  let newPdf: Buffer;
  let attachmentId: number;

  before(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bijlage-vervangen-'));
    t = await createTestApp({ uploadDir });
    editor = await loginAs(t.app, t.db, 'editor');
    first = await buildArticle(t.db, { title: 'Begroting 2027' });
    second = await buildArticle(t.db, { title: 'Raad bespreekt begroting' });
    oldPdf = await pdfFromText('Begroting 2027, eerste versie. Het tekort is 2 miljoen euro.');
    newPdf = await pdfFromText('Begroting 2027, verbeterde versie. Het tekort is 1,8 miljoen euro.');
    for (const [article, titel] of [
      [first, 'Begroting (pdf)'],
      [second, 'De begroting'],
    ] as const) {
      await editor.agent
        .post(`/beheer/artikelen/${article.id}/bijlagen?_csrf=${encodeURIComponent(editor.csrf)}`)
        .field('titel', titel)
        .attach('bestand', oldPdf, { filename: 'begroting-v1.pdf', contentType: 'application/pdf' })
        .expect(303);
    }
    attachmentId = Number((await t.db('article_attachments').where({ article_id: first.id }).first()).id);
  });
  after(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  const replace = (file: Buffer, filename: string, contentType: string) =>
    editor.agent
      .post(`/beheer/media/bijlagen/${attachmentId}/vervangen?_csrf=${encodeURIComponent(editor.csrf)}`)
      .attach('bestand', file, { filename, contentType });

  it('shows the file and the articles that have it attached, from the library', async () => {
    const library = await editor.agent.get('/beheer/media').expect(200);
    assert.match(library.text, new RegExp(`<a href="/beheer/media/bijlagen/${attachmentId}">Begroting \\(pdf\\)</a>`));
    const page = await editor.agent.get(`/beheer/media/bijlagen/${attachmentId}`).expect(200);
    assert.match(page.text, /begroting-v1\.pdf · pdf, \d+ kB/);
    assert.match(
      page.text,
      new RegExp(`<a href="/beheer/artikelen/${first.id}#bijlagen">Begroting 2027</a> \\(als „Begroting \\(pdf\\)”\\)`),
    );
    assert.match(
      page.text,
      new RegExp(`<a href="/beheer/artikelen/${second.id}#bijlagen">Raad bespreekt begroting</a> \\(als „De begroting”\\)`),
    );
    await editor.agent.get('/beheer/media/bijlagen/987654').expect(404);
  });

  it('refuses a file of the wrong type or too large with a Dutch message, changing nothing', async () => {
    const text = await replace(Buffer.from('Dit is geen pdf.\n'), 'begroting.pdf', 'application/pdf');
    assert.equal(text.status, 415);
    assert.ok(text.text.includes(WRONG_TYPE_MESSAGE));
    const big = await replace(Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x25), 'groot.pdf', 'application/pdf');
    assert.equal(big.status, 413);
    assert.ok(big.text.includes(TOO_LARGE_MESSAGE));
    const rows = await t.db('article_attachments').select('file_sha256');
    assert.deepEqual(
      rows.map((r: { file_sha256: string }) => r.file_sha256),
      [sha256(oldPdf), sha256(oldPdf)],
    );
    assert.ok(fs.existsSync(path.join(uploadDir, sha256(oldPdf))));
    assert.deepEqual(
      fs.readdirSync(path.join(uploadDir, '.tmp')).filter((f) => !f.startsWith('.')),
      [],
      'no temporary file left',
    );
  });

  it('replaces the file in every article, keeps titles and addresses, removes the old file and logs it', async () => {
    const before = await request(t.app).get(articlePath(first)).expect(200);
    const oldUrl = /href="(\/bijlagen\/\d+\/[^"]+)"/.exec(before.text)![1];

    const res = await replace(newPdf, 'begroting-v2.pdf', 'application/pdf');
    assert.equal(res.status, 303);
    const page = await editor.agent.get(res.headers.location).expect(200);
    assert.match(page.text, /De bijlage is vervangen, in alle 2 artikelen die hem gebruiken\./);
    assert.match(page.text, /begroting-v2\.pdf · pdf/);

    for (const article of [first, second]) {
      const reader = await request(t.app).get(articlePath(article)).expect(200);
      const url = /href="(\/bijlagen\/\d+\/[^"]+)"/.exec(reader.text)![1];
      assert.match(url, /\/begroting-v2\.pdf$/);
      const file = await request(t.app).get(url).buffer(true).expect(200);
      assert.equal(sha256(file.body as Buffer), sha256(newPdf));
    }
    assert.match((await request(t.app).get(articlePath(first)).expect(200)).text, />Begroting \(pdf\)<\/a>/);
    // The old address (its old name) leads to the new file.
    const moved = await request(t.app).get(oldUrl).expect(301);
    assert.match(moved.headers.location, /\/begroting-v2\.pdf$/);

    assert.ok(!fs.existsSync(path.join(uploadDir, sha256(oldPdf))), 'the old file is gone');
    assert.ok(fs.existsSync(path.join(uploadDir, sha256(newPdf))));
    assert.equal((await t.db('files').where({ sha256: sha256(oldPdf) })).length, 0);
    const log = await t.db('audit_log').where({ action: 'media.replace-file' });
    assert.equal(log.length, 1);
    assert.equal(log[0].detail, 'begroting-v1.pdf → begroting-v2.pdf');
    const audit = await loginAs(t.app, t.db, 'admin');
    assert.match((await audit.agent.get('/beheer/logboek').expect(200)).text, /bijlage vervangen/);
  });

  it('never lets a browser keep the old file: same address after a replace, the old ETag gets the new bytes', async () => {
    const page = await request(t.app).get(articlePath(first)).expect(200);
    const url = /href="(\/bijlagen\/\d+\/[^"]+)"/.exec(page.text)![1];
    const kept = await request(t.app).get(url).buffer(true).expect(200);
    // Kept by a browser or a cache, but asked again each time.
    assert.equal(kept.headers['cache-control'], 'public, no-cache');
    assert.equal(kept.headers.etag, `"${sha256(newPdf)}"`);
    const same = await request(t.app).get(url).set('If-None-Match', kept.headers.etag).expect(304);
    assert.equal(same.text, '');

    // The file replaced by one of the same name (personal data taken out): the address stays.
    const cleaned = await pdfFromText('Begroting 2027, verbeterde versie, zonder namen van bewoners.');
    assert.equal((await replace(cleaned, 'begroting-v2.pdf', 'application/pdf')).status, 303);
    const after = await request(t.app).get(articlePath(first)).expect(200);
    assert.equal(/href="(\/bijlagen\/\d+\/[^"]+)"/.exec(after.text)![1], url);
    const fresh = await request(t.app).get(url).set('If-None-Match', kept.headers.etag).buffer(true).expect(200);
    assert.equal(sha256(fresh.body as Buffer), sha256(cleaned));
    assert.equal(fresh.headers.etag, `"${sha256(cleaned)}"`);
    // An old name's redirect is not kept either: a later replace may give that name back.
    const moved = await request(t.app).get(url.replace('begroting-v2.pdf', 'begroting-v1.pdf')).expect(301);
    assert.equal(moved.headers['cache-control'], 'no-cache');
  });
});
