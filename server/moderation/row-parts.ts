// The partials a queue row draws (the queue's tabs and the Meldingen queue), each compiled once and
// called with its own few locals instead of an include() per row (server/http/partials.ts).
import { partial, type CompiledPartial, type TemplateOptions } from '../http/partials';

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

export function rowParts(o: TemplateOptions): RowParts {
  return {
    plainTextHtml: partial('partials/plain-text', o),
    writerHtml: partial('beheer/moderation/queue-writer', o),
    whyHtml: partial('beheer/moderation/why-here', o),
    quickRemovalHtml: partial('beheer/moderation/quick-removal', o),
  };
}
