// The append-only audit log: logins, role changes, every moderation and editing action.
import type { Db } from '../db/knex';
import { toDate } from '../db/rows';

export interface Actor {
  id: number | null;
  email: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, email: 'systeem' };

export interface AuditEntry {
  id: number;
  at: Date;
  actor: string;
  action: string;
  subjectType: string | null;
  subjectId: number | null;
  detail: string | null;
}

export async function audit(
  db: Db,
  actor: Actor,
  action: string,
  subject?: { type: string; id: number } | null,
  detail?: string,
): Promise<void> {
  await db('audit_log').insert({
    at: new Date(),
    user_id: actor.id,
    actor: actor.email,
    action,
    subject_type: subject?.type ?? null,
    subject_id: subject?.id ?? null,
    detail: detail ?? null,
  });
}

export async function listAudit(db: Db, opts: { limit: number; subjectType?: string; subjectId?: number }): Promise<AuditEntry[]> {
  const q = db('audit_log').orderBy('id', 'desc').limit(opts.limit);
  if (opts.subjectType) q.where({ subject_type: opts.subjectType });
  if (opts.subjectId !== undefined) q.where({ subject_id: opts.subjectId });
  return (await q).map(toEntry);
}

function toEntry(r: Record<string, unknown>): AuditEntry {
  return {
    id: Number(r.id),
    at: toDate(r.at),
    actor: String(r.actor),
    action: String(r.action),
    subjectType: (r.subject_type as string | null) ?? null,
    subjectId: r.subject_id === null ? null : Number(r.subject_id),
    detail: (r.detail as string | null) ?? null,
  };
}

/** Every entry about these subjects, oldest first (the history of reacties in the queue). */
export async function listAuditFor(db: Db, subjectType: string, ids: number[]): Promise<AuditEntry[]> {
  if (ids.length === 0) return [];
  const rows = await db('audit_log').where({ subject_type: subjectType }).whereIn('subject_id', ids).orderBy('id');
  return rows.map(toEntry);
}
