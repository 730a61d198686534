import type { Knex } from 'knex';

// The text inside an attached PDF, read once per stored file (the same bytes attached twice are read
// once), so that search can find it. `text_status` says where the reading stands: 'pending' (not
// read yet; `text` is null), 'done' (`text` holds it), 'none' (nothing to read: a scan without a text
// layer, or a file that is no PDF) or 'failed' (broken, encrypted or too large to read); after a
// read `text` is never null ('' when there was nothing). A new files row is 'pending' unless the app
// says otherwise: it writes 'none' for images. Images already stored need no reading.
// Plain ALTER TABLE on both databases, as the other migrations that add a column.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table files add column "text" text null');
  await knex.raw("alter table files add column text_status varchar(10) not null default 'pending'");
  await knex('files').whereNot('media_type', 'application/pdf').update({ text: '', text_status: 'none' });
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table files drop column text_status');
  await knex.raw('alter table files drop column "text"');
}
