// A generated WordPress export of a long-running daily weblog, for measuring import:wxr at full
// size: one post a day (some days more), comments with threads, categories, tags and attachments,
// its bodies sized so the whole file is about the size asked for. Written as a stream: the file is
// never in memory. Deterministic (a seeded generator), so every run measures the same file.
import fs from 'node:fs';
import { once } from 'node:events';

export interface WxrSizes {
  posts: number;
  comments: number;
  attachments: number;
  /** The size the file should come to, in bytes (its post bodies are sized for it). */
  bytes: number;
}

export const DEFAULT_WXR_SIZES: WxrSizes = { posts: 7_000, comments: 100_000, attachments: 3_000, bytes: 150 * 1024 * 1024 };

const WORDS = (
  'de gemeente raad college wethouder buurt straat plein fiets parkeren bewoners vergadering besluit ' +
  'begroting school park brug gracht markt bibliotheek afval groen verkeer veilig plan avond week ' +
  'nieuw oud stad wijk zomer winter huis project subsidie inspraak reactie vraag antwoord kaart route'
).split(' ');
const CATEGORIES = [
  'verkeer',
  'wonen',
  'groen',
  'onderwijs',
  'cultuur',
  'zorg',
  'veiligheid',
  'financien',
  'sport',
  'afval',
  'raad',
  'wijken',
];

