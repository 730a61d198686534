// Bezwaar: the resident whose public reactie was removed asks for a second look. The link is
// signed with the site secret and bound to the reactie (nothing stored to check it); it is mailed
// to the address the reactie was written with. The bezwaar waits in the moderators' queue, and its
// outcome goes into the public log like any other decision.
import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { toDate } from '../db/rows';
import { MODERATION_REASONS, type ModerationReason } from '../reacties/moderation-log';
import type { Reactie } from '../reacties/queries';
import type { OutgoingMail } from '../notifications/queue';
import { sameSignature } from '../http/signature';

type Conn = Db | Knex.Transaction;

export const APPEAL_MAX = 2000;

function sign(secret: string, reactieId: number): string {
  return crypto.createHmac('sha256', secret).update(`appeal:${reactieId}`).digest('base64url');
}

function appealPath(secret: string, reactieId: number): string {
  return `/moderatie/bezwaar/${reactieId}?t=${sign(secret, reactieId)}`;
}

export function appealLinkValid(secret: string, reactieId: number, token: unknown): boolean {
  if (typeof token !== 'string') return false;
  return sameSignature(sign(secret, reactieId), token);
}

/**
 * The mail to the author of a removed reactie: the reason, the moderator's public note, their own
 * text (they may not have kept it) and the signed bezwaar link.
 */
export function appealMail(
  site: { name: string; baseUrl: string },
  r: Reactie,
  removal: { reason: ModerationReason; note?: string | null },
  articleTitle: string,
  secret: string,
): OutgoingMail {
  const note = removal.note?.trim() ? [`Toelichting van de moderatie: ${removal.note.trim()}`] : [];
  return {
    to: r.authorEmail,
    subject: `Je reactie bij "${articleTitle}" is verwijderd`,
    text: [
      `Hallo ${r.authorName},`,
      ``,
      `De moderatie van ${site.name} heeft je reactie bij "${articleTitle}" van de pagina gehaald.`,
      `Reden: ${MODERATION_REASONS[removal.reason]}.`,
      ...note,
      ``,
      `Je reactie was:`,
      ...r.body.split('\n').map((line) => `> ${line}`),
      ``,
      `Vind je dat onterecht? Vraag dan om een tweede blik (bezwaar) via deze link:`,
      `${site.baseUrl}${appealPath(secret, r.id)}`,
      ``,
      `${site.name}`,
    ].join('\n'),
    aboutEmail: r.authorEmail,
    dedupeKey: `appeal-link:${r.id}:${r.statusChangedAt.getTime()}`,
  };
}

export interface OpenAppeal {
  id: number;
  reactieId: number;
  body: string;
  createdAt: Date;
}

export async function hasOpenAppeal(conn: Conn, reactieId: number): Promise<boolean> {
  return !!(await conn('moderation_appeals').where({ reactie_id: reactieId }).whereNull('outcome').first('id'));
}

export async function addAppeal(conn: Conn, reactieId: number, body: string, now: Date): Promise<void> {
  await conn('moderation_appeals').insert({ reactie_id: reactieId, body, created_at: now });
}

export async function listOpenAppeals(db: Db): Promise<OpenAppeal[]> {
  const rows: Array<Record<string, unknown>> = await db('moderation_appeals')
    .whereNull('outcome')
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .limit(200);
  return rows.map((r) => ({ id: Number(r.id), reactieId: Number(r.reactie_id), body: String(r.body), createdAt: toDate(r.created_at) }));
}

/** Open bezwaren: the statement, asked with the other counts of what waits in one round trip (moderation/meldingen/work.ts). */
export const openAppealsCountQuery = (db: Db) => db('moderation_appeals').whereNull('outcome').count({ n: '*' });

/** Open bezwaren that came in after `since` (the moderators' digest mails when there is news). */
export async function countOpenAppealsSince(db: Db, since: Date): Promise<number> {
  return Number((await db('moderation_appeals').whereNull('outcome').andWhere('created_at', '>', since).count({ n: '*' }).first())?.n ?? 0);
}

/** Closes the open bezwaar with its outcome; false when another moderator decided first. */
export async function decideAppeal(conn: Conn, id: number, outcome: 'toegekend' | 'afgewezen', now: Date): Promise<boolean> {
  return (await conn('moderation_appeals').where({ id }).whereNull('outcome').update({ outcome, decided_at: now })) === 1;
}

export async function findAppeal(conn: Conn, id: number): Promise<(OpenAppeal & { outcome: string | null }) | null> {
  const r = await conn('moderation_appeals').where({ id }).first();
  return r
    ? {
        id: Number(r.id),
        reactieId: Number(r.reactie_id),
        body: String(r.body),
        createdAt: toDate(r.created_at),
        outcome: r.outcome ?? null,
      }
    : null;
}

export interface AppealOfReactie {
  reactieId: number;
  outcome: 'toegekend' | 'afgewezen' | null;
  createdAt: Date;
}

/** Every bezwaar against these reacties, open and decided, oldest first (the writer's overview). */
export async function appealsOfReacties(db: Db, reactieIds: number[]): Promise<AppealOfReactie[]> {
  if (reactieIds.length === 0) return [];
  const rows: Array<Record<string, unknown>> = await db('moderation_appeals')
    .whereIn('reactie_id', reactieIds)
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .select('reactie_id', 'outcome', 'created_at');
  return rows.map((r) => ({
    reactieId: Number(r.reactie_id),
    outcome: r.outcome === 'toegekend' || r.outcome === 'afgewezen' ? r.outcome : null,
    createdAt: toDate(r.created_at),
  }));
}
