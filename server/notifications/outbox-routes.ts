// /beheer/uitgaande-mail: without SMTP (development), admins read what the weblog would have sent.
// Read-only; the files are parsed for the list and shown as text, escaped like everything else.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Router, type RequestHandler } from 'express';
import { simpleParser } from 'mailparser';
import type { Deps } from '../deps';
import { requirePermission } from '../accounts/auth';
import { noStore } from '../http/cache';
import { notFound } from '../http/errors';
import { OUTBOX_FILE } from './transport';

// The newest ones; an outbox is a development aid, not an archive.
const LIST_LIMIT = 200;

export function outboxRoutes(deps: Deps): Router {
  const router = Router();
  // Mails hold residents' addresses: only admins (who see the users and the log) read them.
  const guard: RequestHandler[] = [noStore, requirePermission('users')];
  const dir = deps.config.mail.outboxDir;

  async function files(): Promise<string[]> {
    try {
      return (await fs.readdir(dir))
        .filter((f) => OUTBOX_FILE.test(f))
        .sort()
        .reverse()
        .slice(0, LIST_LIMIT);
    } catch {
      return [];
    }
  }

  async function read(file: string) {
    const mail = await simpleParser(await fs.readFile(path.join(dir, file)));
    return {
      file,
      to: mail.to
        ? [mail.to]
            .flat()
            .map((a) => a.text)
            .join(', ')
        : '',
      subject: mail.subject ?? '',
      date: mail.date ?? null,
      mail,
    };
  }

  router.get('/beheer/uitgaande-mail', ...guard, async (_req, res) => {
    const mails = await Promise.all((await files()).map(read));
    res.render('notifications/outbox', { title: 'Uitgaande mail', bodyClass: 'beheer', smtp: deps.config.mail.smtpUrl !== null, mails });
  });

  router.get('/beheer/uitgaande-mail/:file', ...guard, async (req, res) => {
    const file = String(req.params.file);
    if (!OUTBOX_FILE.test(file) || !(await files()).includes(file)) throw notFound('Deze mail staat niet (meer) in de uitgaande mail.');
    const { to, subject, date, mail } = await read(file);
    const headers = [...mail.headerLines].map((h) => h.line);
    res.render('notifications/outbox-mail', {
      title: subject || 'Mail',
      bodyClass: 'beheer',
      file,
      to,
      subject,
      date,
      text: mail.text ?? '',
      headers,
    });
  });

  return router;
}
