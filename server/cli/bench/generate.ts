// Fills an empty, migrated database with twenty years of a busy city weblog, streaming: articles
// first, then each article's reacties in created order, written in multi-row inserts inside a few
// large transactions. Only one article's discussion state (its recent reacties, its page sizes) is
// held at a time, so memory stays flat whatever the size. The derived columns are computed here
// exactly as the app computes them when a reactie is posted: body_html (reactieBodyHtml), the
// thread page (paging.ts), the e-mail key, and the counters (visible = approved under approved parents).
import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { isPostgres } from '../../db/knex';
import { reactieBodyHtml } from '../../reacties/html';
import { PAGE_FILLING_STATUSES, pageForNewThread } from '../../reacties/paging';
import { MAX_THREAD_DEPTH } from '../../reacties/thread-tree';
import { isoDateIn } from '../../documents/dates';
import { emailKey } from '../../shared/email';
import { DEFAULT_SPAM_SETTINGS } from '../../spam/settings';
import { firstParagraph, renderMarkdown } from '../../shared/markdown';
import { indexStale, staleCount } from '../../search/indexer';
import { articleText, Random, reactieText, resident } from './text';
import { setSiteTotal } from '../../reacties/counters';

/** The articles the benchmark measures, found again by these slugs. */
export const bigArticleSlug = (size: number): string => `discussie-met-${size}-reacties`;

export interface GenerateOptions {
  articles: number;
  reacties: number;
  /** Articles with exactly this many reacties (the 500-reactie article: all approved, ~6 KB body). */
  big: number[];
  /** How far back the weblog goes (20 years). */
  years?: number;
  seed?: number;
  now?: Date;
  progress?: (label: string, done: number, total: number) => void;
}

export interface Generated {
  articles: number;
  reacties: number;
  /** The site total the voorpagina shows. */
  visible: number;
}

const YEAR_MS = 365.25 * 86_400_000;
const DAY_MS = 86_400_000;
// Rows per insert: within SQLite's 32.766 bound variables and PostgreSQL's 65.535.
const ROWS_PER_INSERT = 500;
// Rows per transaction: few, large transactions make the bulk insert fast.
const ROWS_PER_TRANSACTION = 100_000;
const KINDS = ['nieuws', 'nieuws', 'nieuws', 'nieuws', 'nieuws', 'memo', 'raadsinformatiebrief', 'schriftelijke-vragen', 'brief', 'motie'];
// IP address and browser are kept this long (privacy/retention): older reacties have none.
const IP_KEPT_MS = 30 * DAY_MS;

interface PlannedArticle {
  status: 'published' | 'draft';
  publishedAt: Date | null;
  reacties: number;
  /** Set for the articles the benchmark measures. */
  big?: number;
}

/** Where each article sits in time and how many reacties it draws: a long tail plus the big ones. */
function plan(rng: Random, opts: GenerateOptions, now: Date): PlannedArticle[] {
  const n = opts.articles;
  const articles: PlannedArticle[] = [];
  const years = opts.years ?? 20;
  const start = now.getTime() - years * YEAR_MS;
  for (let i = 0; i < n; i++) {
    const at = new Date(start + ((i + rng.next()) / n) * years * YEAR_MS);
    // One in 200 is a draft; the newest few are scheduled for the coming days.
    if (n > 20 && rng.chance(0.005)) articles.push({ status: 'draft', publishedAt: null, reacties: 0 });
    else if (n > 20 && i >= n - 3)
      articles.push({ status: 'published', publishedAt: new Date(now.getTime() + (i - n + 4) * DAY_MS), reacties: 0 });
    else articles.push({ status: 'published', publishedAt: at, reacties: 0 });
  }
  const open = () =>
    articles.map((a, i) => i).filter((i) => articles[i].status === 'published' && articles[i].publishedAt! <= now && !articles[i].big);
  // The 500-reactie article is recent (on the voorpagina), the bigger ones a year or so old.
  const bigOnes = [...opts.big].sort((a, b) => a - b);
  for (const [k, size] of bigOnes.entries()) {
    const candidates = open();
    if (!candidates.length) throw new Error('Te weinig artikelen voor de grote discussies.');
    const at = candidates[Math.max(0, candidates.length - 1 - (k === 0 ? 3 : Math.floor(candidates.length * 0.05 * k)))];
    articles[at].big = size;
    articles[at].reacties = size;
  }
  let rest = opts.reacties - bigOnes.reduce((s, x) => s + x, 0);
  if (rest < 0) throw new Error('De grote discussies hebben samen meer reacties dan --reacties.');
  const tail = open();
  if (rest > 0 && !tail.length) throw new Error('Geen artikelen over voor de overige reacties.');
  // A long tail: most articles draw a handful, some hundreds; one in six none at all.
  const weights = tail.map(() => (rng.chance(1 / 6) ? 0 : rng.logNormal(0, 1.4)));
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const cap = 2000;
  for (const [k, i] of tail.entries()) {
    articles[i].reacties = Math.min(cap, Math.floor((weights[k] / sum) * rest));
  }
  rest -= tail.reduce((s, i) => s + articles[i].reacties, 0);
  // What rounding and the cap left over goes round the articles that draw reacties at all and
  // still have room (past the cap only when every one is full).
  const takers = tail.filter((_, k) => weights[k] > 0);
  for (let limit = cap; rest > 0; limit = Number.MAX_SAFE_INTEGER) {
    for (const i of takers.length ? takers : tail) {
      if (rest === 0) break;
      if (articles[i].reacties < limit) {
        articles[i].reacties++;
        rest--;
      }
    }
  }
  return articles;
}

