// The site's own model in the database, shared by every app server: counts per hashed feature,
// updated by a few batched upserts per moderator decision, read with one indexed query per reactie
// for the features this process has not read lately.
//
// The counts read are kept per process (per database) for KEEP_MS: a post on SQLite waits for each
// read in turn on the one connection, and most words of a reactie were read for the ones before.
// Learning in this process drops them at once; what another app server learned counts here within
// KEEP_MS. A score a second old is a score of the model a second ago: the filter's judgement, not
// a page, so that is as good as exact.
import type { Knex } from 'knex';
import { isPostgres, readsOf, type Db } from '../../db/knex';
import { KEPT } from '../../db/pg-statements';
import type { CountsView, Label } from './bayes';
import type { Features } from './features';

type Conn = Db | Knex.Transaction;

const COUNTS = 'spam_classifier_counts';
const LEARNED = 'spam_classifier_reacties';
// Token 0: the number of reacties learned per class.
const DOCS_TOKEN = 0;
const CHUNK = 250;
const KEEP_MS = 2000;
// A bound on the kept counts (about 100 bytes each).
const KEEP_MAX = 200_000;

interface Kept {
  since: number;
  counts: Map<number, { spam: number; ham: number }>;
}
const kept = new WeakMap<object, Kept>();

/** The kept counts of this database (the Db, or the Db a transaction belongs to), fresh ones only. */
function keptFor(db: Conn, now: number): Kept {
  // The client's config: a database and its transactions share it.
  const key = db.client.config as object;
  let k = kept.get(key);
  if (!k || now - k.since >= KEEP_MS || k.counts.size > KEEP_MAX) {
    k = { since: now, counts: new Map() };
    kept.set(key, k);
  }
  return k;
}

/** This process changed the model: nothing kept holds. */
function forgetKept(db: Conn): void {
  kept.delete(db.client.config as object);
}

/** The site's counts for just these features (and the totals): one indexed query. */
export async function siteCounts(db: Conn, ids: number[]): Promise<CountsView> {
  const k = keptFor(db, Date.now());
  const map = k.counts;
  // A token not in the table is kept as none, so it is not asked again either.
  const wanted = [...new Set([DOCS_TOKEN, ...ids])].filter((id) => !map.has(id));
  for (const id of wanted) map.set(id, { spam: 0, ham: 0 });
  // PostgreSQL takes the list as one array parameter (parsing hundreds of placeholders took most of
  // the time); SQLite gets it in parts that stay under its limit on parameters.
  const parts = isPostgres(db)
    ? [wanted]
    : Array.from({ length: Math.ceil(wanted.length / 500) }, (_, i) => wanted.slice(i * 500, i * 500 + 500));
  for (const part of wanted.length ? parts : []) {
    const query = readsOf(db)(COUNTS).select('token', 'spam', 'ham').options(KEPT);
    if (isPostgres(db)) query.whereRaw('token = any(?::integer[])', [part]);
    else query.whereIn('token', part);
    const rows: Array<{ token: number; spam: number; ham: number }> = await query;
    // A count may dip below zero when an edited reactie is relearned: never below nothing.
    for (const r of rows) map.set(Number(r.token), { spam: Math.max(0, Number(r.spam)), ham: Math.max(0, Number(r.ham)) });
  }
  const docs = map.get(DOCS_TOKEN) ?? { spam: 0, ham: 0 };
  // Absent and zero are the same to the classifier (bayes.ts adds nothing for either).
  return { docs, get: (id) => (id === DOCS_TOKEN ? undefined : map.get(id)) };
}

async function addCounts(trx: Knex.Transaction, ids: number[], label: Label, delta: number): Promise<void> {
  // Ascending order: two servers learning at once lock rows in the same order, never a deadlock.
  const tokens = [DOCS_TOKEN, ...[...new Set(ids)].filter((id) => id !== DOCS_TOKEN).sort((a, b) => a - b)];
  const other: Label = label === 'spam' ? 'ham' : 'spam';
  for (let i = 0; i < tokens.length; i += CHUNK) {
    const rows = tokens.slice(i, i + CHUNK).map((token) => ({ token, [label]: delta, [other]: 0 }));
    await trx(COUNTS)
      .insert(rows)
      .onConflict('token')
      .merge({ [label]: trx.raw('??.?? + excluded.??', [COUNTS, label, label]) });
  }
}

/**
 * Learn one moderator decision. The same reactie decided again the same way changes nothing; decided
 * the other way, its counts move from the old class to the new one. Returns whether anything changed.
 */
export async function learnReactie(db: Db, reactieId: number, f: Features, label: Label, now: Date): Promise<boolean> {
  const changed = await db.transaction(async (trx) => {
    const before: { label: Label } | undefined = await trx(LEARNED).where({ reactie_id: reactieId }).first('label');
    if (before?.label === label) return false;
    if (before) await addCounts(trx, f.ids, before.label, -1);
    await addCounts(trx, f.ids, label, 1);
    await trx(LEARNED).insert({ reactie_id: reactieId, label, trained_at: now }).onConflict('reactie_id').merge({ label, trained_at: now });
    return true;
  });
  // After the commit: a score read while the transaction ran (on another connection) kept the old counts.
  forgetKept(db);
  return changed;
}

/** Learn a text that is decided once and never again (a held edit): its counts are only added. */
export async function learnText(db: Db, f: Features, label: Label): Promise<void> {
  await db.transaction((trx) => addCounts(trx, f.ids, label, 1));
  forgetKept(db);
}

/** How many decisions the site's model learned from, per class. */
export async function siteModelSize(db: Conn): Promise<{ spam: number; ham: number }> {
  return (await siteCounts(db, [])).docs;
}

/** A moderator's reset: back to the day-one model. */
export async function resetSiteModel(db: Db): Promise<void> {
  await db.transaction(async (trx) => {
    await trx(LEARNED).delete();
    await trx(COUNTS).delete();
  });
  forgetKept(db);
}
