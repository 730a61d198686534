// What an editor pastes comes out as they see it, and nothing unsafe comes through.
import assert from 'node:assert/strict';
import { renderMarkdown } from '../../server/shared/markdown';

describe('article HTML from what editors paste', () => {
  it('keeps single line breaks, so a letterhead stays one line per label', () => {
    assert.equal(renderMarkdown('datum : 29 mei 2012\naan : de raad'), '<p>datum : 29 mei 2012<br />\naan : de raad</p>\n');
  });

  it('renders bare inline emphasis tags from e-mail text, and shows every other piece of HTML as text', () => {
    assert.equal(renderMarkdown('<b>Onderwerp:</b> Markt <i>nu</i> <U>echt</U>'), '<p><b>Onderwerp:</b> Markt <i>nu</i> <u>echt</u></p>\n');
    const hostile = renderMarkdown(
      '<b onmouseover="x()">y</b> <img src="/__xss_canary__"> <script>alert(1)</script>\n\n<div onclick=x>blok</div>',
    );
    assert.doesNotMatch(hostile, /<(img|script|div|b )/, 'no real tag but the bare ones');
    assert.match(hostile, /&lt;img src="\/__xss_canary__"&gt;/);
    assert.match(hostile, /&lt;div onclick=x&gt;blok&lt;\/div&gt;/);
  });

  it('turns a short capitalised line between paragraphs into a heading in a council document only', () => {
    const source = 'Aanleiding\n\nDe raad heeft besloten.\n\nKernboodschap\n\nHet plan gaat door.\n\nMet vriendelijke groet.';
    assert.equal(
      renderMarkdown(source, { document: true }),
      '<h3>Aanleiding</h3>\n<p>De raad heeft besloten.</p>\n<h3>Kernboodschap</h3>\n<p>Het plan gaat door.</p>\n<p>Met vriendelijke groet.</p>\n',
    );
    assert.match(renderMarkdown(source), /^<p>Aanleiding<\/p>/, 'news keeps its paragraphs');
  });
});
