// Cursors for the open-data API: where a listing goes on, as an opaque token. A cursor names the
// last item a client got (its moment and id), so a page stays right while new items arrive.
export interface Cursor {
  at: Date;
  id: number;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at.getTime()}.${c.id}`).toString('base64url');
}

/** undefined: no cursor given; null: a cursor that is not one of ours. */
export function decodeCursor(value: unknown): Cursor | null | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 64) return null;
  const m = /^(\d{1,15})\.(\d{1,12})$/.exec(Buffer.from(value, 'base64url').toString());
  if (!m) return null;
  return { at: new Date(Number(m[1])), id: Number(m[2]) };
}
