import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.text('spam_checks').nullable(); // JSON: every check that fired, in order, with the decision
    // sha256 of form token + address + text: a double click posts one reactie, not two.
    t.string('submission_key', 64).nullable().unique();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.dropUnique(['submission_key']);
    t.dropColumn('submission_key');
    t.dropColumn('spam_checks');
  });
}
