// /nieuwsbrief: the form to get the new articles by mail (no account), and the pages behind the
// links in its mails: confirm, change, unsubscribe. The form is protected like the reactie form (a
// signed form token, a rate limit per network that counts accepted requests); the pages behind the
// links are authorised by the signed link itself, as the reply e-mails' pages (notifications/routes.ts):
// each shows a button first, so a mail program that opens links to check them changes nothing, and
// the one-click POST of RFC 8058 (List-Unsubscribe-Post) unsubscribes at once.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { mailEnabled } from '../config';
import { noStore } from '../http/cache';
import { HttpError, notFound } from '../http/errors';
import { limiter } from '../http/rate-limit';
import { readerNetwork } from '../http/reader-address';
import { COLUMN_LIMITS } from '../db/limits';
import { checkSignedQuery, type LinkPurpose } from '../notifications/links';
import { loadSettings } from '../settings/settings';
import { checkEmail, field, type FieldErrors } from '../shared/validation';
import { CONFIRM_PATH, MANAGE_PATH, NEWSMAIL_PATH, UNSUBSCRIBE_PATH } from './links';
import { frequencyText, KINDS_TEXT } from './messages';
import { dueSlot, FREQUENCIES, NEWS_KINDS, type Frequency, type NewsKinds, type Schedule } from './schedule';
import { requestNewsmail } from './subscribe';
import { changeSubscriber, confirmSubscriber, deleteSubscriber, findSubscriber, type NewsSubscriber } from './subscribers';

const FORM_PURPOSE = 'newsmail';
const GONE_TITLE = 'Aanmelding niet gevonden';
const GONE =
  'Deze aanmelding bestaat niet meer: misschien ben je al afgemeld, of is de bevestigingslink verlopen. Je kunt je opnieuw aanmelden.';

interface Values {
  email: string;
  frequency: string;
  kinds: string;
}

const isFrequency = (v: string): v is Frequency => (FREQUENCIES as readonly string[]).includes(v);
const isKinds = (v: string): v is NewsKinds => (NEWS_KINDS as readonly string[]).includes(v);

function choices(schedule: Schedule) {
  return {
    frequencies: FREQUENCIES.map((value) => ({
      value,
      label: `${value === 'daily' ? 'Dagelijks' : 'Wekelijks'}: ${frequencyText(value, schedule)}`,
    })),
    kinds: NEWS_KINDS.map((value) => ({ value, label: KINDS_TEXT[value][0].toUpperCase() + KINDS_TEXT[value].slice(1) })),
  };
}