/** Multi-row inserts, committed every ROWS_PER_TRANSACTION rows. */
class Writer {
  private trx: Knex.Transaction | null = null;
  private rows: Record<string, unknown>[] = [];
  private inTransaction = 0;
  constructor(
    private readonly db: Db,
    private readonly table: string,
  ) {}

  async add(row: Record<string, unknown>): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= ROWS_PER_INSERT) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.rows.length) return;
    this.trx ??= await this.db.transaction();
    await this.trx(this.table).insert(this.rows);
    this.inTransaction += this.rows.length;
    this.rows = [];
    if (this.inTransaction >= ROWS_PER_TRANSACTION) await this.commit();
  }

  async commit(): Promise<void> {
    if (this.rows.length) await this.flush();
    if (this.trx) await this.trx.commit();
    this.trx = null;
    this.inTransaction = 0;
  }
}

/** What a reply needs to know of the reactie it answers. */
interface Parent {
  id: number;
  depth: number;
  page: number;
  visible: boolean;
}

// As a moderated weblog has them: spam is deleted after the spam retention period (30 days by
// default), so only the last month has any; older reacties that were spam are simply gone.
const RECENT_STATUSES: Array<[string, number]> = [
  ['approved', 0.88],
  ['pending', 0.03],
  ['spam', 0.06],
  ['trash', 0.03],
];
const OLD_STATUSES: Array<[string, number]> = [
  ['approved', 0.965],
  ['pending', 0.005],
  ['trash', 0.03],
];
const SPAM_KEPT_MS = DEFAULT_SPAM_SETTINGS.spamRetentionDays * DAY_MS;

function status(rng: Random, age: number): string {
  let x = rng.next();
  for (const [s, p] of age < SPAM_KEPT_MS ? RECENT_STATUSES : OLD_STATUSES) if ((x -= p) < 0) return s;
  return 'approved';
}

const FILLING = new Set<string>(PAGE_FILLING_STATUSES);

/**
 * One article's discussion, in created order: ~60% new threads, the rest replies to one of the
 * last reacties that is shown (or was trashed after it got replies), never deeper than the app nests.
 * Returns the number of visible reacties.
 */
async function discussion(
  rng: Random,
  writer: Writer,
  article: { id: number; publishedAt: Date; reacties: number; big?: number },
  nextId: () => number,
  now: Date,
  onRow: () => void,
): Promise<number> {
  const allApproved = article.big !== undefined && article.big <= 500;
  // A discussion lasts days; the biggest ones go on for a year. Most reacties come early.
  const span = Math.min(
    now.getTime() - article.publishedAt.getTime(),
    (article.big && article.big > 500 ? 365 : rng.logNormal(1, 1)) * DAY_MS,
  );
  const recent: Parent[] = [];
  const filled = new Map<number, number>();
  let lastPage: number | null = null;
  let visible = 0;
  for (let k = 0; k < article.reacties; k++) {
    const at = new Date(article.publishedAt.getTime() + span * ((k + rng.next()) / article.reacties) ** 2);
    const st = allApproved ? 'approved' : status(rng, now.getTime() - at.getTime());
    const parent = recent.length && rng.chance(0.4) ? recent[recent.length - 1 - Math.floor(rng.next() ** 2 * recent.length)] : null;
    const page: number = parent
      ? parent.page
      : pageForNewThread(lastPage === null ? null : { page: lastPage, filled: filled.get(lastPage) ?? 0 });
    if (!parent) lastPage = page;
    if (FILLING.has(st)) filled.set(page, (filled.get(page) ?? 0) + 1);
    const shown = st === 'approved' && (parent === null || parent.visible);
    if (shown) visible++;
    const id = nextId();
    const depth = parent ? parent.depth + 1 : 1;
    // Replies go to what readers see; a trashed reactie may have had replies before it was removed.
    if (depth < MAX_THREAD_DEPTH && (st === 'approved' || (st === 'trash' && rng.chance(0.3)))) {
      recent.push({ id, depth, page, visible: shown });
      if (recent.length > 30) recent.shift();
    }
    const who = resident(rng);
    const body = reactieText(rng);
    const recentEnough = now.getTime() - at.getTime() < IP_KEPT_MS;
    await writer.add({
      id,
      article_id: article.id,
      parent_id: parent ? parent.id : null,
      author_name: who.name,
      author_email: who.email,
      author_email_key: emailKey(who.email),
      author_url: rng.chance(0.05) ? `https://${emailKey(who.email).split('@')[0].replace(/\./g, '-')}.example.nl` : null,
      body,
      body_html: reactieBodyHtml(body),
      status: st,
      previous_status: st === 'trash' ? 'approved' : null,
      ip: recentEnough ? `192.0.2.${1 + (id % 250)}` : null,
      user_agent: recentEnough ? 'Mozilla/5.0 (bench)' : null,
      created_at: at,
      status_changed_at: at,
      thread_page: page,
    });
    onRow();
  }
  return visible;
}

