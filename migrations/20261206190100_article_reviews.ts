import type { Knex } from 'knex';

// "Ter beoordeling": an article an editor offers for review has articles.status 'review' (a value of
// the existing varchar, never public: every public query asks for 'published'). This table, owned by
// reviews/, says who asked and when, and, once a reviewer sent it back, who did, when and the note
// for the author. One row per article at most; it goes when the article is published.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('article_reviews', (t) => {
    t.integer('article_id').primary().references('id').inTable('articles').onDelete('CASCADE');
    t.integer('requested_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    // Names at the time: an account may be renamed or removed later.
    t.text('requested_by_name').notNullable();
    t.timestamp('requested_at', { useTz: true }).notNullable();
    t.integer('returned_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.text('returned_by_name').nullable();
    t.timestamp('returned_at', { useTz: true }).nullable();
    // The reviewer's note to the author when sent back; null while waiting.
    t.text('note').nullable();
  });
  // A site that already has redacteuren: they published their own articles until this update and
  // keep doing so (the beheerder chooses review under Instellingen); a new site starts with review.
  if (await knex('users').where({ role: 'editor' }).first('id')) {
    await knex('settings')
      .insert({ key: 'articles.directPublish', value: JSON.stringify('all') })
      .onConflict('key')
      .ignore();
  }
}

export async function down(knex: Knex): Promise<void> {
  // Articles waiting for review go back to concept: the older code knows no other status.
  await knex('articles').where({ status: 'review' }).update({ status: 'draft' });
  await knex.schema.dropTable('article_reviews');
}
