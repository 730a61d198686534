// Which reacties a search may show: those the thread shows, approved under a chain of approved
// parents or placeholders of removed ones (as reacties/counters.ts counts them). Asked when searching, by walking up from each
// matching reactie (a few primary-key reads; UNION ends even on a damaged, cyclic chain), so a
// parent's moderation never has to touch its replies' index rows.
import type { Knex } from 'knex';

const UNDER_APPROVED_PARENTS = `not exists (
  with recursive ancestors (id, parent_id, status, removed_reason) as (
    select p.id, p.parent_id, p.status, p.removed_reason from reacties p where p.id = r.parent_id
    union
    select p.id, p.parent_id, p.status, p.removed_reason from reacties p join ancestors on p.id = ancestors.parent_id
  )
  select 1 from ancestors where ancestors.status <> 'approved' and ancestors.removed_reason is null)`;

/** Where-clause for a search row joined with its reactie as `r`: an article or its attachment, or a shown reactie. */
export function publicEntry(kindColumn: string) {
  return (w: Knex.QueryBuilder): void => {
    void w.whereNot(kindColumn, 'reactie').orWhere((x) => x.where('r.status', 'approved').whereRaw(UNDER_APPROVED_PARENTS));
  };
}
