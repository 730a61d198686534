// The shared partials in views/partials/, rendered on their own with ejs: escaping, the aria
// attributes of a field, the links of the pagination, and plain text with and without links.
// And every template stays readable: no line longer than 160 characters.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import type { PlainText } from '../../server/reacties/thread-tree';

const VIEWS = path.join(__dirname, '..', '..', 'views');
const PARTIALS = path.join(VIEWS, 'partials');
const HOSTILE = '"><script>alert(1)</script>';
const HOSTILE_ESCAPED = '&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;';
const MAX_LINE = 160;

function render(file: string, locals: Record<string, unknown>): Promise<string> {
  return ejs.renderFile(path.join(PARTIALS, file), locals);
}

const field = (f: Record<string, unknown>, other: Record<string, unknown> = {}) => render('field.ejs', { field: f, ...other });

/** The start tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const m = new RegExp(`<[a-z]+ id="${id}"[^>]*>`).exec(html);
  assert.ok(m, `an element with id="${id}" in ${html}`);
  return m[0];
}

/** An attribute's value in a start tag: '' for a boolean attribute, undefined when it is not there. */
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s>])`).exec(tag);
  return m ? (m[1] ?? '') : undefined;
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('views/partials', () => {
  describe('field', () => {
    it('escapes the value, the label, the hint and the error', async () => {
      const html = await field({ name: 'naam', label: HOSTILE, value: HOSTILE, hint: HOSTILE, error: HOSTILE, maxlength: 100 });
      assert.ok(!html.includes('<script>'), html);
      assert.equal(html.split(HOSTILE_ESCAPED).length - 1, 4, 'label, value, hint and error, each escaped');
    });

    it('without hint or error: no has-error, no aria-invalid, no aria-describedby', async () => {
      const html = await field({ name: 'titel', label: 'Titel', value: 'Een titel', required: true });
      const input = tagWithId(html, 'titel');
      assert.equal(input, '<input id="titel" name="titel" type="text" value="Een titel" required>');
      assert.match(html, /<div class="field">/);
      assert.match(html, /<label for="titel">Titel<\/label>/);
      assert.doesNotMatch(html, /aria-|has-error|field-error|form-note/);
    });

    it('with an error: has-error, aria-invalid and aria-describedby pointing at the error', async () => {
      const html = await field({ id: 'veld-naam', name: 'naam', label: 'Naam', value: '', error: 'Vul je naam in.' });
      const input = tagWithId(html, 'veld-naam');
      assert.equal(attr(input, 'aria-invalid'), 'true');
      assert.equal(attr(input, 'aria-describedby'), 'fout-naam');
      assert.match(html, /<div class="field has-error">/);
      assert.match(html, /<label for="veld-naam">Naam<\/label>/);
      assert.match(html, /<p class="field-error" id="fout-naam">Vul je naam in\.<\/p>/);
    });

    it('with a hint: aria-describedby names the hint, and the error too when there is one', async () => {
      const hinted = await field({ name: 'slug', label: 'Slug', value: '', hint: 'Leeg laten mag.' });
      assert.equal(attr(tagWithId(hinted, 'slug'), 'aria-describedby'), 'hint-slug');
      assert.equal(attr(tagWithId(hinted, 'slug'), 'aria-invalid'), undefined);
      assert.match(hinted, /<p class="form-note" id="hint-slug">Leeg laten mag\.<\/p>/);
      const both = await field({ name: 'slug', label: 'Slug', value: 'x y', hint: 'Leeg laten mag.', error: 'Geen spaties.' });
      assert.equal(attr(tagWithId(both, 'slug'), 'aria-describedby'), 'hint-slug fout-slug');
      assert.ok(both.includes('id="hint-slug"') && both.includes('id="fout-slug"'));
    });

    it('marks a required field with a hidden * only when asked', async () => {
      const marked = await field({ id: 'veld-email', name: 'email', label: 'E-mail', type: 'email', value: '', required: true, markRequired: true });
      assert.match(marked, /<label for="veld-email">E-mail <span class="required" aria-hidden="true">\*<\/span><\/label>/);
      const plain = await field({ name: 'email', label: 'E-mailadres', type: 'email', value: '', required: true });
      assert.doesNotMatch(plain, /class="required"/);
      assert.equal(attr(tagWithId(plain, 'email'), 'required'), '');
    });

    it('renders a textarea with its value right after the start tag, and a password without a value', async () => {
      const area = await field({ name: 'tekst', label: 'Tekst', type: 'textarea', rows: 7, maxlength: 5000, value: `Twee\nregels ${HOSTILE}` });
      assert.ok(area.includes(`<textarea id="tekst" name="tekst" rows="7" maxlength="5000">Twee\nregels ${HOSTILE_ESCAPED}</textarea>`), area);
      const password = await field({ name: 'wachtwoord', label: 'Wachtwoord', type: 'password', autocomplete: 'current-password' });
      assert.equal(tagWithId(password, 'wachtwoord'), '<input id="wachtwoord" name="wachtwoord" type="password" autocomplete="current-password">');
    });

    it('renders a number field as text with a numeric keyboard', async () => {
      const html = await field({ name: 'maxLinks', label: 'Links', inputmode: 'numeric', value: '2' });
      assert.equal(tagWithId(html, 'maxLinks'), '<input id="maxLinks" name="maxLinks" type="text" inputmode="numeric" value="2">');
    });

    it('renders a select with the current value selected and escaped option texts', async () => {
      const html = await field({ name: 'soort', label: 'Soort', type: 'select', value: 'brief', options: [['nieuws', 'Nieuws'], ['brief', HOSTILE]] });
      assert.match(html, /<select id="soort" name="soort">/);
      assert.match(html, /<option value="nieuws">Nieuws<\/option>/);
      assert.ok(html.includes(`<option value="brief" selected>${HOSTILE_ESCAPED}</option>`), html);
    });

    it('renders a checkbox before its label, ticked or not, with its error described', async () => {
      const ticked = await field({ id: 'veld-onthoud', name: 'onthoud', label: 'Onthoud mij', type: 'checkbox', value: 'ja', checked: true });
      assert.match(ticked, /<div class="field checkbox">\s*<input id="veld-onthoud" name="onthoud" type="checkbox" value="ja" checked>/);
      assert.ok(ticked.indexOf('<input') < ticked.indexOf('<label for="veld-onthoud">'), 'the label follows the checkbox');
      const unticked = await field({ name: 'bevestig', label: 'Zeker', type: 'checkbox', value: 'ja', checked: false, error: 'Vink aan.' });
      const input = tagWithId(unticked, 'bevestig');
      assert.equal(attr(input, 'checked'), undefined);
      assert.equal(attr(input, 'aria-describedby'), 'fout-bevestig');
      assert.match(unticked, /<div class="field checkbox has-error">/);
    });

    it('renders a hint with markup from views/partials/hints/', async () => {
      const html = await field({ name: 'tekst', label: 'Tekst', type: 'textarea', value: '', hintInclude: 'markdown' });
      assert.match(html, /<p class="form-note" id="hint-tekst">Markdown: [^]*<code>## Kop<\/code>[^]*<\/p>/);
      assert.equal(attr(tagWithId(html, 'tekst'), 'aria-describedby'), 'hint-tekst');
    });

    it('uses nothing but `field`: the including template\'s error, hint or label never show up', async () => {
      const html = await field({ name: 'email', label: 'E-mailadres', type: 'email', value: '' }, { error: 'LEK', hint: 'LEK', label: 'LEK', value: 'LEK' });
      assert.doesNotMatch(html, /LEK|aria-|has-error/);
    });
  });

  describe('pagination', () => {
    const href = (n: number) => (n === 1 ? '/' : `/?pagina=${n}&x=${HOSTILE}`);

    it('shows nothing for a single page', async () => {
      assert.equal((await render('pagination.ejs', { page: 1, pages: 1, href })).trim(), '');
    });

    it('links only to older items on the first page', async () => {
      const html = await render('pagination.ejs', { page: 1, pages: 3, href, noun: 'artikelen' });
      assert.match(html, /<nav class="pagination" aria-label="Paginering">/);
      assert.doesNotMatch(html, /Nieuwere|rel="prev"/);
      assert.match(html, /<span>Pagina 1 van 3<\/span>/);
      assert.ok(html.includes(`<a rel="next" href="/?pagina=2&amp;x=${HOSTILE_ESCAPED}">Oudere artikelen »</a>`), html);
      assert.ok(!html.includes('<script>'));
    });

    it('links both ways on a middle page, to the URLs the caller makes', async () => {
      const html = await render('pagination.ejs', { page: 2, pages: 3, href: (n: number) => `/beheer/artikelen?pagina=${n}` });
      assert.match(html, /<a rel="prev" href="\/beheer\/artikelen\?pagina=1">« Nieuwere<\/a>/);
      assert.match(html, /<span>Pagina 2 van 3<\/span>/);
      assert.match(html, /<a rel="next" href="\/beheer\/artikelen\?pagina=3">Oudere »<\/a>/);
    });

    it('links only to newer items on the last page', async () => {
      const html = await render('pagination.ejs', { page: 3, pages: 3, href, noun: 'artikelen' });
      assert.ok(html.includes(`<a rel="prev" href="/?pagina=2&amp;x=${HOSTILE_ESCAPED}">« Nieuwere artikelen</a>`), html);
      assert.match(html, /<span>Pagina 3 van 3<\/span>/);
      assert.doesNotMatch(html, /Oudere|rel="next"/);
      const second = await render('pagination.ejs', { page: 2, pages: 2, href, noun: 'artikelen' });
      assert.match(second, /<a rel="prev" href="\/">« Nieuwere artikelen<\/a>/, 'page 1 is the URL the caller gives for it');
    });
  });

  describe('plain-text', () => {
    const text: PlainText = [
      [[{ text: 'Zie ' }, { text: 'https://www.helmond.nl/raad', href: 'https://www.helmond.nl/raad' }, { text: ' en' }], [{ text: HOSTILE }]],
      [[{ text: 'Tweede alinea' }]],
    ];

    it('renders paragraphs and lines, nothing added between them, links with rel="nofollow ugc noopener"', async () => {
      const html = await render('plain-text.ejs', { text });
      assert.equal(
        html,
        '<p>Zie <a href="https://www.helmond.nl/raad" rel="nofollow ugc noopener">https://www.helmond.nl/raad</a> en' +
          `<br>${HOSTILE_ESCAPED}</p><p>Tweede alinea</p>`,
      );
    });

    it('prints only the text of a link when links: false', async () => {
      const html = await render('plain-text.ejs', { text, links: false });
      assert.doesNotMatch(html, /<a /);
      assert.ok(html.startsWith('<p>Zie https://www.helmond.nl/raad en<br>'), html);
    });

    it('escapes a hostile link', async () => {
      const html = await render('plain-text.ejs', { text: [[[{ text: HOSTILE, href: `https://x.example/${HOSTILE}` }]]] });
      assert.equal(html, `<p><a href="https://x.example/${HOSTILE_ESCAPED}" rel="nofollow ugc noopener">${HOSTILE_ESCAPED}</a></p>`);
    });

    it('renders nothing for an empty text', async () => {
      assert.equal(await render('plain-text.ejs', { text: [] }), '');
    });
  });

  describe('the reactie form', () => {
    const form = (errors: Record<string, string> = {}) =>
      ejs.renderFile(path.join(VIEWS, 'reacties', 'form.ejs'), {
        path: '/2024/05/een-artikel',
        replyTo: null,
        replyToName: undefined,
        formToken: 'token',
        form: { values: { name: 'Jan', email: 'jan@example.nl', website: '', body: 'Tekst', parentId: '', remember: true }, errors },
        limits: { name: 11, email: 22, emailKey: 23, website: 33, body: 44 },
      });

    it('takes each maxlength from limits', async () => {
      const html = await form();
      assert.equal(attr(tagWithId(html, 'veld-naam'), 'maxlength'), '11');
      assert.equal(attr(tagWithId(html, 'veld-email'), 'maxlength'), '22');
      assert.equal(attr(tagWithId(html, 'veld-website'), 'maxlength'), '33');
      assert.equal(attr(tagWithId(html, 'veld-reactie'), 'maxlength'), '44');
    });

    it('links each error in the summary to its field, which points back at its error', async () => {
      const html = await form({ naam: 'Naam fout', email: 'E-mail fout', website: 'Website fout', reactie: 'Reactie fout' });
      const targets = [...html.matchAll(/<a href="#(veld-[a-z]+)">/g)].map((m) => m[1]);
      assert.deepEqual(targets, ['veld-naam', 'veld-email', 'veld-website', 'veld-reactie']);
      for (const id of targets) {
        const errorId = attr(tagWithId(html, id), 'aria-describedby')!;
        assert.match(html, new RegExp(`<p class="field-error" id="${errorId}">`), `${id} is described by its error`);
      }
    });
  });

  it(`no line in views/ is longer than ${MAX_LINE} characters`, () => {
    const long: string[] = [];
    for (const file of files(VIEWS)) {
      fs.readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .forEach((line, i) => {
          if ([...line].length > MAX_LINE) long.push(`${path.relative(process.cwd(), file)}:${i + 1} (${[...line].length})`);
        });
    }
    assert.deepEqual(long, [], 'break long tags over several lines');
  });
});
