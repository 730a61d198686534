import type { Knex } from 'knex';

// The network a report came from (an HMAC of the reader's IPv4 /24 or IPv6 /48, never the address):
// reports from one network count once towards hiding a reactie, so one household's or office's
// many IPv6 lines cannot hide a reactie on their own. Forgotten with reader_key after IP_RETENTION_DAYS.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reactie_reports', (t) => {
    t.string('network_key', 64).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reactie_reports', (t) => {
    t.dropColumn('network_key');
  });
}