/** A small seeded generator (mulberry32): the same file on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const wpDate = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;

function sentence(rnd: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rnd() * WORDS.length)]);
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function paragraphs(rnd: () => number, chars: number): string {
  let out = '';
  while (out.length < chars) out += `<p>${sentence(rnd, 12)} ${sentence(rnd, 9)} ${sentence(rnd, 15)}</p>\n\n`;
  return out;
}

function comment(rnd: () => number, id: number, parent: number, date: Date): string {
  return `		<wp:comment>
			<wp:comment_id>${id}</wp:comment_id>
			<wp:comment_author><![CDATA[Bewoner ${id % 997}]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[bewoner${id % 997}@example.org]]></wp:comment_author_email>
			<wp:comment_author_url></wp:comment_author_url>
			<wp:comment_author_IP><![CDATA[192.0.2.${id % 250}]]></wp:comment_author_IP>
			<wp:comment_date><![CDATA[${wpDate(date)}]]></wp:comment_date>
			<wp:comment_date_gmt><![CDATA[${wpDate(date)}]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[${sentence(rnd, 20)} ${sentence(rnd, 14)}]]></wp:comment_content>
			<wp:comment_approved><![CDATA[${id % 40 === 0 ? '0' : '1'}]]></wp:comment_approved>
			<wp:comment_type><![CDATA[comment]]></wp:comment_type>
			<wp:comment_parent>${parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>
`;
}

function attachment(id: number, parent: number, date: Date): string {
  const file = `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/foto-${id}.jpg`;
  return `	<item>
		<title><![CDATA[Foto ${id}]]></title>
		<link>https://oud.example.nl/?attachment_id=${id}</link>
		<dc:creator><![CDATA[redactie]]></dc:creator>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date><![CDATA[${wpDate(date)}]]></wp:post_date>
		<wp:post_name><![CDATA[foto-${id}]]></wp:post_name>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:post_parent>${parent}</wp:post_parent>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[https://oud.example.nl/wp-content/uploads/${file}]]></wp:attachment_url>
		<wp:postmeta>
			<wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key>
			<wp:meta_value><![CDATA[${file}]]></wp:meta_value>
		</wp:postmeta>
	</item>
`;
}

function post(rnd: () => number, id: number, date: Date, body: string, comments: string): string {
  const title = sentence(rnd, 5).slice(0, -1);
  const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id}`;
  const cats = [CATEGORIES[id % CATEGORIES.length], CATEGORIES[(id * 7) % CATEGORIES.length]];
  const tags = [`onderwerp-${id % 300}`, `onderwerp-${(id * 13) % 300}`];
  return `	<item>
		<title><![CDATA[${title}]]></title>
		<link>https://oud.example.nl/${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${slug}/</link>
		<dc:creator><![CDATA[redactie]]></dc:creator>
		<content:encoded><![CDATA[${body}]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date><![CDATA[${wpDate(date)}]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[${wpDate(date)}]]></wp:post_date_gmt>
		<wp:comment_status><![CDATA[open]]></wp:comment_status>
		<wp:post_name><![CDATA[${slug}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<wp:is_sticky>0</wp:is_sticky>
${[...new Set(cats)].map((c) => `		<category domain="category" nicename="${c}"><![CDATA[${c}]]></category>`).join('\n')}
${[...new Set(tags)].map((t) => `		<category domain="post_tag" nicename="${t}"><![CDATA[${t}]]></category>`).join('\n')}
${comments}	</item>
`;
}

/** Writes the export to `file`; returns its size in bytes. */
export async function writeLargeExport(file: string, sizes: WxrSizes): Promise<number> {
  const rnd = random(20_061_206);
  const out = fs.createWriteStream(file);
  let written = 0;
  const write = async (text: string) => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const start = Date.UTC(2006, 0, 1, 9, 0);
  const day = 24 * 60 * 60 * 1000;
  const dateOf = (i: number) => new Date(start + Math.floor((i * 20 * 365) / sizes.posts) * day + (i % 7) * 3_600_000);
  // Size the bodies: what the rest of the file takes, measured on a sample of each part.
  const sample = random(1);
  const perComment = Buffer.byteLength(comment(sample, 1_000_000, 999_999, new Date(start)));
  const perAttachment = Buffer.byteLength(attachment(1_000_000, 1, new Date(start)));
  const perPost = Buffer.byteLength(post(sample, 1_000_000, new Date(start), '', '')) + 80;
  const rest = 2_000 + sizes.comments * perComment + sizes.attachments * perAttachment + sizes.posts * perPost;
  const bodyChars = Math.max(200, Math.floor((sizes.bytes - rest) / Math.max(1, sizes.posts)));

  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Twintig jaar stadsweblog</title>
	<link>https://oud.example.nl</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://oud.example.nl</wp:base_site_url>
	<wp:base_blog_url>https://oud.example.nl</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[redactie]]></wp:author_login><wp:author_email><![CDATA[redactie@example.org]]></wp:author_email><wp:author_display_name><![CDATA[Redactie]]></wp:author_display_name></wp:author>
${CATEGORIES.map((c) => `	<wp:category><wp:category_nicename><![CDATA[${c}]]></wp:category_nicename><wp:cat_name><![CDATA[${c}]]></wp:cat_name></wp:category>`).join('\n')}
`);
  let commentId = 1;
  let attachmentId = 1_000_000;
  for (let i = 1; i <= sizes.posts; i++) {
    const date = dateOf(i);
    // Comments spread evenly with a remainder on the first posts; every third one a reply.
    const n = Math.floor(sizes.comments / sizes.posts) + (i <= sizes.comments % sizes.posts ? 1 : 0);
    let comments = '';
    for (let k = 0; k < n; k++, commentId++)
      comments += comment(rnd, commentId, k % 3 === 2 ? commentId - 1 : 0, new Date(date.getTime() + (k + 1) * 600_000));
    const attachments = Math.floor((i * sizes.attachments) / sizes.posts) - Math.floor(((i - 1) * sizes.attachments) / sizes.posts);
    let images = '';
    for (let k = 0; k < attachments; k++) {
      const id = attachmentId + k;
      const file = `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/foto-${id}.jpg`;
      images += `<p><img src="https://oud.example.nl/wp-content/uploads/${file}" alt="Foto ${id}" /></p>\n`;
    }
    await write(post(rnd, i, date, images + paragraphs(rnd, bodyChars), comments));
    for (let k = 0; k < attachments; k++) await write(attachment(attachmentId++, i, date));
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
  return written;
}
