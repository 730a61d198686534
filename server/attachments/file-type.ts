// What a file is, read from its first bytes, never from its name or the browser's Content-Type.
// Only these types are accepted: nothing that a browser would run (HTML, SVG, scripts).

export interface AttachmentType {
  mediaType: string;
  /** As readers see it in the list: "pdf", "png". */
  label: string;
}

/** Enough bytes to recognise every type below. */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const TYPES: Array<{ type: AttachmentType; matches: (bytes: Uint8Array) => boolean }> = [
  { type: { mediaType: 'application/pdf', label: 'pdf' }, matches: (b) => startsWith(b, ascii('%PDF-')) },
  { type: { mediaType: 'image/png', label: 'png' }, matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: { mediaType: 'image/jpeg', label: 'jpg' }, matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { type: { mediaType: 'image/gif', label: 'gif' }, matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { type: { mediaType: 'image/webp', label: 'webp' }, matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
];

/** The type of a file from its first bytes (at least SNIFF_BYTES of them), or null when it is not one we accept. */
export function sniffAttachmentType(head: Uint8Array): AttachmentType | null {
  return TYPES.find((t) => t.matches(head))?.type ?? null;
}

/** The label of a stored media type ("pdf"), for the lists. */
export function typeLabel(mediaType: string): string {
  return TYPES.find((t) => t.type.mediaType === mediaType)?.type.label ?? 'bestand';
}

/** Shown in the browser (inline) rather than downloaded: only the types above. */
export function isInlineType(mediaType: string): boolean {
  return TYPES.some((t) => t.type.mediaType === mediaType);
}
