import type { Knex } from 'knex';

// Residents who get the new articles by mail (newsmail/), daily or weekly. Double opt-in: nothing is
// sent before confirmed_at is set. The links in the mails are signed from the row's id (as the
// reply e-mails' links), so no token is stored. last_slot is the Amsterdam date of the last digest
// moment handled for this subscriber (moved by one conditional update, so two app servers send it
// once); articles_after is where the next digest starts (published after this moment).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('news_subscribers', (t) => {
    t.increments('id').primary();
    t.string('email', 254).notNullable();
    t.string('email_key', 254).notNullable().unique();
    t.string('frequency', 10).notNullable(); // daily | weekly
    t.string('kinds', 10).notNullable(); // all | documents | news
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('confirmed_at', { useTz: true }).nullable();
    t.string('last_slot', 10).nullable();
    t.timestamp('articles_after', { useTz: true }).nullable();
    t.index(['frequency', 'last_slot']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('news_subscribers');
}
