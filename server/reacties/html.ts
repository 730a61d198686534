// A reactie's text as the HTML a page shows: made once, when the reactie is stored or edited, and
// kept in reacties.body_html, so a page view only copies it. A reactie is plain text: everything is
// escaped; the only markup is <p> per paragraph, <br> between lines and web links.
import { escapeHtml } from '../shared/html';
import { plainTextToParagraphs } from './thread-tree';

export function reactieBodyHtml(body: string): string {
  return plainTextToParagraphs(body)
    .map(
      (paragraph) =>
        `<p>${paragraph
          .map((line) =>
            line
              .map((s) =>
                s.href ? `<a href="${escapeHtml(s.href)}" rel="nofollow ugc noopener">${escapeHtml(s.text)}</a>` : escapeHtml(s.text),
              )
              .join(''),
          )
          .join('<br>')}</p>`,
    )
    .join('');
}
