import type { Knex } from 'knex';

// Every posted reactie is written into each index of reacties, so an index that holds nothing a query
// needs is paid for on every post (issue 26: posting at a million reacties on PostgreSQL).
// - (article_id, status) is the first part of (article_id, status, created_at): every query it served
//   reads the longer one as well.
// - pending_edit_at, featured_at and recheck_next_at are empty for nearly every reactie (an edit waiting
//   for a moderator, a reactie the editors featured, one held while Akismet did not answer). Their
//   indexes now hold only the rows that have one: the queries that use them ask for those rows only
//   ("is not null", or a comparison, which both databases read as "is not null" too).
// Dropping and narrowing indexes changes no query's result, so an older version runs on it unchanged.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('drop index reacties_article_id_status_index');
  await knex.raw('drop index reacties_pending_edit_at_index');
  await knex.raw('create index reacties_pending_edit_at_partial on reacties (pending_edit_at) where pending_edit_at is not null');
  await knex.raw('drop index reacties_article_id_featured_at_index');
  await knex.raw('create index reacties_article_featured_partial on reacties (article_id, featured_at) where featured_at is not null');
  await knex.raw('drop index reacties_recheck_needed_recheck_next_at_index');
  await knex.raw('create index reacties_recheck_next_at_partial on reacties (recheck_next_at) where recheck_next_at is not null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index reacties_recheck_next_at_partial');
  await knex.raw('create index reacties_recheck_needed_recheck_next_at_index on reacties (recheck_needed, recheck_next_at)');
  await knex.raw('drop index reacties_article_featured_partial');
  await knex.raw('create index reacties_article_id_featured_at_index on reacties (article_id, featured_at)');
  await knex.raw('drop index reacties_pending_edit_at_partial');
  await knex.raw('create index reacties_pending_edit_at_index on reacties (pending_edit_at)');
  await knex.raw('create index reacties_article_id_status_index on reacties (article_id, status)');
}
