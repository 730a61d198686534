// A resident sends the reactie form: check the form token and the fields, post, and say what
// happened — the reactie's id, or the form to show again with the text kept and a Dutch message.
import type { Request, Response } from 'express';
import type { Deps } from '../../deps';
import { field } from '../../shared/validation';
import { HONEYPOT_FIELD } from '../../spam/pipeline';
import { postReactie, type ReactieTarget } from './post';
import { editToken } from '../editing/edit-token';
import { findReactie, threadPageOf } from '../queries';
import { OFFICIAL_FIELD, OFFICIAL_REFUSED } from './official';
import { forgetDetails, rememberDetails } from './remember';
import { reactieFormPurpose, type SectionOptions } from '../thread/section';
import { ownReactieIds, placedReactieIds, rememberPosted } from '../own-cookie';
import { parseReactieForm, readReactieForm } from './validation';

// Why a reactie was not stored, as the resident reads it above the form that still holds their text.
const REFUSALS = {
  'parent-missing': {
    status: 404,
    message:
      'De reactie waarop je antwoordt bestaat niet (meer) of staat niet bij dit artikel. Je kunt je tekst hieronder als losse reactie plaatsen.',
  },
  flood: {
    status: 429,
    // floodMessage says how long; this is for a refusal that does not know.
    message: 'Je plaatste net al een reactie. Wacht even en verstuur deze dan opnieuw; je tekst staat er nog.',
  },
  rate: {
    status: 429,
    message:
      'Er komen nu te veel reacties van jouw internetadres. Wacht een minuut en verstuur je reactie dan opnieuw; je tekst staat er nog.',
  },
  duplicate: { status: 409, message: 'Deze reactie heb je al geplaatst bij dit artikel. Wil je iets toevoegen? Pas je tekst dan aan.' },
  // A moderator blocked the address (addresses/rules.ts). Said as neutrally as any refusal: the
  // resident is not told why, nor that it is about them; the redactie can explain when asked.
  refused: {
    status: 403,
    message:
      'Je reactie kon niet worden geplaatst. Denk je dat dit niet klopt? Neem dan contact op met de redactie; je tekst staat hieronder nog.',
  },
  discarded: {
    status: 422,
    message:
      'Je reactie is niet geplaatst, omdat ons spamfilter hem als overduidelijke spam herkende. Klopt dat niet? Laat het de redactie weten.',
  },
} as const;

/** The flood refusal with the seconds left: "Wacht nog 12 seconden…". */
function floodMessage(seconds: number): string {
  const wait = seconds === 1 ? '1 seconde' : `${seconds} seconden`;
  return `Je plaatste net al een reactie. Wacht nog ${wait} en verstuur deze dan opnieuw; je tekst staat er nog.`;
}

const EXPIRED = 'Dit formulier was verlopen of ongeldig. Je tekst staat er nog; verstuur hem opnieuw.';
const CHECK_FIELDS = 'Je reactie is nog niet geplaatst: controleer de gemarkeerde velden.';

export type SubmitResult =
  | {
      posted: true;
      id: number;
      page: number;
      /** No confirmation mail now: the address had one within the day. */
      confirmationAlreadySent?: true;
    }
  | { posted: false; page: SectionOptions & { status: number } };

/** A stored reactie whose author ticked an e-mail box; notifications/ subscribes them (a port, so reacties/ does not know it). */
export interface PostedWithMail {
  id: number;
  articleId: number;
  email: string;
  replies: boolean;
  article: boolean;
}
/** 'already-sent': the address had a confirmation mail within the day, so none was sent now. */
export type AfterPost = (posted: PostedWithMail, now: Date) => Promise<'already-sent' | undefined>;

/** Under the resident's own new reactie, when no confirmation mail was sent (AfterPost 'already-sent'). */
export const CONFIRMATION_ALREADY_SENT =
  'Je reactie is geplaatst. Een bevestigingsmail sturen we nu niet: naar dit e-mailadres ging er vandaag al een. Kijk in je mailbox, ook bij ongewenste e-mail. Een nieuwe kun je na 24 uur vragen.';

export interface Submission extends ReactieTarget {
  /** The article's public address, sent to Akismet. */
  permalink: string;
}

