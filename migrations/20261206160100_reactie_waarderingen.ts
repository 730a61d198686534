import type { Knex } from 'knex';

// Readers' appreciation of a reactie ("waardering", issue 25): one per reader per reactie, without
// accounts. A reader is known as in the reports (reactie_reports): reader_key is an HMAC of their
// IPv4 address or IPv6 /64, browser_key an HMAC of a random id in a cookie of their own browser;
// either one already holding an appreciation of the reactie is the same reader. Both keys are
// forgotten after IP_RETENTION_DAYS; the appreciation itself keeps counting. reacties.waarderingen
// is the count, moved in the same transaction as the row (so pages and sorting never count rows).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reactie_waarderingen', (t) => {
    t.increments('id').primary();
    t.integer('reactie_id').notNullable().references('id').inTable('reacties').onDelete('CASCADE');
    t.string('reader_key', 64).nullable();
    t.string('browser_key', 64).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['reactie_id', 'reader_key']);
    t.unique(['reactie_id', 'browser_key']);
    t.index(['created_at']);
  });
  await knex.schema.alterTable('reacties', (t) => {
    t.integer('waarderingen').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.dropColumn('waarderingen');
  });
  await knex.schema.dropTable('reactie_waarderingen');
}
