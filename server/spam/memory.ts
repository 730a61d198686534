// Local spam memory: IP addresses, e-mail addresses and websites that moderators marked as spam.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';

type Conn = Db | Knex.Transaction;

function normalizeUrl(url: string): string {
  return url.trim().toLowerCase().replace(/\/+$/, '');
}

function entries(r: { ip: string | null; email: string; url: string | null }): Array<{ kind: string; value: string }> {
  const out = [{ kind: 'email', value: r.email.trim().toLowerCase() }];
  if (r.ip) out.push({ kind: 'ip', value: r.ip });
  if (r.url) out.push({ kind: 'url', value: normalizeUrl(r.url) });
  return out.filter((e) => e.value !== '');
}

/** The remembered value that matches (for the moderator's explanation), or null. */
export async function isRemembered(db: Conn, r: { ip: string | null; email: string; url: string | null }): Promise<string | null> {
  const wanted = entries(r);
  const row = await db('spam_memory')
    .where((q) => {
      for (const e of wanted) q.orWhere((w) => w.where({ kind: e.kind, value: e.value }));
    })
    .first('kind', 'value');
  return row ? `${row.kind === 'ip' ? 'IP-adres' : row.kind === 'url' ? 'website' : 'e-mailadres'}` : null;
}

export async function rememberSpammer(db: Conn, r: { ip: string | null; email: string; url: string | null }, now: Date): Promise<void> {
  for (const e of entries(r)) {
    await db('spam_memory').insert({ ...e, created_at: now }).onConflict(['kind', 'value']).ignore();
  }
}

/** A moderator's "geen spam": this sender is not a spammer after all. */
export async function forgetSpammer(db: Conn, r: { ip: string | null; email: string; url: string | null }): Promise<void> {
  for (const e of entries(r)) await db('spam_memory').where(e).delete();
}