export async function submitReactie(
  deps: Deps,
  req: Request,
  res: Response,
  target: Submission,
  afterPost?: AfterPost,
  official?: { staff: { name: string; email: string } | null; roles: string[] },
): Promise<SubmitResult> {
  const now = deps.clock();
  const parsed = parseReactieForm(req.body);
  const values = parsed.input;
  const replyTo = values.parentId === '' ? null : Number(values.parentId) || null;
  if (!target.reactiesOpen) return { posted: false, page: { status: 403, closedText: values.body } };

  // A missing or forged token is refused (CSRF); an expired one only sends the reactie to moderation.
  const formToken = field(req.body, '_token');
  const token = deps.formTokens.check(reactieFormPurpose(target), formToken, now.getTime());
  if (!token.ok && token.reason !== 'expired')
    return { posted: false, page: { status: 403, replyTo, form: { values, errors: {}, formError: EXPIRED } } };
  // Every page that sends the form back keeps the stamp of when the resident first got it.
  const formIssuedAt = token.ok ? token.issuedAt : undefined;
  if (!parsed.ok)
    return {
      posted: false,
      page: { status: 422, replyTo, formIssuedAt, form: { values, errors: parsed.errors, formError: CHECK_FIELDS } },
    };
  // "Namens de redactie": only from a logged-in staff session, and only a configured role.
  const officialAs = field(req.body, OFFICIAL_FIELD).trim();
  if (officialAs !== '' && !(official?.staff && official.roles.includes(officialAs)))
    return { posted: false, page: { status: 403, replyTo, formIssuedAt, form: { values, errors: {}, formError: OFFICIAL_REFUSED } } };

  const outcome = await postReactie(deps, target, parsed.value, {
    ip: req.ip ?? null,
    userAgent: req.get('user-agent')?.slice(0, 500) ?? null,
    referrer: req.get('referer')?.slice(0, 500) ?? null,
    formToken,
    renderedAt: token.ok ? (token.issuedAt ?? null) : null,
    honeypot: field(req.body, HONEYPOT_FIELD),
    permalink: target.permalink,
    ownReactieIds: ownReactieIds(req, deps.config.sessionSecret),
    placedHere: placedReactieIds(req, deps.config.sessionSecret),
    officialAs: officialAs || null,
    now,
  });
  if (!outcome.ok) {
    const { status } = REFUSALS[outcome.reason];
    const message =
      outcome.reason === 'flood' && outcome.waitSeconds !== undefined
        ? floodMessage(outcome.waitSeconds)
        : REFUSALS[outcome.reason].message;
    const orphan = outcome.reason === 'parent-missing';
    const form = { values: orphan ? { ...values, parentId: '' } : values, errors: {}, formError: message };
    return { posted: false, page: { status, formIssuedAt, replyTo: orphan ? null : replyTo, form } };
  }

  const v = parsed.value;
  if (values.remember)
    rememberDetails(res, { name: v.authorName, email: v.authorEmail, website: v.authorUrl ?? '' }, deps.config.env === 'production');
  else forgetDetails(req, res);
  // Only this browser sees it while it is held, and may edit or withdraw it for a short while
  // (edit.ts). A reactie this post stored was created now; one it led back to (a second click from
  // the browser that placed it, post.ts) is read.
  const stored = outcome.createdAt ? { id: outcome.id, createdAt: outcome.createdAt } : await findReactie(deps.db, outcome.id);
  if (stored) {
    const posted = { id: stored.id, held: outcome.status !== 'approved', editToken: editToken(deps.config.sessionSecret, stored) };
    rememberPosted(req, res, deps.config.sessionSecret, posted, deps.config.env === 'production');
  }
  // Spam gets no mail. A failure to subscribe is logged, never shown: the reactie is placed.
  let mail: 'already-sent' | undefined;
  if (afterPost && outcome.status !== 'spam' && (values.notifyReplies || values.notifyArticle)) {
    const posted = {
      id: outcome.id,
      articleId: target.id,
      email: v.authorEmail,
      replies: !!values.notifyReplies,
      article: !!values.notifyArticle,
    };
    mail = await afterPost(posted, now).catch((err: unknown) => {
      deps.logger.warn({ err, reactie: outcome.id }, 'subscribing failed');
      return undefined;
    });
  }
  const page = outcome.page ?? (await threadPageOf(deps.db, outcome.id));
  return mail === 'already-sent'
    ? { posted: true, id: outcome.id, page, confirmationAlreadySent: true }
    : { posted: true, id: outcome.id, page };
}

/** The form sent back when the per-IP limit stopped it, with how long to wait. */
export function rateLimitedPage(deps: Deps, req: Request, target: { id: number }, minutes: number): SectionOptions & { status: number } {
  const values = readReactieForm(req.body);
  const token = deps.formTokens.check(reactieFormPurpose(target), field(req.body, '_token'), deps.clock().getTime());
  const wait = minutes === 1 ? 'een minuut' : `${minutes} minuten`;
  const formError = `Er zijn vanaf jouw internetadres de afgelopen tijd veel reacties geplaatst. Wacht nog ${wait} en verstuur je reactie dan opnieuw; je tekst staat er nog.`;
  return {
    status: 429,
    replyTo: Number(values.parentId) || null,
    formIssuedAt: token.ok ? token.issuedAt : undefined,
    form: { values, errors: {}, formError },
  };
}
