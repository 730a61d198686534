// "Meer van deze schrijver": everything moderators know of the person behind one reactie's address,
// without the address itself: their reacties with status, first seen, the counts, readers' reports,
// bezwaren, the rule in force and the notes.
import type { Deps } from '../../deps';
import { addressKeyOf } from '../../addresses/key';
import { listNotes } from '../../addresses/notes';
import { ruleInForce, type AddressRule } from '../../addresses/rules';
import { articlePath, isPublic, type Article } from '../../articles/queries';
import type { Reactie } from '../../reacties/queries';
import { plainTextToParagraphs } from '../../reacties/thread-tree';
import { writerReacties, WRITER_LIST_LIMIT, type WriterSummary } from '../../reacties/queue/writer-queries';
import { appealsOfReacties } from '../appeals';
import { noteViews, type NoteView } from './notes-view';

export interface WriterItem {
  id: number;
  authorName: string;
  status: Reactie['status'];
  createdAt: Date;
  articleTitle: string;
  /** The permalink, when the article and the reactie are public. */
  url: string | null;
  text: ReturnType<typeof plainTextToParagraphs>;
  reports: number;
  appeal: 'open' | 'toegekend' | 'afgewezen' | null;
  notes: NoteView[];
  /** The reactie the moderator came from. */
  current: boolean;
}

export type WriterPage =
  | { known: false; reactieId: number }
  | {
      known: true;
      reactieId: number;
      names: string[];
      summary: WriterSummary;
      appeals: { open: number; granted: number; rejected: number };
      rule: AddressRule | null;
      /** Notes on the person (not on one reactie). */
      writerNotes: NoteView[];
      items: WriterItem[];
      /** More reacties than the list shows. */
      more: boolean;
    };

export async function loadWriterPage(deps: Pick<Deps, 'db' | 'config'>, reactie: Reactie, now: Date): Promise<WriterPage> {
  const key = addressKeyOf(deps.config.sessionSecret, reactie.authorEmail);
  // Anonymised under the AVG: nothing links it to anyone any more.
  if (key === '') return { known: false, reactieId: reactie.id };
  const { summary, items } = await writerReacties(deps.db, reactie.authorEmail);
  const ids = items.map((i) => i.reactie.id);
  const [rule, notes, appeals] = await Promise.all([
    ruleInForce(deps.db, key, now),
    listNotes(deps.db, { reactieIds: ids, addressKeys: [key] }).then((n) => noteViews(deps.db, n)),
    appealsOfReacties(deps.db, ids),
  ]);
  const lastAppeal = new Map(appeals.map((a) => [a.reactieId, a.outcome ?? ('open' as const)]));
  return {
    known: true,
    reactieId: reactie.id,
    names: [...new Set(items.map((i) => i.reactie.authorName))],
    summary,
    appeals: {
      open: appeals.filter((a) => a.outcome === null).length,
      granted: appeals.filter((a) => a.outcome === 'toegekend').length,
      rejected: appeals.filter((a) => a.outcome === 'afgewezen').length,
    },
    rule,
    writerNotes: notes.filter((n) => n.aboutWriter),
    items: items.map(({ reactie: r, article, reports }) => {
      const a: Pick<Article, 'slug' | 'status' | 'publishedAt' | 'createdAt'> = {
        ...article,
        status: article.status === 'published' ? 'published' : 'draft',
      };
      return {
        id: r.id,
        authorName: r.authorName,
        status: r.status,
        createdAt: r.createdAt,
        articleTitle: article.title,
        url: isPublic(a, now) && r.status === 'approved' ? `${articlePath(a)}#reactie-${r.id}` : null,
        text: plainTextToParagraphs(r.body),
        reports,
        appeal: lastAppeal.get(r.id) ?? null,
        notes: notes.filter((n) => n.reactieId === r.id),
        current: r.id === reactie.id,
      };
    }),
    more: summary.total > WRITER_LIST_LIMIT,
  };
}
