import type { Knex } from 'knex';

// A resident's request for a second look (bezwaar) at their removed reactie, sent through a
// signed link. outcome stays null until a moderator decides: toegekend | afgewezen.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('moderation_appeals', (t) => {
    t.increments('id').primary();
    t.integer('reactie_id').notNullable().references('id').inTable('reacties').onDelete('CASCADE');
    t.text('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.string('outcome', 20).nullable();
    t.timestamp('decided_at', { useTz: true }).nullable();
    t.index(['outcome', 'created_at']);
    t.index(['reactie_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('moderation_appeals');
}
