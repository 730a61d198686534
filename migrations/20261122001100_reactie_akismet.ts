import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.string('akismet_result', 20).nullable(); // spam | ham | discard | error
    t.string('akismet_guid', 100).nullable();
    t.text('akismet_response').nullable(); // JSON: the X-akismet-* headers and body of the last answer
    t.text('akismet_payload').nullable(); // JSON: exactly what was sent, for submit-spam/ham; purged after 15 days
    t.boolean('recheck_needed').notNullable().defaultTo(false);
    t.integer('recheck_attempts').notNullable().defaultTo(0);
    t.timestamp('recheck_next_at', { useTz: true }).nullable();
    t.timestamp('recheck_claimed_until', { useTz: true }).nullable();
    t.index(['recheck_needed', 'recheck_next_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.dropIndex(['recheck_needed', 'recheck_next_at']);
    for (const c of [
      'akismet_result',
      'akismet_guid',
      'akismet_response',
      'akismet_payload',
      'recheck_needed',
      'recheck_attempts',
      'recheck_next_at',
      'recheck_claimed_until',
    ])
      t.dropColumn(c);
  });
}
