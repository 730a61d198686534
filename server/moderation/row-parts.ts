// The partials a queue row draws (the queue's tabs and the Meldingen queue), each compiled once and
// called with its own few locals instead of an include() per row (server/http/partials.ts).
import { partial, type CompiledPartial } from '../http/partials';

export interface RowParts {
  /** views/partials/plain-text.ejs: { text, links } */
  plainTextHtml: CompiledPartial;
  /** queue-writer.ejs: { item, here, fmt, csrfToken } */
  writerHtml: CompiledPartial;
  /** why-here.ejs: { item, fmt, label } */
  whyHtml: CompiledPartial;
  /** quick-removal.ejs: { id, here, removalReasons, csrfToken } */
  quickRemovalHtml: CompiledPartial;
}

export function rowParts(cache: boolean): RowParts {
  return {
    plainTextHtml: partial('partials/plain-text', cache),
    writerHtml: partial('beheer/moderation/queue-writer', cache),
    whyHtml: partial('beheer/moderation/why-here', cache),
    quickRemovalHtml: partial('beheer/moderation/quick-removal', cache),
  };
}
