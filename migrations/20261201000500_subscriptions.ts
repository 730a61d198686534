import type { Knex } from 'knex';

// Residents who asked for an e-mail: 'replies' when someone answers their reactie, 'article' on
// every new reactie under an article. Double opt-in: nothing is sent before confirmed_at is set.
// The links in the mails are signed (HMAC) from the row's id, so no token is stored at all.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('subscriptions', (t) => {
    t.increments('id').primary();
    t.string('kind', 20).notNullable(); // replies | article
    t.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    // replies: the reactie whose answers are sent; null for 'article'.
    t.integer('reactie_id').nullable().references('id').inTable('reacties').onDelete('CASCADE');
    t.string('email', 254).notNullable();
    t.string('email_key', 254).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('confirmed_at', { useTz: true }).nullable();
    t.index(['reactie_id']);
    t.index(['article_id', 'kind']);
    t.index(['email_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('subscriptions');
}
