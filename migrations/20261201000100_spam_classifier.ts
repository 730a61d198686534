import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // The learning spam filter's own model: per hashed feature, in how many spam and ham reacties a
  // moderator decided on it occurred. Token 0 holds the number of reacties per class.
  await knex.schema.createTable('spam_classifier_counts', (t) => {
    t.integer('token').primary();
    t.integer('spam').notNullable().defaultTo(0);
    t.integer('ham').notNullable().defaultTo(0);
  });
  // Which reacties the model learned from, and as what: a moderator who changes their mind moves
  // the reactie's counts from one class to the other instead of counting it twice.
  await knex.schema.createTable('spam_classifier_reacties', (t) => {
    t.integer('reactie_id').primary();
    t.string('label', 4).notNullable(); // spam | ham
    t.timestamp('trained_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('spam_classifier_reacties');
  await knex.schema.dropTable('spam_classifier_counts');
}
