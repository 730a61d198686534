import type { Knex } from 'knex';

// Long discussions are read in pages. Each top-level reactie is given a page when it is posted and
// keeps it, with all its replies, so a page link stays right as reacties are added (see
// server/reacties/paging.ts). Existing reacties are packed here with the rule of that day: threads
// in order, a new page once a page holds 500 reacties that are approved or waiting.
const PER_PAGE = 500;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.integer('thread_page').notNullable().defaultTo(1);
    t.index(['article_id', 'thread_page']);
  });
  const busy: Array<{ article_id: number }> = await knex('reacties')
    .select('article_id')
    .groupBy('article_id')
    .having(knex.raw('count(*) > ?', [PER_PAGE]));
  for (const { article_id: articleId } of busy) {
    const rows: Array<{ id: number; parent_id: number | null; status: string }> = await knex('reacties')
      .where({ article_id: articleId })
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .select('id', 'parent_id', 'status');
    const pageOf = new Map<number, number>();
    const filled = new Map<number, number>();
    let last = 1;
    for (const r of rows) {
      let page: number;
      if (r.parent_id === null || !pageOf.has(Number(r.parent_id))) {
        if ((filled.get(last) ?? 0) >= PER_PAGE) last++;
        page = last;
      } else {
        page = pageOf.get(Number(r.parent_id))!;
      }
      pageOf.set(Number(r.id), page);
      if (r.status === 'approved' || r.status === 'pending') filled.set(page, (filled.get(page) ?? 0) + 1);
    }
    const byPage = new Map<number, number[]>();
    for (const [id, page] of pageOf) if (page !== 1) byPage.set(page, [...(byPage.get(page) ?? []), id]);
    for (const [page, ids] of byPage) {
      for (let i = 0; i < ids.length; i += 500)
        await knex('reacties')
          .whereIn('id', ids.slice(i, i + 500))
          .update({ thread_page: page });
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reacties', (t) => {
    t.dropIndex(['article_id', 'thread_page']);
    t.dropColumn('thread_page');
  });
}
