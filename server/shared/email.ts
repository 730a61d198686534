// What counts as a resident's e-mail address, and how two addresses are compared.
//
// One address, plain: local@domain. No display name, no <brackets>, no list separators, no spaces,
// no comments or quoted local parts. A mail library reads "<jan@x.nl>", "jan@x.nl," and
// "Jan <jan@x.nl>" as the same mailbox, so accepting them would make one person several addresses
// (one subscription each, one confirmation mail each). Internationalised domains (café.nl) and
// local parts in other scripts are fine.
import { domainToASCII, domainToUnicode } from 'node:url';

// RFC 5322 atext, and any character beyond ASCII (RFC 6531) but spaces and invisible ones
// (controls, format characters such as a zero-width space or a direction mark); dots only between.
const LOCAL_ATOM = "(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[^\\x00-\\x7F\\p{Z}\\p{C}])+";
const LOCAL_PART = new RegExp(`^${LOCAL_ATOM}(?:\\.${LOCAL_ATOM})*$`, 'u');
// A host name label as DNS has it (after IDNA: café becomes xn--caf-dma), and a top-level domain
// that is no number (so no IP address).
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
// RFC 5321: 64 octets for the local part, 253 for the domain.
const MAX_LOCAL_BYTES = 64;
const MAX_DOMAIN_CHARS = 253;

/** Why a typed value is no address, for the form's message. */
export type EmailProblem = 'bracketed' | 'several' | 'invalid';

export type ParsedEmail = { ok: true; address: string } | { ok: false; problem: EmailProblem };

/**
 * The address as it is stored and mailed: Unicode NFC, the domain lower-cased (and in its Unicode
 * form, also when it was typed as xn--…), the local part as typed (a mail server may tell its case
 * apart; emailKey does not). `value` is one line, trimmed (validation.normalizeLine).
 */
export function parseEmail(value: string): ParsedEmail {
  const typed = value.normalize('NFC');
  if (/[<>]/.test(typed)) return { ok: false, problem: 'bracketed' };
  if (/[,;\s]/u.test(typed)) return { ok: false, problem: 'several' };
  const at = typed.lastIndexOf('@');
  const local = typed.slice(0, at);
  const domain = typed.slice(at + 1);
  if (at < 1 || local.includes('@') || !LOCAL_PART.test(local) || Buffer.byteLength(local) > MAX_LOCAL_BYTES)
    return { ok: false, problem: 'invalid' };
  const ascii = domainToASCII(domain);
  const labels = ascii.split('.');
  if (
    !ascii ||
    ascii.length > MAX_DOMAIN_CHARS ||
    labels.length < 2 ||
    !labels.every((label) => LABEL.test(label)) ||
    !TOP_LEVEL.test(labels[labels.length - 1])
  )
    return { ok: false, problem: 'invalid' };
  return { ok: true, address: `${local}@${domainToUnicode(ascii)}` };
}

/**
 * The mailbox a mail program would deliver a value to, for a value stored before addresses were
 * checked this strictly: "Jan <jan@x.nl>", "<jan@x.nl>", "jan@x.nl," and "jan@x.nl; …" are jan@x.nl.
 */
function legacyMailbox(value: string): string {
  const inner = /<([^<>]*)>/.exec(value)?.[1] ?? value;
  return (
    inner
      .split(/[,;]/)
      .find((part) => part.trim() !== '')
      ?.trim() ?? ''
  );
}

/**
 * How e-mail addresses are compared: "Jan@Example.nl " and "jan@example.nl" are one person, and so
 * are jan@café.nl and jan@xn--caf-dma.nl. A value stored before addresses were checked this strictly
 * compares as the mailbox it was delivered to ("<jan@x.nl>" as jan@x.nl); anything else trimmed
 * and lower-cased.
 */
export function emailKey(email: string): string {
  const trimmed = email.trim();
  const parsed = parseEmail(trimmed);
  if (parsed.ok) return parsed.address.toLowerCase();
  const legacy = parseEmail(legacyMailbox(trimmed));
  return (legacy.ok ? legacy.address : trimmed).toLowerCase();
}

// Providers that ignore dots in the local part: j.ansen@gmail.com reaches jansen@gmail.com.
const DOTLESS_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The mailbox an address reaches, for limits that protect a person's inbox (one confirmation mail a
 * day): the address's key without a "+tag" (jan+1@x.nl reaches jan@x.nl at nearly every provider)
 * and, at Gmail, without dots. Never for storing or showing an address.
 */
export function mailboxKey(email: string): string {
  const key = emailKey(email);
  const at = key.lastIndexOf('@');
  if (at < 1) return key;
  let local = key.slice(0, at);
  const domain = key.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (DOTLESS_DOMAINS.has(domain)) local = local.replace(/\./g, '') || local;
  return `${local}@${domain === 'googlemail.com' ? 'gmail.com' : domain}`;
}
