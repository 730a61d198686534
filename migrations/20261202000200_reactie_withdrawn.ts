import type { Knex } from 'knex';

// When the author withdrew their own reactie. A withdrawn reactie without replies goes to the
// trash; one with replies stays as a placeholder, so the replies keep their place in the thread.
// Plain ALTER TABLE: see 20261202000100 (the search triggers on reacties).
export async function up(knex: Knex): Promise<void> {
  const timestamp = knex.client.config.client === 'pg' ? 'timestamptz' : 'datetime';
  await knex.raw(`alter table reacties add column withdrawn_at ${timestamp} null`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table reacties drop column withdrawn_at');
}