/**
 * Analyses every entry of the search index the triggers marked stale (search/indexer.ts): after a
 * bulk load, all of them. The app would do it in the background and before each search; a site
 * that has run for years has long done so, so the benchmark does it before it measures.
 */
export async function analyseSearchIndex(db: Db, progress: (label: string, done: number, total: number) => void): Promise<number> {
  const total = await staleCount(db);
  let done = 0;
  for (let n = total ? await indexStale(db, 500) : 0; n > 0; n = await indexStale(db, 500)) {
    done += n;
    progress('zoekindex', Math.min(done, total), total);
  }
  return done;
}

export async function generate(db: Db, opts: GenerateOptions): Promise<Generated> {
  const now = opts.now ?? new Date();
  const rng = new Random(opts.seed ?? 2026);
  const progress = opts.progress ?? (() => undefined);
  if (await db('articles').first('id')) throw new Error('De database heeft al artikelen; de generator vult alleen een lege.');
  const planned = plan(rng, opts, now);

  const articles = new Writer(db, 'articles');
  for (const [i, a] of planned.entries()) {
    const kind = a.big ? 'nieuws' : rng.pick(KINDS);
    // Bodies from a few hundred to several thousand characters; the 500-reactie article ~6 KB.
    const length = a.big === 500 ? 6000 : Math.min(12_000, 200 + rng.logNormal(7.2, 0.7));
    const text = articleText(rng, kind, length, i + 1);
    const stamp = a.publishedAt ?? new Date(now.getTime() - rng.int(1, 30) * DAY_MS);
    await articles.add({
      id: i + 1,
      slug: a.big ? bigArticleSlug(a.big) : `artikel-${i + 1}`,
      title: a.big ? `Discussie: ${text.title}` : text.title,
      kind,
      body_markdown: text.body,
      body_html: renderMarkdown(text.body, { document: kind !== 'nieuws' }),
      excerpt_markdown: '',
      excerpt_html: renderMarkdown(firstParagraph(text.body)),
      author_name: 'Redactie Stadslog',
      status: a.status,
      published_at: a.publishedAt,
      // What /documenten lists a document under: it has no datum field, so the day it was published.
      document_date: kind === 'nieuws' ? null : isoDateIn(a.publishedAt ?? stamp),
      pinned: false,
      // Old discussions are closed, as editors do after a while.
      reacties_open: a.big !== undefined || stamp.getTime() > now.getTime() - 2 * YEAR_MS,
      reactie_count: 0,
      created_at: stamp,
      updated_at: stamp,
    });
    progress('artikelen', i + 1, planned.length);
  }
  await articles.commit();

  const reacties = new Writer(db, 'reacties');
  let id = 0;
  let written = 0;
  let total = 0;
  const counts: Array<[number, number]> = [];
  for (const [i, a] of planned.entries()) {
    if (!a.reacties) continue;
    const visible = await discussion(
      rng,
      reacties,
      { id: i + 1, publishedAt: a.publishedAt!, reacties: a.reacties, big: a.big },
      () => ++id,
      now,
      () => progress('reacties', ++written, opts.reacties),
    );
    counts.push([i + 1, visible]);
    if (a.status === 'published') total += visible;
  }
  await reacties.commit();

  await db.transaction(async (trx) => {
    for (const [articleId, visible] of counts) await trx('articles').where({ id: articleId }).update({ reactie_count: visible });
    await setSiteTotal(trx, total);
    await trx('counters').where({ name: 'site_version' }).increment('value', 1);
    if (isPostgres(db)) {
      // Explicit ids leave the sequences behind: the next article or reactie would collide.
      for (const table of ['articles', 'reacties'])
        await trx.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 1) from ${table}))`);
    }
  });
  await analyseSearchIndex(db, progress);
  // A site's PostgreSQL has statistics on its tables and its dead rows cleared (autovacuum does
  // both after large changes); right after a bulk load it has neither yet, or never where
  // autovacuum is off (as on the test machine): the planner then guesses (a search read all
  // 10.000 articles expecting 38), and the partial index of stale search entries still holds the
  // million entries analysed since (the check before every search walked them: 100 ms).
  if (isPostgres(db)) await db.raw('vacuum analyze');
  return { articles: planned.length, reacties: written, visible: total };
}
