import type { Knex } from 'knex';

// When the author withdrew their own reactie. A withdrawn reactie without replies goes to the
// trash; one with replies stays as a placeholder, so the replies keep their place in the thread.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.timestamp('withdrawn_at', { useTz: true }).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.dropColumn('withdrawn_at');
  });
}
