// Reads the XML the app sends (feeds, sitemap) with a real parser: well-formed or the test fails.
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Parsed XML: any shape; the tests' asserts say which. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Xml = any;

// Elements that may occur once or many times are always arrays, so tests index them the same way.
const REPEATED = new Set(['rss.channel.item', 'feed.entry', 'feed.link', 'feed.entry.link', 'urlset.url', 'sitemapindex.sitemap']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (_name, jPath) => REPEATED.has(String(jPath)),
});

export function parseXml(xml: string): Record<string, Xml> {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `not well-formed XML: ${JSON.stringify(valid)}`);
  return parser.parse(xml) as Record<string, Xml>;
}

export interface ParsedItem {
  title: string;
  link: string;
  html: string;
}

/** The items of an RSS 2.0 or Atom feed, after checking the elements each format requires. */
export function feedItems(xml: string): ParsedItem[] {
  const doc = parseXml(xml);
  if (doc.rss) {
    assert.equal(doc.rss['@version'], '2.0');
    const channel = doc.rss.channel;
    for (const required of ['title', 'link', 'description']) assert.equal(typeof channel[required], 'string', `channel has <${required}>`);
    return (channel.item ?? []).map((i: Record<string, Xml>) => {
      for (const required of ['title', 'link', 'guid', 'pubDate', 'description'])
        assert.ok(i[required] !== undefined, `item has <${required}>`);
      assert.ok(!Number.isNaN(Date.parse(i.pubDate)), 'pubDate is a date');
      return { title: i.title, link: i.link, html: `${i.description}${i['content:encoded'] ?? ''}` };
    });
  }
  assert.ok(doc.feed, 'an <rss> or an Atom <feed>');
  assert.equal(doc.feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  for (const required of ['id', 'title', 'updated']) assert.ok(doc.feed[required] !== undefined, `feed has <${required}>`);
  assert.ok(
    doc.feed.link.some((l: Record<string, string>) => l['@rel'] === 'self'),
    'feed links to itself',
  );
  return (doc.feed.entry ?? []).map((e: Record<string, Xml>) => {
    for (const required of ['id', 'title', 'updated', 'author']) assert.ok(e[required] !== undefined, `entry has <${required}>`);
    assert.ok(!Number.isNaN(Date.parse(e.updated)), 'updated is a date');
    const text = (v: unknown) => (typeof v === 'string' ? v : ((v as Record<string, string> | undefined)?.['#text'] ?? ''));
    return { title: text(e.title), link: e.link[0]['@href'], html: `${text(e.summary)}${text(e.content)}` };
  });
}
