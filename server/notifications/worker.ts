// Sends the queued mails that are due. Safe in several app processes: each mail is claimed with one
// conditional update before it is sent. A failure is recorded and tried again later, with a wait
// that doubles; nothing here runs on a page's request.
import type { Logger } from 'pino';
import type { Db } from '../db/knex';
import { claimMail, listDueMails, markFailed, markSent } from './queue';
import type { MailTransport } from './transport';

// A minute, then 2, 4, 8 … up to six hours between attempts; about two days in all.
const FIRST_RETRY_MS = 60 * 1000;
const MAX_RETRY_MS = 6 * 60 * 60 * 1000;
const MAX_ATTEMPTS = 15;
// Longer than one SMTP conversation with its timeouts: no other process takes the same mail.
const CLAIM_MS = 2 * 60 * 1000;
const BATCH = 50;

function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS);
}

export interface SendResult {
  sent: number;
  failed: number;
}

export async function sendDueMails(db: Db, transport: MailTransport, logger: Logger, now: Date): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0 };
  for (const due of await listDueMails(db, now, BATCH)) {
    const mail = await claimMail(db, due.id, due.nextAttemptAt, new Date(now.getTime() + CLAIM_MS));
    if (!mail) continue;
    try {
      await transport.send(mail);
      await markSent(db, mail.id, now);
      result.sent++;
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const retryAt = mail.attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + retryDelay(mail.attempts));
      logger.warn({ mail: mail.id, attempts: mail.attempts, error, giveUp: retryAt === null }, 'mail not sent');
      await markFailed(db, mail.id, error, retryAt);
      result.failed++;
    }
  }
  return result;
}
