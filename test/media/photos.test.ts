// Photos in articles: the editor uploads one with its alt text (required), caption and credit; the
// text names it with "[foto N]"; readers get a <figure> with a <picture> (WebP and JPEG srcset,
// width, height, lazy loading) and variants without EXIF or GPS. Bad input: a Dutch 4xx, what was typed kept.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import type { TestApp } from '../helpers/app';
import { staffApp, type Staff, type StaffApp } from '../helpers/staff';
import { buildArticle } from '../helpers/builders';
import { hasGpsIfd, jpegWithGps } from '../helpers/images';
import { ARTICLE_FORM, hiddenInput, loginAs, type Agent } from '../helpers/http';
import { articlePath, findArticleById, type Article } from '../../server/articles/queries';
import { renderMarkdown } from '../../server/shared/markdown';
import { ALT_REQUIRED_MESSAGE, NOT_A_PHOTO_MESSAGE } from '../../server/media/photo-form';

describe('photos in articles', function () {
  this.timeout(60_000);
  let s: StaffApp;
  let t: TestApp;
  let uploadDir: string;
  let editor: Staff;
  let article: Article;

  before(async () => {
    s = await staffApp('fotos');
    ({ t, uploadDir, editor } = s);
    article = await buildArticle(t.db, { title: 'Nieuwe fietsenstalling bij het station' });
  });
  after(async () => s.close());

  const upload = (
    agent: Agent,
    file: Buffer,
    fields: Partial<Record<'alt' | 'bijschrift' | 'fotograaf' | 'artikel', string>>,
    opts: { csrf?: string | null; json?: boolean; filename?: string } = {},
  ) => {
    const token = opts.csrf === undefined ? editor.csrf : opts.csrf;
    let req = agent.post(`/beheer/media/fotos${token === null ? '' : `?_csrf=${encodeURIComponent(token)}`}`);
    if (opts.json) req = req.set('Accept', 'application/json');
    for (const [name, value] of Object.entries({ alt: '', bijschrift: '', fotograaf: '', artikel: '', ...fields }))
      req = req.field(name, value);
    return req.attach('foto', file, { filename: opts.filename ?? 'IMG_2041.jpg', contentType: 'image/jpeg' });
  };
  const tmpFiles = () => (fs.existsSync(path.join(uploadDir, '.tmp')) ? fs.readdirSync(path.join(uploadDir, '.tmp')) : []);

  it('uploads a photo from the editor (no JavaScript) and shows the line to put in the text', async () => {
    const res = await upload(editor.agent, await jpegWithGps(2000, 1500), {
      alt: 'Overdekte fietsenstalling met twee verdiepingen naast het station',
      bijschrift: 'De stalling op de eerste dag',
      fotograaf: 'Anna de Vries',
      artikel: String(article.id),
    }).expect(303);
    const id = Number(/\?foto=(\d+)#fotos$/.exec(res.headers.location)?.[1]);
    assert.ok(id > 0, res.headers.location);
    assert.equal(res.headers.location, `/beheer/artikelen/${article.id}?foto=${id}#fotos`);
    const page = await editor.agent.get(res.headers.location).expect(200);
    assert.match(page.text, new RegExp(`Zet de regel \\[foto ${id}\\] op een eigen regel in de tekst`));
    assert.match(page.text, new RegExp(`Zet deze regel in de tekst: <code>\\[foto ${id}\\]</code>`));
    assert.match(page.text, /Voor wie de foto niet kan zien: een schermlezer leest deze tekst voor/);
    assert.deepEqual(tmpFiles(), []);
  });

  it('puts the photo in the text: figure, picture with WebP and JPEG srcset, width, height, alt, lazy loading, caption and credit', async () => {
    const added = await upload(
      editor.agent,
      await jpegWithGps(2400, 1600),
      { alt: 'Fietsen in de nieuwe stalling', bijschrift: 'Plek voor 1.200 fietsen', fotograaf: 'Gemeente' },
      { json: true },
    ).expect(201);
    const id = Number(added.body.id);
    assert.equal(added.body.shortcode, `[foto ${id}]`);
    const form = await editor.agent.get(`/beheer/artikelen/${article.id}`).expect(200);
    await editor.agent
      .post(`/beheer/artikelen/${article.id}`)
      .type('form')
      .send({
        ...ARTICLE_FORM,
        _csrf: editor.csrf,
        versie: hiddenInput(form.text, 'versie'),
        titel: article.title,
        soort: 'nieuws',
        tekst: `De stalling is open.\n\n[foto ${id}]\n\nEr is plek voor 1.200 fietsen.`,
      })
      .expect(303);
    const saved = (await findArticleById(t.db, article.id))!;
    const html = (await request(t.app).get(articlePath(saved)).expect(200)).text;
    const figure = /<figure><picture>.*?<\/figure>/s.exec(html)?.[0] ?? '';
    assert.ok(figure, 'the article shows a figure');
    const key = /\/beelden\/\d+\/([0-9a-f]{12})-/.exec(figure)?.[1];
    const url = (w: number | string, ext: string) => `/beelden/${id}/${key}-${w}.${ext}`;
    assert.equal(
      figure,
      `<figure><picture><source type="image/webp" srcset="${url(480, 'webp')} 480w, ${url(960, 'webp')} 960w, ${url(1600, 'webp')} 1600w" ` +
        `sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)" />` +
        `<img src="${url(960, 'jpg')}" srcset="${url(480, 'jpg')} 480w, ${url(960, 'jpg')} 960w, ${url(1600, 'jpg')} 1600w" ` +
        `sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)" width="1600" height="1067" alt="Fietsen in de nieuwe stalling" ` +
        `loading="lazy" decoding="async" /></picture>` +
        `<figcaption>Plek voor 1.200 fietsen <span>Foto: Gemeente</span></figcaption></figure>`,
    );
    // Every variant a reader can get: the right type, and nothing of the camera or the place.
    for (const u of [...figure.matchAll(/(\/beelden\/[^ "]+)/g)].map((m) => m[1]).concat(url('share', 'jpg'))) {
      const res = await request(t.app)
        .get(u)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      assert.equal(res.headers['content-type'], u.endsWith('.webp') ? 'image/webp' : 'image/jpeg', u);
      assert.match(String(res.headers['cache-control']), /immutable/);
      const meta = await sharp(res.body as Buffer).metadata();
      assert.equal(meta.exif, undefined, `${u} has no EXIF`);
      assert.ok(!hasGpsIfd(meta.exif));
    }
    await request(t.app).get(`/beelden/${id}/000000000000-960.webp`).expect(404);
    await request(t.app).get(`/beelden/${id}/${key}-123.webp`).expect(404);
  });

  it('refuses a photo without alt text with a Dutch 422 and keeps the caption and credit typed', async () => {
    const before = await t.db('images').count({ n: '*' }).first();
    const res = await upload(editor.agent, await jpegWithGps(800, 600), {
      alt: '  ',
      bijschrift: 'Wethouder opent de stalling',
      fotograaf: 'Piet Jansen',
      artikel: String(article.id),
    }).expect(422);
    assert.ok(res.text.includes(ALT_REQUIRED_MESSAGE));
    assert.match(res.text, /value="Wethouder opent de stalling"/);
    assert.match(res.text, /value="Piet Jansen"/);
    assert.match(res.text, new RegExp(`href="/beheer/artikelen/${article.id}"`));
    const json = await upload(editor.agent, await jpegWithGps(800, 600), { alt: '' }, { json: true }).expect(422);
    assert.equal(json.body.error, ALT_REQUIRED_MESSAGE);
    assert.deepEqual(await t.db('images').count({ n: '*' }).first(), before);
    assert.deepEqual(tmpFiles(), []);
  });

  it('refuses what is no photo by its bytes (415), whatever its name says, and a broken JPEG (422)', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% geen foto\n');
    const res = await upload(editor.agent, pdf, { alt: 'Een foto' }, { filename: 'foto.jpg' }).expect(415);
    assert.ok(res.text.includes(NOT_A_PHOTO_MESSAGE));
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 1)]);
    const bad = await upload(editor.agent, broken, { alt: 'Een foto' }).expect(422);
    assert.match(bad.text, /Deze foto kunnen we niet lezen/);
    assert.deepEqual(tmpFiles(), []);
  });

  it('needs the form token and an editor', async () => {
    const photo = await jpegWithGps(300, 200);
    await upload(editor.agent, photo, { alt: 'Een foto' }, { csrf: null }).expect(403);
    const moderator = await loginAs(t.app, t.db, 'moderator');
    await upload(moderator.agent, photo, { alt: 'Een foto' }, { csrf: moderator.csrf }).expect(403);
  });

  it('lets the sanitizer through exactly the figure markup: raw picture/source HTML in the text stays text', () => {
    const html = renderMarkdown(
      '<picture><source srcset="x" onerror="alert(1)"></picture>\n\n[foto 999]\n\nTekst <span style="color:red">rood</span>',
      { figureOf: () => null },
    );
    assert.ok(!/<picture|<source|<span/.test(html), html);
    assert.match(html, /&lt;picture&gt;/);
    const made = renderMarkdown('[foto 1]', {
      figureOf: () =>
        '<figure onclick="x"><picture><source type="text/html" srcset="/a 1w"><img src="/a" onerror="x" loading="eager" width="1" height="1" alt="a"></picture></figure>',
    });
    assert.equal(made.trim(), '<figure><picture><source srcset="/a 1w" /><img src="/a" width="1" height="1" alt="a" /></picture></figure>');
  });
});
