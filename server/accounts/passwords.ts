// Password hashing with argon2id (the @node-rs/argon2 defaults meet the OWASP minimum).
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

const MIN_PASSWORD_LENGTH = 12;

// A short list of passwords every cracker tries first; longer lists belong in a breach check.
const COMMON_PASSWORDS = new Set([
  '123456789012',
  'qwertyuiopas',
  'wachtwoord12',
  'wachtwoord123',
  'welkom123456',
  'password1234',
  'passwordpassword',
  'iloveyou1234',
  'adminadmin12',
  'administrator',
  'stadslog1234',
  'welkomwelkom',
  '000000000000',
  '111111111111',
  'abcdefghijkl',
  'qwerty123456',
  '1q2w3e4r5t6y',
  'zomer2024!!!',
  'letmeinletmein',
  'wachtwoord!!',
]);

/** A Dutch reason why this password may not be used, or null when it is fine. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`;
  if (password.length > 200) return 'Kies een wachtwoord van hoogstens 200 tekens.';
  if (COMMON_PASSWORDS.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) {
    return 'Dit wachtwoord is te bekend of te eenvoudig; kies een ander.';
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist takes as long as a real check,
// so response times do not tell which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('stadslog-no-such-account');
  return dummyHash;
}

/** A password nobody has to invent: 18 random bytes (24 characters), shown once. */
export function generatePassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}
