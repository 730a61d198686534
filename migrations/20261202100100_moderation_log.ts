import type { Knex } from 'knex';

// The public moderation log (/moderatie): one row per decision on a reactie that had been public.
// It holds no person at all: not the resident, not the moderator (who did it stays in audit_log).
// No foreign key to reacties: the log outlives a reactie that is later deleted for good.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('moderation_log', (t) => {
    t.increments('id').primary();
    t.integer('reactie_id').notNullable();
    t.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    t.string('action', 30).notNullable(); // verborgen | verwijderd | hersteld | bewerkt | bezwaar-toegekend | bezwaar-afgewezen
    t.string('reason', 30).notNullable(); // spam | beledigend | persoonsgegevens | off-topic | anders
    t.text('public_note').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['created_at', 'id']);
    t.index(['reactie_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('moderation_log');
}
