import type { Knex } from 'knex';

// An official reply: the role a staff member reacted for ("de redactie", "het college"), shown
// with a badge; null for a resident's reactie. Text, not varchar: the labels come from a setting.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.text('official_as').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.dropColumn('official_as');
  });
}
