// Moderators' notes as the beheer pages show them: the text, when, and which colleague wrote it.
import type { Db } from '../../db/knex';
import { listUsers } from '../../accounts/users';
import type { ModeratorNote } from '../../addresses/notes';

export interface NoteView {
  id: number;
  reactieId: number | null;
  aboutWriter: boolean;
  body: string;
  author: string;
  createdAt: Date;
}

/** The notes with their writers' names; a deleted account reads "een oud-collega". */
export async function noteViews(db: Db, notes: ModeratorNote[]): Promise<NoteView[]> {
  if (notes.length === 0) return [];
  const names = new Map((await listUsers(db)).map((u) => [u.id, u.name]));
  return notes.map((n) => ({
    id: n.id,
    reactieId: n.reactieId,
    aboutWriter: n.addressKey !== null,
    body: n.body,
    author: (n.userId !== null ? names.get(n.userId) : undefined) ?? 'een oud-collega',
    createdAt: n.createdAt,
  }));
}
