import type { Knex } from 'knex';
import { emailKey } from '../server/shared/email';

// Before the e-mail check took plain addresses only, "<jan@x.nl>", "Jan <jan@x.nl>", "jan@x.nl,"
// and "jan@x.nl;" were stored as typed, each with a key of its own, while a mail program delivers
// every one of them to jan@x.nl. Their keys become that mailbox's (shared/email.ts emailKey), so the
// one-subscription rule, "approved before" and an AVG request for jan@x.nl find them too; the
// addresses themselves stay as they were typed. Only keys that hold such a character, or a domain
// written as xn--…, can change, so the rest of a large table is not rewritten.
const COLUMNS: Array<[table: string, column: string]> = [
  ['reacties', 'author_email_key'],
  ['subscriptions', 'email_key'],
  ['mail_queue', 'to_key'],
  ['mail_queue', 'about_key'],
];
const MARKS = ['<', '>', ',', ';', ' ', 'xn--'];

export async function up(knex: Knex): Promise<void> {
  for (const [table, column] of COLUMNS) {
    const rows = await knex(table)
      .where((q) => {
        for (const mark of MARKS) q.orWhere(column, 'like', `%${mark}%`);
      })
      .select<Array<{ id: number; key: string }>>('id', `${column} as key`);
    for (const { id, key } of rows) {
      const now = emailKey(key);
      if (now !== key)
        await knex(table)
          .where({ id })
          .update({ [column]: now });
    }
  }
}

// The keys as typed are not kept: going down leaves the mailbox keys, which the older code compares too.
export async function down(): Promise<void> {}
