import type { Knex } from 'knex';

// A question's own label where the text numbers it otherwise than its position ("5a", "A1", "2 en 3"):
// the page says "Vraag 5a" as the document does. Null for a question numbered by its position.
// Plain ALTER TABLE on both databases (as 20261203100200), so SQLite does not rebuild the table.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table document_questions add column label varchar(20) null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table document_questions drop column label');
}
