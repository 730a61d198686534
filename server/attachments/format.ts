// How an attachment is named and sized for readers: "Rapportage (pdf, 245 kB)", and the file name
// in its URL and in Content-Disposition.
import { slugify } from '../shared/slug';
import { typeLabel } from './file-type';

const oneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/** "812 bytes", "245 kB", "1,2 MB" (decimal units, Dutch number format). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return bytes === 1 ? '1 byte' : `${whole.format(bytes)} bytes`;
  const kB = Math.round(bytes / 1000);
  if (kB < 1000) return `${whole.format(kB)} kB`;
  return `${oneDecimal.format(bytes / 1_000_000)} MB`;
}

/** The last part of the public URL: "rapportage-transitiebijeenkomst.pdf". Only [a-z0-9.-]. */
export function safeFileName(originalName: string, label: string): string {
  const base = originalName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return `${slugify(base).replace(/^artikel$/, 'bijlage')}.${label}`;
}

/**
 * Content-Disposition with the original name: an ASCII fallback for old clients and the exact name
 * in UTF-8 (RFC 6266 / RFC 5987). Quotes, backslashes and control characters never reach the header.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** What the lists show of an attachment. */
export interface AttachmentView {
  id: number;
  title: string;
  /** "pdf, 245 kB" */
  details: string;
  url: string;
}

export function attachmentView(a: { id: number; title: string; originalName: string; mediaType: string; size: number }): AttachmentView {
  const label = typeLabel(a.mediaType);
  return {
    id: a.id,
    title: a.title,
    details: `${label}, ${formatFileSize(a.size)}`,
    url: `/bijlagen/${a.id}/${safeFileName(a.originalName, label)}`,
  };
}
