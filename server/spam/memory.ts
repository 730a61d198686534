// Local spam memory: senders (IP address, e-mail address, website) that moderators marked as spam.
// Only keyed hashes are stored (HMAC with the site secret): the memory recognises a sender again but
// holds nothing that can be read back, and an AVG erasure removes the person's entries too.
import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { readsOf, type Db } from '../db/knex';
import { KEPT } from '../db/pg-statements';
import { readerAddress } from '../http/reader-address';

type Conn = Db | Knex.Transaction;

export type MemoryKind = 'email' | 'url' | 'ip';

export interface Sender {
  ip: string | null;
  email: string;
  url: string | null;
}

function normalizeUrl(url: string): string {
  return url.trim().toLowerCase().replace(/\/+$/, '');
}

function digest(secret: string, kind: MemoryKind, value: string): string {
  return crypto.createHmac('sha256', secret).update(`spam-memory:${kind}:${value}`).digest('hex');
}

function entries(secret: string, s: Sender): Array<{ kind: MemoryKind; digest: string }> {
  const values: Array<[MemoryKind, string]> = [['email', s.email.trim().toLowerCase()]];
  // An IPv6 sender picks any address of their /64 at will: the memory keeps the /64 (http/reader-address.ts).
  if (s.ip) values.push(['ip', readerAddress(s.ip)]);
  if (s.url) values.push(['url', normalizeUrl(s.url)]);
  return values.filter(([, v]) => v !== '').map(([kind, v]) => ({ kind, digest: digest(secret, kind, v) }));
}

/** Which of the sender's parts a moderator marked as spam before (none: an empty list). */
export async function rememberedParts(db: Conn, secret: string, s: Sender): Promise<MemoryKind[]> {
  const wanted = entries(secret, s);
  if (wanted.length === 0) return [];
  const rows: Array<{ kind: MemoryKind }> = await readsOf(db)('spam_memory')
    .where((q) => {
      for (const e of wanted) q.orWhere((w) => w.where(e));
    })
    .select('kind')
    .options(KEPT);
  return [...new Set(rows.map((r) => r.kind))];
}

export async function rememberSpammer(db: Conn, secret: string, s: Sender, now: Date): Promise<void> {
  for (const e of entries(secret, s)) {
    await db('spam_memory')
      .insert({ ...e, created_at: now })
      .onConflict(['kind', 'digest'])
      .ignore();
  }
}

/** A moderator's "geen spam", or an AVG erasure: this sender is forgotten. */
export async function forgetSpammer(db: Conn, secret: string, s: Sender): Promise<number> {
  let n = 0;
  for (const e of entries(secret, s)) n += await db('spam_memory').where(e).delete();
  return n;
}

/** Retention: IP entries go with the IP retention period, the others after `otherDays`. */
export async function purgeSpamMemory(db: Conn, now: Date, ipDays: number, otherDays: number): Promise<number> {
  const before = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const ips = await db('spam_memory').where({ kind: 'ip' }).andWhere('created_at', '<', before(ipDays)).delete();
  const others = await db('spam_memory').whereNot({ kind: 'ip' }).andWhere('created_at', '<', before(otherDays)).delete();
  return ips + others;
}
