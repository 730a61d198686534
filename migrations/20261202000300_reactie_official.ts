import type { Knex } from 'knex';

// An official reply: the role a staff member reacted for ("de redactie", "het college"), shown
// with a badge; null for a resident's reactie. Text, not varchar: the labels come from a setting.
// Plain ALTER TABLE: see 20261202000100 (the search triggers on reacties).
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table reacties add column official_as text null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table reacties drop column official_as');
}
