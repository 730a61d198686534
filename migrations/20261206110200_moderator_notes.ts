import type { Knex } from 'knex';

// Notes moderators leave for each other, staff only: on one reactie (reactie_id) or on the person
// behind an address (address_key, the same keyed hash as address_rules). A note on a reactie goes
// with it; an AVG erasure of the address deletes both kinds.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('moderator_notes', (t) => {
    t.increments('id').primary();
    t.integer('reactie_id').nullable().references('id').inTable('reacties').onDelete('CASCADE');
    t.string('address_key', 64).nullable();
    t.text('body').notNullable();
    t.integer('user_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['reactie_id']);
    t.index(['address_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('moderator_notes');
}
