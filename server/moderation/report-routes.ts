// "Meld deze reactie": a page with a small form under /reactie/:id/melden, for anyone, without an
// account or JavaScript. Protected like the reactie form (a signed form token, a rate limit); the
// reader is known only by an HMAC of their address or IPv6 /64 (reacties/reports/reports.ts). The limit
// counts a wider net (an IPv4 /24, an IPv6 /48: http/reader-address.ts), so someone who can pick
// from many addresses of one provider's block cannot send reports from each of them.
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../deps';
import { noStore } from '../http/cache';
import { HttpError, notFound } from '../http/errors';
import { limiter } from '../http/rate-limit';
import { readerNetwork } from '../http/reader-address';
import { articlePath, findArticleById, isPublic, type Article } from '../articles/queries';
import { findReactie, type Reactie } from '../reacties/queries';
import { MODERATION_REASONS } from '../reacties/moderation-log';
import { addReport, isReportReason, networkKey, readerKey, REPORT_NOTE_MAX, REPORT_REASONS } from '../reacties/reports/reports';
import { plainTextToParagraphs } from '../reacties/thread-tree';
import { loadSettings } from '../settings/settings';
import { checkMultiLine, field, isBlank, parseId, tidyText, type FieldErrors } from '../shared/validation';

const GONE = 'Deze reactie staat niet (meer) op de pagina. Misschien heeft de moderatie er al naar gekeken.';
const REASON_HELP: Record<(typeof REPORT_REASONS)[number], string> = {
  spam: 'Reclame, nepberichten of een bot',
  beledigend: 'Scheldt, discrimineert of bedreigt',
  persoonsgegevens: 'Noemt iemands adres, telefoonnummer of andere privégegevens',
  'off-topic': 'Gaat niet over dit artikel',
};

const purpose = (id: number) => `report:${id}`;

interface ReportValues {
  reason: string;
  note: string;
}

export function reportRoutes(deps: Deps): Router {
  const router = Router();

  /** The reactie and its article, when readers can see both. */
  async function visible(req: Request): Promise<{ reactie: Reactie; article: Article }> {
    const id = parseId(String(req.params.id));
    const reactie = id === null ? null : await findReactie(deps.db, id);
    const article = reactie ? await findArticleById(deps.db, reactie.articleId) : null;
    if (!reactie || reactie.status !== 'approved' || !article || !isPublic(article, deps.clock())) throw notFound(GONE);
    return { reactie, article };
  }

  function render(res: Response, status: number, r: Reactie, a: Article, values: ReportValues, errors: FieldErrors, formError?: string) {
    res.status(status).render('moderation/report', {
      title: 'Reactie melden',
      reactie: { id: r.id, authorName: r.authorName, createdAt: r.createdAt, text: plainTextToParagraphs(r.body) },
      articleTitle: a.title,
      backUrl: `/reactie/${r.id}`,
      reasons: REPORT_REASONS.map((value) => ({ value, label: MODERATION_REASONS[value], help: REASON_HELP[value] })),
      values,
      errors,
      formError,
      noteMax: REPORT_NOTE_MAX,
      token: deps.formTokens.issue(purpose(r.id), deps.clock().getTime()),
    });
  }

  const readValues = (req: Request): ReportValues => ({
    reason: field(req.body, 'reden'),
    note: field(req.body, 'toelichting').replace(/\r\n?/g, '\n').trim(),
  });

  const perIp = limiter({ db: deps.db, secret: deps.config.sessionSecret }, 'report-ip', deps.config.rateLimits.reportsPerIp, {
    key: ({ ip }) => readerNetwork(ip ?? ''),
    onLimit: async (req, res, minutes) => {
      const { reactie, article } = await visible(req);
      const wait = minutes === 1 ? 'een minuut' : `${minutes} minuten`;
      render(
        res,
        429,
        reactie,
        article,
        readValues(req),
        {},
        `Er kwamen veel meldingen vanaf jouw netwerk. Probeer het over ${wait} opnieuw; je tekst staat er nog.`,
      );
    },
  });

  router.get('/reactie/:id/melden', noStore, async (req, res) => {
    const { reactie, article } = await visible(req);
    render(res, 200, reactie, article, { reason: '', note: '' }, {});
  });

  router.post('/reactie/:id/melden', noStore, perIp, async (req, res) => {
    const { reactie, article } = await visible(req);
    const token = deps.formTokens.check(purpose(reactie.id), field(req.body, '_token'), deps.clock().getTime());
    if (!token.ok && token.reason !== 'expired')
      throw new HttpError(403, 'Dit formulier is ongeldig. Laad de pagina opnieuw en probeer het nog eens.');
    const values = readValues(req);
    const errors: FieldErrors = {};
    if (!isReportReason(values.reason)) errors.reden = 'Kies waarom je deze reactie meldt.';
    // The shared check: control characters refused; only invisible characters is no note.
    const note = checkMultiLine(errors, 'toelichting', values.note, { label: 'De toelichting', required: false, max: REPORT_NOTE_MAX });
    // An expired token is no forgery (a page left open for a week): ask to send it once more.
    if (!token.ok) return render(res, 422, reactie, article, values, errors, 'Dit formulier was verlopen. Verstuur het nog een keer.');
    if (Object.keys(errors).length || !isReportReason(values.reason)) return render(res, 422, reactie, article, values, errors);
    const { reportThreshold } = await loadSettings(deps.db);
    const outcome = await addReport(
      deps.db,
      {
        reactieId: reactie.id,
        reason: values.reason,
        note: isBlank(note) ? null : tidyText(note),
        readerKey: readerKey(deps.config.sessionSecret, req.ip ?? ''),
        networkKey: networkKey(deps.config.sessionSecret, req.ip ?? ''),
      },
      reportThreshold,
      deps.clock(),
    );
    if (outcome === 'gone') throw notFound(GONE);
    res.render('moderation/reported', {
      title: outcome === 'already' ? 'Al gemeld' : 'Bedankt voor je melding',
      message:
        outcome === 'already'
          ? 'Je had deze reactie al gemeld. Een moderator kijkt ernaar.'
          : 'Een moderator kijkt ernaar. Wie een reactie meldt, blijft onbekend: ook voor de moderatie.',
      backUrl: outcome === 'hidden' ? articlePath(article) : `/reactie/${reactie.id}`,
    });
  });

  return router;
}
