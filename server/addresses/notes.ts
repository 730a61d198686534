// Moderators' notes for each other, staff only: on one reactie, or on the person behind an address
// (key.ts). A note on a reactie lives as long as the reactie; a note on an address for
// ADDRESS_NOTE_RETENTION_DAYS. An AVG erasure deletes both kinds (privacy/). SQL on moderator_notes lives here.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { toDate } from '../db/rows';

type Conn = Db | Knex.Transaction;

export const NOTE_MAX = 2000;
/** A note on a person is kept a year after it was written, then forgotten. */
export const ADDRESS_NOTE_RETENTION_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ModeratorNote {
  id: number;
  reactieId: number | null;
  /** The address it is about (a keyed hash: for matching, never shown), or null for a note on a reactie. */
  addressKey: string | null;
  body: string;
  userId: number | null;
  createdAt: Date;
}

function toNote(row: Record<string, unknown>): ModeratorNote {
  return {
    id: Number(row.id),
    reactieId: row.reactie_id === null || row.reactie_id === undefined ? null : Number(row.reactie_id),
    addressKey: typeof row.address_key === 'string' ? row.address_key : null,
    body: String(row.body),
    userId: row.user_id === null || row.user_id === undefined ? null : Number(row.user_id),
    createdAt: toDate(row.created_at),
  };
}

/** Adds a note on a reactie or on an address (exactly one of the two); returns its id. */
export async function addNote(
  conn: Conn,
  about: { reactieId: number } | { addressKey: string },
  body: string,
  userId: number | null,
  now: Date,
): Promise<number> {
  const [row] = await conn('moderator_notes')
    .insert({
      reactie_id: 'reactieId' in about ? about.reactieId : null,
      address_key: 'addressKey' in about ? about.addressKey : null,
      body,
      user_id: userId,
      created_at: now,
    })
    .returning('id');
  return Number(typeof row === 'object' ? (row as { id: number }).id : row);
}

/** The notes on these reacties and on these addresses, oldest first. */
export async function listNotes(conn: Conn, about: { reactieIds: number[]; addressKeys: string[] }): Promise<ModeratorNote[]> {
  const keys = about.addressKeys.filter((k) => k !== '');
  if (about.reactieIds.length === 0 && keys.length === 0) return [];
  const rows: Array<Record<string, unknown>> = await conn('moderator_notes')
    .where((q) => {
      if (about.reactieIds.length) q.whereIn('reactie_id', about.reactieIds);
      if (keys.length) q.orWhereIn('address_key', keys);
    })
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
  return rows.map(toNote);
}

export async function findNote(conn: Conn, id: number): Promise<ModeratorNote | null> {
  const row = await conn('moderator_notes').where({ id }).first();
  return row ? toNote(row) : null;
}

export async function deleteNote(conn: Conn, id: number): Promise<boolean> {
  return (await conn('moderator_notes').where({ id }).delete()) > 0;
}

/** AVG erasure: every note on the address and on its reacties. */
export async function eraseNotes(conn: Conn, addressKey: string, reactieIds: number[]): Promise<number> {
  let n = 0;
  if (addressKey !== '') n += await conn('moderator_notes').where({ address_key: addressKey }).delete();
  for (let i = 0; i < reactieIds.length; i += 500)
    n += await conn('moderator_notes')
      .whereIn('reactie_id', reactieIds.slice(i, i + 500))
      .delete();
  return n;
}

/** Retention: notes on a person older than ADDRESS_NOTE_RETENTION_DAYS. */
export async function purgeOldAddressNotes(db: Db, now: Date): Promise<number> {
  return db('moderator_notes')
    .whereNotNull('address_key')
    .andWhere('created_at', '<', new Date(now.getTime() - ADDRESS_NOTE_RETENTION_DAYS * DAY_MS))
    .delete();
}
