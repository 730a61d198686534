// Comparing a signature someone sent with the one we made: in constant time, so the time an answer
// takes says nothing about how much of a forged signature was right.
import crypto from 'node:crypto';

/** Whether `given` is exactly `expected` (an HMAC we computed), compared in constant time. */
export function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