export function newsmailRoutes(deps: Deps): Router {
  const router = Router();
  // Without a way to send mail (production without SMTP_URL) there is no news mail to offer.
  if (!mailEnabled(deps.config)) {
    router.all(/^\/nieuwsbrief(\/|$)/, () => {
      throw notFound('Deze site verstuurt geen e-mail, dus ook geen nieuwsbrief.');
    });
    return router;
  }
  const schedule = async () => (await loadSettings(deps.db)).newsmail;

  async function renderForm(res: Response, status: number, values: Values, errors: FieldErrors, formError?: string) {
    res.status(status).render('newsmail/form', {
      title: 'Nieuwsbrief',
      values,
      errors,
      formError,
      emailMax: COLUMN_LIMITS.news_subscribers.email,
      token: deps.formTokens.issue(FORM_PURPOSE, deps.clock().getTime()),
      ...choices(await schedule()),
    });
  }

  const readValues = (req: Request): Values => ({
    email: field(req.body, 'email'),
    frequency: field(req.body, 'frequentie'),
    kinds: field(req.body, 'artikelen'),
  });

  const perNetwork = limiter({ db: deps.db, secret: deps.config.sessionSecret }, 'newsmail-ip', deps.config.rateLimits.newsmailPerNetwork, {
    key: ({ ip }) => readerNetwork(ip ?? ''),
    // Only a request taken (the page that says a mail is on its way) counts, not a form sent back with an error.
    onlySuccesses: true,
    onLimit: async (req, res, minutes) => {
      const wait = minutes === 1 ? 'een minuut' : `${minutes} minuten`;
      await renderForm(res, 429, readValues(req), {}, `Er kwamen veel aanmeldingen vanaf jouw netwerk. Probeer het over ${wait} opnieuw.`);
    },
  });

  router.get(NEWSMAIL_PATH, noStore, async (_req, res) => {
    await renderForm(res, 200, { email: '', frequency: 'daily', kinds: 'all' }, {});
  });

  router.post(NEWSMAIL_PATH, noStore, perNetwork, async (req, res) => {
    const token = deps.formTokens.check(FORM_PURPOSE, field(req.body, '_token'), deps.clock().getTime());
    if (!token.ok && token.reason !== 'expired')
      throw new HttpError(403, 'Dit formulier is ongeldig. Laad de pagina opnieuw en probeer het nog eens.');
    const values = readValues(req);
    const errors: FieldErrors = {};
    const email = checkEmail(errors, 'email', values.email, COLUMN_LIMITS.news_subscribers.email);
    if (!isFrequency(values.frequency)) errors.frequentie = 'Kies hoe vaak je de nieuwsbrief wilt krijgen.';
    if (!isKinds(values.kinds)) errors.artikelen = 'Kies over welke artikelen je de nieuwsbrief wilt krijgen.';
    if (!token.ok) return renderForm(res, 422, values, errors, 'Dit formulier was verlopen. Verstuur het nog een keer.');
    if (Object.keys(errors).length || !isFrequency(values.frequency) || !isKinds(values.kinds)) return renderForm(res, 422, values, errors);
    await requestNewsmail(deps, { email, frequency: values.frequency, kinds: values.kinds }, deps.clock());
    res.render('newsmail/notice', {
      title: 'Kijk in je mailbox',
      message:
        'Dank je. We sturen een e-mail naar het adres dat je opgaf. Bevestig je aanmelding met de link daarin; pas daarna krijg je de nieuwsbrief.',
      extra:
        'Geen e-mail gekregen? Kijk ook bij de ongewenste e-mail. We sturen hoogstens één zo’n e-mail per dag naar een adres: kreeg je er vandaag al een van ons, gebruik dan de link uit die e-mail.',
    });
  });

  /** The subscriber a signed link names, or a page that says why not. */
  async function subscriberOf(req: Request, purpose: LinkPurpose): Promise<NewsSubscriber | null> {
    const check = checkSignedQuery(deps.config.sessionSecret, purpose, req.query, deps.clock().getTime());
    if (!check.ok && check.reason === 'expired')
      throw new HttpError(410, 'Deze bevestigingslink is verlopen. Meld je opnieuw aan op /nieuwsbrief.');
    if (!check.ok || check.ids.length !== 1)
      throw new HttpError(400, 'Deze link is niet compleet of klopt niet. Kopieer de hele link uit de e-mail.');
    return findSubscriber(deps.db, check.ids[0]);
  }

  const gone = (res: Response) => res.status(404).render('newsmail/notice', { title: GONE_TITLE, message: GONE });
  const query = (req: Request) => new URLSearchParams(req.query as Record<string, string>).toString();

  router.get(CONFIRM_PATH, noStore, async (req, res) => {
    const sub = await subscriberOf(req, 'news-confirm');
    if (!sub) return gone(res);
    res.render('newsmail/confirm', {
      title: 'Bevestig je aanmelding',
      what: `${KINDS_TEXT[sub.kinds]}, ${frequencyText(sub.frequency, await schedule())}`,
      action: `${CONFIRM_PATH}?${query(req)}`,
    });
  });

  router.post(CONFIRM_PATH, noStore, async (req, res) => {
    const sub = await subscriberOf(req, 'news-confirm');
    const now = deps.clock();
    if (!sub || !(await confirmSubscriber(deps.db, sub.id, dueSlot(now, sub.frequency, await schedule()), now))) return gone(res);
    res.render('newsmail/notice', {
      title: 'Aanmelding bevestigd',
      message: `Dank je. Je krijgt voortaan de nieuwsbrief: ${KINDS_TEXT[sub.kinds]}, ${frequencyText(sub.frequency, await schedule())}, als er iets nieuws is.`,
    });
  });

  async function renderManage(res: Response, req: Request, sub: NewsSubscriber, status = 200, saved = false) {
    res.status(status).render('newsmail/manage', {
      title: 'Nieuwsbrief wijzigen',
      values: { frequency: sub.frequency, kinds: sub.kinds },
      saved,
      action: `${MANAGE_PATH}?${query(req)}`,
      unsubscribeAction: `${UNSUBSCRIBE_PATH}?${query(req)}`,
      ...choices(await schedule()),
    });
  }

  router.get(MANAGE_PATH, noStore, async (req, res) => {
    const sub = await subscriberOf(req, 'news-manage');
    if (!sub?.confirmedAt) return gone(res);
    await renderManage(res, req, sub);
  });

  router.post(MANAGE_PATH, noStore, async (req, res) => {
    const sub = await subscriberOf(req, 'news-manage');
    if (!sub?.confirmedAt) return gone(res);
    const frequency = field(req.body, 'frequentie');
    const kinds = field(req.body, 'artikelen');
    if (!isFrequency(frequency) || !isKinds(kinds))
      throw new HttpError(422, 'Kies hoe vaak en over welke artikelen je de nieuwsbrief wilt krijgen.');
    const now = deps.clock();
    await changeSubscriber(deps.db, sub.id, { frequency, kinds }, dueSlot(now, frequency, await schedule()));
    await renderManage(res, req, { ...sub, frequency, kinds }, 200, true);
  });

  router.get(UNSUBSCRIBE_PATH, noStore, async (req, res) => {
    const sub = await subscriberOf(req, 'news-manage');
    if (!sub) return res.render('newsmail/notice', { title: 'Je bent afgemeld', message: 'Je krijgt de nieuwsbrief niet meer.' });
    res.render('newsmail/unsubscribe', { title: 'Afmelden', action: `${UNSUBSCRIBE_PATH}?${query(req)}` });
  });

  router.post(UNSUBSCRIBE_PATH, noStore, async (req, res) => {
    const sub = await subscriberOf(req, 'news-manage');
    if (sub) await deleteSubscriber(deps.db, sub.id);
    res.render('newsmail/notice', { title: 'Je bent afgemeld', message: 'Je krijgt de nieuwsbrief niet meer. Je e-mailadres is gewist.' });
  });

  return router;
}
