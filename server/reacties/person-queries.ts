// The reacties of one person (an e-mail address), for the AVG rights of access and erasure, and
// forgetting IP addresses after the retention period. SQL on the reacties table lives here, with
// its owner; privacy/ decides what to do with it.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { toDate } from '../db/rows';
import { emailKey } from '../shared/email';
import { bumpSiteVersionIfFeatured } from './counters';
import { toReactie, type Reactie } from './queries';

export interface ReactieWithArticle {
  reactie: Reactie;
  article: { title: string; slug: string; publishedAt: Date | null; createdAt: Date };
}

export async function listReactiesOfAddress(db: Db, email: string): Promise<ReactieWithArticle[]> {
  const rows = await db('reacties as r')
    .join('articles as a', 'a.id', 'r.article_id')
    .where('r.author_email_key', emailKey(email))
    .select(
      'r.*',
      'a.title as article_title',
      'a.slug as article_slug',
      'a.published_at as article_published_at',
      'a.created_at as article_created_at',
    )
    .orderBy('r.created_at', 'desc');
  return rows.map((row: Record<string, unknown>) => ({
    reactie: toReactie(row),
    article: {
      title: String(row.article_title),
      slug: String(row.article_slug),
      publishedAt: row.article_published_at ? toDate(row.article_published_at) : null,
      createdAt: toDate(row.article_created_at),
    },
  }));
}

const ANONYMOUS_NAME = 'Anoniem';

/**
 * Removes who wrote a reactie and keeps the words: name, address, website, IP, browser, what was
 * sent to Akismet (it holds all of those), the double-click key (a hash of the address), and the
 * spam check details when they quote any of it.
 */
export async function anonymiseReactie(trx: Knex.Transaction, reactie: Reactie): Promise<void> {
  const row = await trx('reacties').where({ id: reactie.id }).first('spam_checks');
  const personal = [reactie.authorEmail, reactie.authorName, reactie.authorUrl, reactie.ip].filter((v): v is string => Boolean(v));
  const checks = typeof row?.spam_checks === 'string' ? row.spam_checks.toLowerCase() : '';
  const checksQuoteThem = personal.some((v) => checks.includes(v.toLowerCase()));
  // The voorpagina may quote it with its author's name ("Uitgelicht door de redactie").
  await bumpSiteVersionIfFeatured(trx, reactie.id);
  await trx('reacties')
    .where({ id: reactie.id })
    .update({
      author_name: ANONYMOUS_NAME,
      author_email: '',
      author_email_key: '',
      author_url: null,
      ip: null,
      user_agent: null,
      akismet_payload: null,
      submission_key: null,
      // What held an edit may quote the words of a check, as spam_checks may: never worth keeping after an erasure.
      pending_edit_held_because: null,
      ...(checksQuoteThem ? { spam_checks: null } : {}),
    });
  // A bezwaar is the author's own words about the reactie: erased with the rest of them.
  await trx('moderation_appeals').where({ reactie_id: reactie.id }).delete();
}

/** IP addresses and browser names posted before the cutoff, including the copy sent to Akismet. */
export async function forgetIpsBefore(db: Db, cutoff: Date): Promise<number> {
  return db('reacties')
    .where('created_at', '<', cutoff)
    .andWhere((q) => q.whereNotNull('ip').orWhereNotNull('user_agent').orWhereNotNull('akismet_payload'))
    .update({ ip: null, user_agent: null, akismet_payload: null });
}
