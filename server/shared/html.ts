// Escaping for HTML made in code rather than in a template (a reactie's text is turned into HTML
// once, when it is stored). The same characters as EJS's <%= escapes.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;

export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ESCAPES[c]) : text;
}
