// The partials a queue row draws (the queue's tabs and the Meldingen queue), each compiled once and
// called with its own few locals instead of an include() per row (server/http/partials.ts).
import { partial, type Partial } from '../http/partials';

export interface RowParts {
  /** views/partials/plain-text.ejs: { text, links } */
  plainText: Partial;
  /** queue-writer.ejs: { item, here, fmt, csrfToken } */
  writer: Partial;
  /** why-here.ejs: { item, fmt, label } */
  why: Partial;
  /** quick-removal.ejs: { id, here, removalReasons, csrfToken } */
  quickRemoval: Partial;
}

export function rowParts(cache: boolean): RowParts {
  return {
    plainText: partial('partials/plain-text', cache),
    writer: partial('beheer/moderation/queue-writer', cache),
    why: partial('beheer/moderation/why-here', cache),
    quickRemoval: partial('beheer/moderation/quick-removal', cache),
  };
}
