import type { Knex } from 'knex';

// A moderator's rule for the person behind an e-mail address: 'hold' (every new reactie waits) or
// 'block' (a new reactie is refused). The address is stored only as a keyed hash (HMAC with the site
// secret), never itself. A rule always ends (ends_at); the retention job deletes it then, and an AVG
// erasure of the address deletes it at once. reactie_id: the reactie it was set from, for the list.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('address_rules', (t) => {
    t.increments('id').primary();
    t.string('address_key', 64).notNullable().unique();
    t.string('rule', 10).notNullable(); // hold | block
    t.string('reason', 500).nullable();
    t.timestamp('ends_at', { useTz: true }).notNullable();
    t.integer('reactie_id').nullable().references('id').inTable('reacties').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['ends_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('address_rules');
}
