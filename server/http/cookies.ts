// The request's cookies by name, from its Cookie header: for the few cookies read outside a session
// (a resident's own reacties, their remembered details, a device an account logged in on).

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}
