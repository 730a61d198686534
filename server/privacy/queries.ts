// The AVG rights of access and erasure for one e-mail address, and the IP retention limit.
import type { Deps } from '../deps';
import type { Db } from '../db/knex';
import { articlePath } from '../articles/queries';
import { deleteReactie, lockReactie, type Reactie } from '../reacties/queries';
import { anonymiseReactie, forgetIpsBefore, listReactiesOfAddress } from '../reacties/person-queries';
import { forgetSpammer } from '../spam/memory';
import { eraseMailData } from '../notifications/erase';
import { eraseNewsSubscriber } from '../newsmail/subscribers';
import { addressKeyOf, forgetAddressKey } from '../addresses/key';
import { eraseRule, ruleInForce, type AddressRule } from '../addresses/rules';
import { eraseNotes, listNotes, type ModeratorNote } from '../addresses/notes';

export interface PersonReactie {
  reactie: Reactie;
  articleTitle: string;
  articleUrl: string;
}

export async function findReactiesByEmail(db: Db, email: string): Promise<PersonReactie[]> {
  return (await listReactiesOfAddress(db, email)).map(({ reactie, article }) => ({
    reactie,
    articleTitle: article.title,
    articleUrl: articlePath(article),
  }));
}

/** What moderators keep about the person: the rule for the address and their notes (AVG article 15 covers them too). */
export interface ModerationData {
  rule: AddressRule | null;
  notes: ModeratorNote[];
}

export async function findModerationData(
  deps: Pick<Deps, 'db' | 'config'>,
  email: string,
  items: PersonReactie[],
  now: Date,
): Promise<ModerationData> {
  const key = addressKeyOf(deps.config.sessionSecret, email);
  const [rule, notes] = await Promise.all([
    ruleInForce(deps.db, key, now),
    listNotes(deps.db, { reactieIds: items.map((i) => i.reactie.id), addressKeys: [key] }),
  ]);
  return { rule, notes };
}

/** Everything stored about this address, as the person may ask for it (AVG article 15). */
export function exportDocument(
  email: string,
  items: PersonReactie[],
  baseUrl: string,
  now: Date,
  moderation: ModerationData = { rule: null, notes: [] },
): object {
  const { rule, notes } = moderation;
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
    maatregel_van_de_moderatie: rule
      ? {
          soort: rule.rule === 'block' ? 'geblokkeerd' : 'altijd vasthouden',
          reden: rule.reason,
          tot: rule.endsAt.toISOString(),
          sinds: rule.createdAt.toISOString(),
        }
      : null,
    notities_van_de_moderatie: notes.map((n) => ({
      over: n.reactieId !== null ? `reactie ${n.reactieId}` : 'de schrijver',
      tekst: n.body,
      geschreven_op: n.createdAt.toISOString(),
    })),
  };
}

export type ErasureMode = 'anonymise' | 'delete';

/**
 * Erases one address (AVG article 17). "anonymise" keeps the words in the discussion but removes
 * who wrote them; "delete" removes the reacties themselves, replies moving up, counters kept right.
 * Either way every copy of the person's data goes, their entries in the spam memory and their e-mail
 * subscriptions (the news mail too) and mails (queued, sent, and in the outbox folder) included, and so do the moderators'
 * rule for the address (hold or block) and their notes on the person and on the person's reacties.
 */
export async function eraseReactiesByEmail(deps: Pick<Deps, 'db' | 'config'>, email: string, mode: ErasureMode): Promise<number> {
  const { db } = deps;
  const secret = deps.config.sessionSecret;
  // An empty key would match every reactie anonymised before.
  if (email.trim() === '') return 0;
  // Subscriptions and mails (to them, or quoting them) go in both modes: nothing more is sent, nothing kept.
  await eraseMailData(deps, email);
  await eraseNewsSubscriber(db, email);
  const found = await listReactiesOfAddress(db, email);
  const addressKey = addressKeyOf(secret, email);
  await db.transaction(async (trx) => {
    await eraseRule(trx, addressKey);
    await eraseNotes(
      trx,
      addressKey,
      found.map((f) => f.reactie.id),
    );
  });
  for (const { reactie: before } of found) {
    await forgetSpammer(db, secret, { email: before.authorEmail, ip: before.ip, url: before.authorUrl });
    await db.transaction(async (trx) => {
      // Decided on a copy read under the lock: deleting an earlier one may have moved this one up.
      const reactie = await lockReactie(trx, before.id);
      if (!reactie) return;
      if (mode === 'delete') await deleteReactie(trx, reactie);
      else await anonymiseReactie(trx, reactie);
    });
  }
  forgetAddressKey(email);
  return found.length;
}

/** Forgets IP addresses and browser names older than the retention period. */
export async function purgeOldIps(db: Db, retentionDays: number, now: Date): Promise<number> {
  return forgetIpsBefore(db, new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000));
}
