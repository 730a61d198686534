// A form in a page as a browser would send it: its inputs (checkboxes and radio buttons when ticked),
// textareas and selects with their chosen option, in document order, without any button. For tests
// that post back what a page showed (the import's review inside the article editor).

const decode = (s: string) =>
  s
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)) out.set(m[1], decode(m[2] ?? ''));
  return out;
}

/** The fields of the first form whose opening tag matches `opening`, as [name, value] pairs. */
export function formFields(html: string, opening: RegExp = /<form[^>]*class="article-form"[^>]*>/): Array<[string, string]> {
  const start = html.search(opening);
  if (start < 0) throw new Error(`no form ${String(opening)} in the page`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const pairs: Array<[string, string]> = [];
  for (const m of form.matchAll(/<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    if (m[0].startsWith('<input')) {
      const a = attributes(m[0]);
      const type = a.get('type') ?? 'text';
      if (!a.get('name') || type === 'file' || ((type === 'checkbox' || type === 'radio') && !a.has('checked'))) continue;
      pairs.push([a.get('name')!, a.get('value') ?? (type === 'checkbox' ? 'on' : '')]);
    } else if (m[1] !== undefined) {
      const a = attributes(m[1]);
      // The HTML parser drops a textarea's first newline.
      if (a.get('name')) pairs.push([a.get('name')!, decode(m[2].replace(/^\n/, ''))]);
    } else {
      const a = attributes(m[3]);
      const options = [...m[4].matchAll(/<option\b([^>]*)>/g)].map((o) => attributes(o[1]));
      const chosen = options.find((o) => o.has('selected')) ?? options[0];
      if (a.get('name') && chosen) pairs.push([a.get('name')!, chosen.get('value') ?? '']);
    }
  }
  return pairs;
}

/** The pairs with some values changed (or added, for a name the form does not have), as a urlencoded body. */
export function formBody(pairs: Array<[string, string]>, changes: Record<string, string> = {}): string {
  const out = new URLSearchParams();
  const done = new Set<string>();
  for (const [name, value] of pairs) {
    if (name in changes) {
      if (!done.has(name)) out.append(name, changes[name]);
      done.add(name);
    } else out.append(name, value);
  }
  for (const [name, value] of Object.entries(changes)) if (!done.has(name)) out.append(name, value);
  return out.toString();
}
