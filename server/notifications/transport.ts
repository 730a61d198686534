// How a mail leaves: over SMTP (SMTP_URL), or, outside production without SMTP, into the outbox
// folder as an .eml file that admins read at /beheer/uitgaande-mail. nodemailer composes the
// message (MIME, encoded headers, line lengths) either way.
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { MailConfig } from '../config';
import type { QueuedMail } from './queue';

export interface MailTransport {
  send(mail: QueuedMail): Promise<void>;
  close(): void;
}

function message(from: string, mail: QueuedMail): SendMailOptions {
  return { from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? undefined, headers: mail.headers };
}

// A stalled server must not hold the worker: it gives up and tries again later.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

export function createTransport(mail: MailConfig): MailTransport {
  if (mail.smtpUrl) {
    const smtp = nodemailer.createTransport({ url: mail.smtpUrl, ...SMTP_TIMEOUTS });
    return {
      send: async (m) => {
        await smtp.sendMail(message(mail.from, m));
      },
      close: () => smtp.close(),
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    send: async (m) => {
      const info = (await stream.sendMail(message(mail.from, m))) as { message: Buffer };
      await fs.mkdir(mail.outboxDir, { recursive: true });
      await fs.writeFile(path.join(mail.outboxDir, outboxFileName(m.id, new Date())), info.message);
    },
    close: () => stream.close(),
  };
}

/** 20261201T095500-42.eml: sorts by time, unique per queued mail. */
function outboxFileName(id: number, at: Date): string {
  return `${at.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${id}.eml`;
}

export const OUTBOX_FILE = /^\d{8}T\d{6}-\d+\.eml$/;
