import type { Knex } from 'knex';

// Every council document now has the same common fields (datum, kenmerk, afzender, aan, onderwerp,
// bijlagen, bron), so three types' own names for them become the common keys: a memo's `van` is its
// `afzender`, a raadsinformatiebrief's `nummer` and a letter's `onze_referentie` its `kenmerk`. The
// card still shows them as "Van", "Nummer" and "Onze referentie".
const RENAMES: Array<{ kind: string; from: string; to: string }> = [
  { kind: 'memo', from: 'van', to: 'afzender' },
  { kind: 'raadsinformatiebrief', from: 'nummer', to: 'kenmerk' },
  { kind: 'brief', from: 'onze_referentie', to: 'kenmerk' },
];

async function rename(knex: Knex, kind: string, from: string, to: string): Promise<void> {
  const ofKind = knex('articles').select('id').where({ kind });
  // A row under the new key left from the article's former type was never shown; the value the
  // editor sees takes its place (the key is part of the primary key).
  const renamed = knex('article_fields').select('article_id').where({ key: from }).whereIn('article_id', ofKind);
  await knex('article_fields').where({ key: to }).whereIn('article_id', renamed).delete();
  await knex('article_fields').where({ key: from }).whereIn('article_id', ofKind).update({ key: to });
}

export async function up(knex: Knex): Promise<void> {
  for (const r of RENAMES) await rename(knex, r.kind, r.from, r.to);
}

export async function down(knex: Knex): Promise<void> {
  for (const r of RENAMES) await rename(knex, r.kind, r.to, r.from);
}
