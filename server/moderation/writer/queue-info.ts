// What the moderation queue shows of the person behind each reactie: the rule in force for the
// address ("altijd vasthouden" or "blokkeren"), and the notes on the reactie and on the person.
// Read for a whole page at once.
import type { Deps } from '../../deps';
import { addressKeyOf } from '../../addresses/key';
import { listNotes } from '../../addresses/notes';
import { rulesInForce, type AddressRule } from '../../addresses/rules';
import type { Reactie } from '../../reacties/queries';
import { noteViews, type NoteView } from './notes-view';

export interface QueueWriterInfo {
  rule: AddressRule | null;
  notes: NoteView[];
}

export async function writerInfoForQueue(
  deps: Pick<Deps, 'db' | 'config'>,
  reacties: Array<Pick<Reactie, 'id' | 'authorEmail'>>,
  now: Date,
): Promise<Map<number, QueueWriterInfo>> {
  const keys = new Map(reacties.map((r) => [r.id, addressKeyOf(deps.config.sessionSecret, r.authorEmail)]));
  const [rules, notes] = await Promise.all([
    rulesInForce(deps.db, [...keys.values()], now),
    listNotes(deps.db, { reactieIds: [...keys.keys()], addressKeys: [...keys.values()] }).then((n) =>
      noteViews(deps.db, n).then((v) => ({ n, v })),
    ),
  ]);
  return new Map(
    reacties.map((r) => {
      const key = keys.get(r.id) ?? '';
      const mine = notes.v.filter((_, i) => notes.n[i].reactieId === r.id || (key !== '' && notes.n[i].addressKey === key));
      return [r.id, { rule: rules.get(key) ?? null, notes: mine }];
    }),
  );
}
