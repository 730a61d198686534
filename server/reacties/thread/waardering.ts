// Readers' appreciation of a reactie ("waardering"): one per reader per reactie, without accounts.
// A reader is known as in the reports (reports.ts): an HMAC of their IPv4 address or IPv6 /64
// (http/reader-address.ts), and an HMAC of a random id in a cookie of their own browser; an
// appreciation held under either key is that reader's. The count is reacties.waarderingen, moved in
// the same transaction that adds or removes the row, under the article's lock (lockReactie), which
// also moves the article's version so a cached page shows the new count. Unique keys per reactie
// keep it exact even if two requests of one reader race.
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { parseCookies } from '../../http/cookies';
import { readerAddress } from '../../http/reader-address';
import { sameSignature } from '../../http/signature';
import { lockReactie } from '../queries';

type Conn = Db | Knex.Transaction;

const BROWSER_COOKIE = 'stadslog_lezer';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The id of the one form on an article page the "Waarderen" buttons post through (form="…"). */
export const WAARDERING_FORM_ID = 'waarderen';

export function waarderingFormPurpose(article: { id: number }): string {
  return `waardering:${article.id}`;
}

/** What a click asks for: the form says which, so a double click or a resent form changes nothing twice. */
export type WaarderingAction = 'waarderen' | 'intrekken';
export type WaarderingOutcome = 'added' | 'removed' | 'unchanged' | 'gone';

export interface WaarderingReader {
  readerKey: string;
  /** Null only for a request without a usable cookie that is not given one (reading a page). */
  browserKey: string | null;
}

export function isWaarderingAction(value: unknown): value is WaarderingAction {
  return value === 'waarderen' || value === 'intrekken';
}

/** "1 waardering", "3 waarderingen" (nl-NL digits). */
export function waarderingenLabel(n: number): string {
  return n === 1 ? '1 waardering' : `${n.toLocaleString('nl-NL')} waarderingen`;
}

/** The reader's address key: an HMAC of their IPv4 address or IPv6 /64, never the address itself. */
function waarderingReaderKey(secret: string, ip: string): string {
  return crypto
    .createHmac('sha256', secret)
    .update(`reactie-waardering:${readerAddress(ip)}`)
    .digest('hex');
}

function browserKeyOf(secret: string, id: string): string {
  return crypto.createHmac('sha256', secret).update(`reactie-waardering-browser:${id}`).digest('hex');
}

function cookieSignature(secret: string, id: string): string {
  return crypto.createHmac('sha256', secret).update(`lezer:${id}`).digest('base64url');
}

/** The browser's id from its signed cookie; null when there is none (or it is damaged or forged). */
function browserId(req: Request, secret: string): string | null {
  const raw = parseCookies(req.headers.cookie)[BROWSER_COOKIE];
  const dot = raw?.lastIndexOf('.') ?? -1;
  if (!raw || dot < 1) return null;
  const id = raw.slice(0, dot);
  return /^[A-Za-z0-9_-]{16,64}$/.test(id) && sameSignature(cookieSignature(secret, id), raw.slice(dot + 1)) ? id : null;
}

/** The reader of a page: their keys when their browser has the cookie; null (nothing to look up) when not. */
export function pageReader(req: Request, secret: string): WaarderingReader | null {
  const id = browserId(req, secret);
  return id === null ? null : { readerKey: waarderingReaderKey(secret, req.ip ?? ''), browserKey: browserKeyOf(secret, id) };
}

/**
 * The reader of a click: their keys, giving their browser the cookie when it has none. The cookie
 * lasts as long as the keys are kept (IP_RETENTION_DAYS), after which the server forgets them too.
 */
export function clickReader(req: Request, res: Response, secret: string, opts: { secure: boolean; days: number }): WaarderingReader {
  let id = browserId(req, secret);
  if (id === null) {
    id = crypto.randomBytes(18).toString('base64url');
    res.cookie(BROWSER_COOKIE, `${id}.${cookieSignature(secret, id)}`, {
      httpOnly: true,
      sameSite: 'lax',
      secure: opts.secure,
      maxAge: opts.days * DAY_MS,
      path: '/',
    });
  }
  return { readerKey: waarderingReaderKey(secret, req.ip ?? ''), browserKey: browserKeyOf(secret, id) };
}

function byReader(q: Knex.QueryBuilder, reader: WaarderingReader): void {
  q.where('reader_key', reader.readerKey);
  if (reader.browserKey !== null) q.orWhere('browser_key', reader.browserKey);
}

/**
 * Appreciates a reactie or takes the appreciation back, as the reader asked; the count moves only
 * when the row does. 'gone' when the reactie is not (or no longer) on the page. (Not for the reader's
 * own reactie: the caller knows those from the browser's own-reacties cookie.)
 */
export async function setWaardering(
  db: Db,
  input: { reactieId: number; reader: WaarderingReader; action: WaarderingAction },
  now: Date,
): Promise<{ outcome: WaarderingOutcome; count: number; active: boolean }> {
  return db.transaction(async (trx) => {
    const reactie = await lockReactie(trx, input.reactieId);
    if (!reactie || reactie.status !== 'approved') return { outcome: 'gone' as const, count: 0, active: false };
    const count = async () => Number((await trx('reacties').where({ id: reactie.id }).first('waarderingen'))?.waarderingen ?? 0);
    const existing = await trx('reactie_waarderingen')
      .where({ reactie_id: reactie.id })
      .andWhere((q) => byReader(q, input.reader))
      .select('id');
    if (input.action === 'intrekken') {
      if (!existing.length) return { outcome: 'unchanged' as const, count: await count(), active: false };
      const removed = await trx('reactie_waarderingen')
        .whereIn(
          'id',
          existing.map((r: { id: number }) => r.id),
        )
        .delete();
      await trx('reacties')
        .where({ id: reactie.id })
        .update({ waarderingen: trx.raw('waarderingen - ?', [removed]) });
      return { outcome: 'removed' as const, count: await count(), active: false };
    }
    if (existing.length) return { outcome: 'unchanged' as const, count: await count(), active: true };
    const inserted = await trx('reactie_waarderingen')
      .insert({ reactie_id: reactie.id, reader_key: input.reader.readerKey, browser_key: input.reader.browserKey, created_at: now })
      .onConflict()
      .ignore()
      .returning('id');
    if (inserted.length)
      await trx('reacties')
        .where({ id: reactie.id })
        .update({ waarderingen: trx.raw('waarderingen + 1') });
    return { outcome: inserted.length ? ('added' as const) : ('unchanged' as const), count: await count(), active: true };
  });
}

/** Which of these reacties this reader appreciated (for the pressed buttons on their own page). */
export async function appreciatedBy(conn: Conn, reader: WaarderingReader | null, reactieIds: number[]): Promise<Set<number>> {
  if (!reader || !reactieIds.length) return new Set();
  const rows: Array<{ reactie_id: number }> = await conn('reactie_waarderingen')
    .whereIn('reactie_id', reactieIds)
    .andWhere((q) => byReader(q, reader))
    .select('reactie_id');
  return new Set(rows.map((r) => Number(r.reactie_id)));
}

/** Forgets which reader appreciated, after the IP retention; the appreciation keeps counting. */
export async function purgeWaarderingKeys(db: Db, retentionDays: number, now: Date): Promise<number> {
  return db('reactie_waarderingen')
    .where((q) => q.whereNotNull('reader_key').orWhereNotNull('browser_key'))
    .andWhere('created_at', '<', new Date(now.getTime() - retentionDays * DAY_MS))
    .update({ reader_key: null, browser_key: null });
}
