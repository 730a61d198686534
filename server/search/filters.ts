// The year filter of /zoeken: articles by when they were published (windowed.ts articleVisibility),
// reacties on their own dates (windowed.ts), from the range of ids of that year.

/** 1 January 00:00 in Amsterdam: always winter time (UTC+1). */
export function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 3_600_000);
}
