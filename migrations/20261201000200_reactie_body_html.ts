import type { Knex } from 'knex';

// A reactie's text as HTML (escaped, paragraphs, links), made once when it is posted or edited
// instead of on every page view. Older rows stay null until `npm run recount` fills them; the page
// renders those on the fly meanwhile (server/reacties/html.ts).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.text('body_html').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.dropColumn('body_html');
  });
}
