// Posting a reactie: POST, then a redirect to the reactie's anchor on the article page.
import { Router } from 'express';
import type { Deps } from '../deps';
import { notFound } from '../http/errors';
import { limiter } from '../http/rate-limit';
import { ownReactieIds, reactieFormPurpose, renderArticlePage } from '../articles/article-page';
import { articlePath, findArticleBySlug, isPublic } from '../articles/queries';
import { postReactie } from './post';
import { forgetDetails, rememberDetails } from './remember';
import { readReactieForm, validateReactie } from './validation';
import { field } from '../shared/validation';
import { HONEYPOT_FIELD } from '../spam/pipeline';

// Why a reactie was not stored, as the resident reads it above the form that still holds their text.
const REFUSALS = {
  'parent-missing': { status: 404, message: 'De reactie waarop je antwoordt bestaat niet (meer) of staat niet bij dit artikel. Je kunt je tekst hieronder als losse reactie plaatsen.' },
  flood: { status: 429, message: 'Je plaatste net al een reactie. Wacht een paar seconden en verstuur deze dan opnieuw; je tekst staat er nog.' },
  rate: { status: 429, message: 'Er komen nu te veel reacties van jouw internetadres. Wacht een minuut en verstuur je reactie dan opnieuw; je tekst staat er nog.' },
  duplicate: { status: 409, message: 'Deze reactie heb je al geplaatst bij dit artikel. Wil je iets toevoegen? Pas je tekst dan aan.' },
  discarded: { status: 422, message: 'Je reactie is niet geplaatst, omdat ons spamfilter hem als overduidelijke spam herkende. Klopt dat niet? Laat het de redactie weten.' },
} as const;

// The newest held reacties a browser remembers as its own; older ones have long been moderated.
const MAX_OWN_REACTIES = 20;

export function reactieRoutes(deps: Deps): Router {
  const router = Router();

  // When the resident first got this form (a genuine, unexpired token), to carry through an error page.
  const firstShown = (article: { id: number }, req: import('express').Request, now: Date): number | undefined => {
    const token = deps.formTokens.check(reactieFormPurpose(article), field(req.body, '_token'), now.getTime());
    return token.ok ? token.issuedAt : undefined;
  };

  // Counts stored reacties only: a form sent back with an error does not use up the limit.
  const perIp = limiter({ db: deps.db, secret: deps.config.sessionSecret }, 'reactie-ip', deps.config.rateLimits.reactiesPerIp, {
    onlySuccesses: true,
    onLimit: async (req, res, minutes) => {
      const article = await findArticleBySlug(deps.db, String(req.params.slug));
      if (!article || !isPublic(article, deps.clock())) throw notFound();
      const values = readReactieForm(req.body);
      const wait = minutes === 1 ? 'een minuut' : `${minutes} minuten`;
      await renderArticlePage(deps, req, res, article, {
        status: 429,
        replyTo: Number(values.parentId) || null,
        formIssuedAt: firstShown(article, req, deps.clock()),
        form: { values, errors: {}, formError: `Er zijn vanaf jouw internetadres de afgelopen tijd veel reacties geplaatst. Wacht nog ${wait} en verstuur je reactie dan opnieuw; je tekst staat er nog.` },
      });
    },
  });

  router.post('/:year/:month/:slug/reacties', perIp, async (req, res) => {
    const article = await findArticleBySlug(deps.db, String(req.params.slug));
    const now = deps.clock();
    if (!article || !isPublic(article, now)) throw notFound('Dit artikel bestaat niet (meer); je reactie kon niet worden geplaatst.');
    const values = readReactieForm(req.body);
    const replyTo = values.parentId === '' ? null : Number(values.parentId) || null;

    if (!article.reactiesOpen) {
      return renderArticlePage(deps, req, res, article, {
        status: 403,
        closedText: values.body,
      });
    }

    // A missing or forged token is refused (CSRF); an expired one only sends the reactie to moderation.
    const formToken = field(req.body, '_token');
    const token = deps.formTokens.check(reactieFormPurpose(article), formToken, now.getTime());
    if (!token.ok && token.reason !== 'expired') {
      return renderArticlePage(deps, req, res, article, {
        status: 403,
        replyTo,
        form: { values, errors: {}, formError: 'Dit formulier was verlopen of ongeldig. Je tekst staat er nog; verstuur hem opnieuw.' },
      });
    }

    // Every page that sends the form back keeps the stamp of when the resident first got it.
    const formIssuedAt = token.ok ? token.issuedAt : undefined;
    const { valid, errors } = validateReactie(values);
    if (!valid) {
      return renderArticlePage(deps, req, res, article, { status: 422, replyTo, formIssuedAt, form: { values, errors, formError: 'Je reactie is nog niet geplaatst: controleer de gemarkeerde velden.' } });
    }

    const path = articlePath(article);
    const outcome = await postReactie(deps, article, valid, {
      ip: req.ip ?? null,
      userAgent: req.get('user-agent')?.slice(0, 500) ?? null,
      referrer: req.get('referer')?.slice(0, 500) ?? null,
      formToken,
      renderedAt: token.ok ? token.issuedAt! : null,
      honeypot: field(req.body, HONEYPOT_FIELD),
      permalink: `${deps.config.baseUrl}${path}`,
      ownReactieIds: ownReactieIds(req),
      now,
    });
    if (!outcome.ok) {
      const refusal = REFUSALS[outcome.reason];
      return renderArticlePage(deps, req, res, article, {
        status: refusal.status,
        formIssuedAt,
        replyTo: outcome.reason === 'parent-missing' ? null : replyTo,
        form: { values: outcome.reason === 'parent-missing' ? { ...values, parentId: '' } : values, errors: {}, formError: refusal.message },
      });
    }

    if (values.remember) {
      rememberDetails(res, { name: valid.authorName, email: valid.authorEmail, website: valid.authorUrl ?? '' }, deps.config.env === 'production');
    } else {
      forgetDetails(req, res);
    }
    if (outcome.status !== 'approved') {
      req.session.ownReacties = [...ownReactieIds(req), outcome.id].slice(-MAX_OWN_REACTIES);
    }
    res.redirect(303, `${path}#reactie-${outcome.id}`);
  });

  return router;
}
