import type { Knex } from 'knex';

// Why the moderation policy held a reactie, as it was when the reactie came in ("first reactie of
// this address", "earlier ones were removed", "the policy holds everything"): later decisions on the
// address's other reacties change what a query would say, so the reasons are kept with the reactie.
// `pending_edit_held_because` does the same for an author's edit that waits for a moderator: the
// checks that held it and the policy. Codes and check hits as JSON; no personal data.
// Plain ALTER TABLE on both databases: see 20261202000100 (the search triggers on reacties).
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table reacties add column held_because text null');
  await knex.raw('alter table reacties add column pending_edit_held_because text null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table reacties drop column pending_edit_held_because');
  await knex.raw('alter table reacties drop column held_because');
}
