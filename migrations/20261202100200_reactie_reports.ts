import type { Knex } from 'knex';

// Readers' reports of a reactie ("Meld deze reactie"). A reader has no account: reader_key is an
// HMAC of the IP address (never the address itself), so one reader reports a reactie once; the
// key is forgotten after IP_RETENTION_DAYS. Nothing here is ever shown: moderators see reason and note.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reactie_reports', (t) => {
    t.increments('id').primary();
    t.integer('reactie_id').notNullable().references('id').inTable('reacties').onDelete('CASCADE');
    t.string('reason', 30).notNullable(); // spam | beledigend | persoonsgegevens | off-topic
    t.text('note').nullable();
    t.string('reader_key', 64).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    // Set when a moderator dismissed the report or decided on the reactie: it no longer counts.
    t.timestamp('closed_at', { useTz: true }).nullable();
    t.unique(['reactie_id', 'reader_key']);
    t.index(['closed_at', 'reactie_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('reactie_reports');
}
