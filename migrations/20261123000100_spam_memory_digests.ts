import type { Knex } from 'knex';

// The spam memory kept e-mail addresses, IP addresses and websites in plain text, outside the
// reacties they came from, so an AVG erasure and the IP retention limit missed them. It now keeps
// only keyed hashes (HMAC with the site secret): enough to recognise a sender again, nothing to
// read back. A migration cannot compute those hashes (it never sees the secret), so the old plain
// entries are dropped; the memory refills from the moderators' next spam decisions.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.dropTable('spam_memory');
  await knex.schema.createTable('spam_memory', (t) => {
    t.increments('id').primary();
    t.string('kind', 10).notNullable(); // ip | email | url
    t.string('digest', 64).notNullable(); // hex HMAC-SHA256 of the normalised value
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['kind', 'digest']);
    t.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('spam_memory');
  await knex.schema.createTable('spam_memory', (t) => {
    t.increments('id').primary();
    t.string('kind', 10).notNullable();
    t.string('value', 254).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['kind', 'value']);
  });
}
