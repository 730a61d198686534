// Why a database could not be reached, in Dutch and with what to do next, for commands and start-up messages
// (a stack trace of the driver tells a person running `npm start` or `npm run backup` nothing).

// A server that does not answer at all (a firewall) is given up on after this long (copy/target.ts).
export const CONNECT_TIMEOUT_MS = 10_000;

const BY_CODE: Record<string, string> = {
  ECONNREFUSED: 'er luistert geen server op dat adres (draait PostgreSQL, klopt de poort?).',
  ENOTFOUND: 'de servernaam is onbekend.',
  EAI_AGAIN: 'de servernaam is onbekend.',
  '3D000': 'die database bestaat niet; maak hem eerst met createdb.',
  '28P01': 'de gebruiker of het wachtwoord wordt geweigerd.',
  '28000': 'de gebruiker of het wachtwoord wordt geweigerd.',
  SQLITE_CANTOPEN: 'het databasebestand kan niet worden geopend (bestaat de map, mag Stadslog erin schrijven?).',
  SQLITE_READONLY: 'het databasebestand is alleen-lezen; geef Stadslog schrijfrecht op het bestand en de map.',
  SQLITE_NOTADB: 'dat bestand is geen SQLite-database.',
};

/** The Dutch reason a connection failed, or null when the error is not about reaching the database. */
export function connectionProblem(err: unknown): string | null {
  const e = err as { code?: string; message?: string } | null;
  if (!e || typeof e !== 'object') return null;
  if (e.code && BY_CODE[e.code]) return BY_CODE[e.code];
  if (/timeout acquiring a connection|connection timeout/i.test(e.message ?? ''))
    return `geen antwoord binnen ${CONNECT_TIMEOUT_MS / 1000} seconden.`;
  if (/Connection terminated/i.test(e.message ?? ''))
    return 'de verbinding viel weg voordat de server antwoordde (klopt het adres, laat een firewall het door?).';
  return null;
}

/** The address without its password, for messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
