// The AVG rights of access and erasure for one e-mail address, and the IP retention limit.
import type { Db } from '../db/knex';
import { toDate } from '../db/rows';
import { articlePath } from '../articles/queries';
import { deleteReactie, emailKey, lockReactie, toReactie, type Reactie } from '../reacties/queries';
import { forgetSpammer } from '../spam/memory';

export interface PersonReactie {
  reactie: Reactie;
  articleTitle: string;
  articleUrl: string;
}

export async function findReactiesByEmail(db: Db, email: string): Promise<PersonReactie[]> {
  const rows = await db('reacties as r')
    .join('articles as a', 'a.id', 'r.article_id')
    .where('r.author_email_key', emailKey(email))
    .select('r.*', 'a.title as article_title', 'a.slug as article_slug', 'a.published_at as article_published_at', 'a.created_at as article_created_at')
    .orderBy('r.created_at', 'desc');
  return rows.map((row: Record<string, unknown>) => ({
    reactie: toReactie(row),
    articleTitle: String(row.article_title),
    articleUrl: articlePath({
      slug: String(row.article_slug),
      publishedAt: row.article_published_at ? toDate(row.article_published_at) : null,
      createdAt: toDate(row.article_created_at),
    }),
  }));
}

/** Everything stored about this address, as the person may ask for it (AVG article 15). */
export function exportDocument(email: string, items: PersonReactie[], baseUrl: string, now: Date): object {
  return {
    toelichting: 'Alle reacties die op deze weblog zijn opgeslagen bij dit e-mailadres.',
    emailadres: email,
    gemaakt_op: now.toISOString(),
    reacties: items.map(({ reactie, articleTitle, articleUrl }) => ({
      id: reactie.id,
      artikel: articleTitle,
      adres: `${baseUrl}${articleUrl}#reactie-${reactie.id}`,
      naam: reactie.authorName,
      emailadres: reactie.authorEmail,
      website: reactie.authorUrl,
      tekst: reactie.body,
      status: reactie.status,
      geplaatst_op: reactie.createdAt.toISOString(),
      ip_adres: reactie.ip,
      browser: reactie.userAgent,
    })),
  };
}

export type ErasureMode = 'anonymise' | 'delete';

export const ANONYMOUS_NAME = 'Anoniem';

/**
 * Erases one address (AVG article 17). "anonymise" keeps the words in the discussion but removes
 * who wrote them; "delete" removes the reacties themselves, replies moving up, counters kept right.
 * Either way every copy of the person's data goes: what was sent to Akismet, the double-click key
 * (a hash of the address), check details that quote them, and their entries in the spam memory.
 */
export async function eraseReactiesByEmail(db: Db, secret: string, email: string, mode: ErasureMode): Promise<number> {
  const key = emailKey(email);
  if (key === '') return 0;
  const reacties = (await db('reacties').where({ author_email_key: key })).map(toReactie);
  for (const found of reacties) {
    await forgetSpammer(db, secret, { email: found.authorEmail, ip: found.ip, url: found.authorUrl });
    await db.transaction(async (trx) => {
      // Decided on a copy read under the lock: deleting an earlier one may have moved this one up.
      const reactie = await lockReactie(trx, found.id);
      if (!reactie) return;
      if (mode === 'delete') {
        await deleteReactie(trx, reactie);
        return;
      }
      const row = await trx('reacties').where({ id: reactie.id }).first('spam_checks');
      const personal = [reactie.authorEmail, reactie.authorName, reactie.authorUrl, reactie.ip].filter((v): v is string => Boolean(v));
      const checksQuoteThem = typeof row?.spam_checks === 'string' && personal.some((v) => row.spam_checks.toLowerCase().includes(v.toLowerCase()));
      await trx('reacties').where({ id: reactie.id }).update({
        ...ANONYMOUS_COLUMNS,
        ...(checksQuoteThem ? { spam_checks: null } : {}),
      });
    });
  }
  return reacties.length;
}

/** What anonymising leaves of a reactie's author: nothing that points to a person. */
const ANONYMOUS_COLUMNS = {
  author_name: ANONYMOUS_NAME,
  author_email: '',
  author_email_key: '',
  author_url: null,
  ip: null,
  user_agent: null,
  akismet_payload: null,
  submission_key: null,
};

/**
 * Forgets IP addresses and browser names older than the retention period, including the copy in
 * what was sent to Akismet (it holds the IP too).
 */
export async function purgeOldIps(db: Db, retentionDays: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  return db('reacties')
    .where('created_at', '<', cutoff)
    .andWhere((q) => q.whereNotNull('ip').orWhereNotNull('user_agent').orWhereNotNull('akismet_payload'))
    .update({ ip: null, user_agent: null, akismet_payload: null });
}
