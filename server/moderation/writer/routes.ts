// The person behind a reactie's address, for moderators: /beheer/reacties/:id/schrijver shows what
// else they wrote; from there a moderator sets "altijd vasthouden" or "blokkeren" (with a last day
// and a reason), lifts it, and leaves notes on a reactie or on the person. The person is named by
// one of their reacties in every URL: never by their address or its hash. Every change is a
// CSRF-protected POST, in the audit log without the notes' or reasons' text (that text is about a
// person and goes with them: addresses/, privacy/).
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../../deps';
import { audit } from '../../audit/audit-log';
import { currentActor, currentUser, requirePermission } from '../../accounts/auth';
import { noStore } from '../../http/cache';
import { notFound } from '../../http/errors';
import { addressKeyOf } from '../../addresses/key';
import { addNote, deleteNote, findNote } from '../../addresses/notes';
import { ADDRESS_RULES, liftRule, liftRuleById, listRulesInForce, setRule, RULE_REASON_MAX } from '../../addresses/rules';
import { findReactie, type Reactie } from '../../reacties/queries';
import { MODERATION_REASONS, type ModerationReason } from '../../reacties/moderation-log';
import { formatDate } from '../../shared/format';
import { field, parseId, type FieldErrors } from '../../shared/validation';
import { NOTE_MAX } from '../../addresses/notes';
import { dateInputValue, parseNote, parseRuleForm, readRuleForm, type RuleInput } from './form';
import { loadWriterPage } from './page';

const GONE = 'Deze reactie bestaat niet (meer).';
const ANONYMOUS = 'Deze reactie is geanonimiseerd: er hoort geen schrijver meer bij.';

/** The writer's page, or a queue URL the form came from (only our own beheer URLs). */
function backTo(value: string, fallback: string): string {
  return /^\/beheer\/reacties(\?[\w=&%.+-]*)?$/.test(value) || /^\/beheer\/reacties\/\d+\/schrijver$/.test(value) ? value : fallback;
}

/** The last day a rule is in force, as the moderator chose it: the day before it ends. */
const lastDay = (endsAt: Date) => formatDate(new Date(endsAt.getTime() - 1));

export function writerRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('moderation')];
  const pageOf = (id: number) => `/beheer/reacties/${id}/schrijver`;

  async function load(req: Request): Promise<Reactie> {
    const id = parseId(String(req.params.id));
    const reactie = id === null ? null : await findReactie(deps.db, id);
    if (!reactie) throw notFound(GONE);
    return reactie;
  }

  async function render(
    res: Response,
    status: number,
    reactie: Reactie,
    forms: { rule?: RuleInput; ruleErrors?: FieldErrors; note?: { about: string; text: string; error: string } } = {},
  ) {
    const now = deps.clock();
    const page = await loadWriterPage(deps, reactie, now);
    res.status(status).render('beheer/moderation/writer', {
      title: 'Meer van deze schrijver',
      bodyClass: 'beheer',
      page,
      ruleLabels: ADDRESS_RULES,
      lastDay,
      reasonLabel: (reason: ModerationReason) => MODERATION_REASONS[reason],
      rule: forms.rule ?? { rule: '', until: '', reason: '' },
      ruleErrors: forms.ruleErrors ?? {},
      note: forms.note ?? { about: '', text: '', error: '' },
      reasonMax: RULE_REASON_MAX,
      noteMax: NOTE_MAX,
      today: dateInputValue(now),
      here: pageOf(reactie.id),
    });
  }

  router.get('/beheer/reacties/:id/schrijver', ...guard, async (req, res) => {
    await render(res, 200, await load(req));
  });

  router.post('/beheer/reacties/:id/schrijver/maatregel', ...guard, async (req, res) => {
    const reactie = await load(req);
    const key = addressKeyOf(deps.config.sessionSecret, reactie.authorEmail);
    if (key === '') {
      req.session.flash = ANONYMOUS;
      return res.redirect(303, pageOf(reactie.id));
    }
    const now = deps.clock();
    const parsed = parseRuleForm(readRuleForm(req.body), now);
    if (!parsed.ok) return render(res, 422, reactie, { rule: parsed.input, ruleErrors: parsed.errors });
    const { rule, endsAt, reason } = parsed.value;
    await setRule(deps.db, key, { rule, endsAt, reason, reactieId: reactie.id }, now);
    await audit(
      deps.db,
      currentActor(res),
      rule === 'hold' ? 'address.hold' : 'address.block',
      { type: 'reactie', id: reactie.id },
      `tot en met ${lastDay(endsAt)}`,
    );
    req.session.flash =
      rule === 'hold'
        ? `De schrijver van deze reactie wordt tot en met ${lastDay(endsAt)} altijd vastgehouden: elke nieuwe reactie wacht op een moderator.`
        : `De schrijver van deze reactie is tot en met ${lastDay(endsAt)} geblokkeerd: nieuwe reacties worden geweigerd.`;
    res.redirect(303, pageOf(reactie.id));
  });

  router.post('/beheer/reacties/:id/schrijver/opheffen', ...guard, async (req, res) => {
    const reactie = await load(req);
    const lifted = await liftRule(deps.db, addressKeyOf(deps.config.sessionSecret, reactie.authorEmail));
    if (lifted) await audit(deps.db, currentActor(res), 'address.lift', { type: 'reactie', id: reactie.id });
    req.session.flash = lifted
      ? 'De maatregel is opgeheven: nieuwe reacties van deze schrijver volgen weer de gewone regels.'
      : 'Voor deze schrijver gold geen maatregel.';
    res.redirect(303, pageOf(reactie.id));
  });

  // A note on the reactie (over=reactie) or on the person behind it (over=schrijver).
  router.post('/beheer/reacties/:id/notities', ...guard, async (req, res) => {
    const reactie = await load(req);
    const about = field(req.body, 'over') === 'schrijver' ? 'schrijver' : 'reactie';
    const back = backTo(field(req.body, 'terug'), pageOf(reactie.id));
    const key = addressKeyOf(deps.config.sessionSecret, reactie.authorEmail);
    const note = parseNote(req.body);
    if (about === 'schrijver' && key === '') note.error = ANONYMOUS;
    if (note.error) return render(res, 422, reactie, { note: { about, text: note.text, error: note.error } });
    const target = about === 'schrijver' ? { addressKey: key } : { reactieId: reactie.id };
    await addNote(deps.db, target, note.text, currentUser(res).id, deps.clock());
    await audit(deps.db, currentActor(res), about === 'schrijver' ? 'note.writer' : 'note.reactie', { type: 'reactie', id: reactie.id });
    req.session.flash = 'Je notitie is opgeslagen. Alleen de redactie en de moderatie zien hem.';
    res.redirect(303, back);
  });

  // Every address held or blocked now, the soonest ending first, each with a way to lift it.
  router.get('/beheer/schrijvers', ...guard, async (_req, res) => {
    const rules = await listRulesInForce(deps.db, deps.clock());
    res.render('beheer/moderation/writers', {
      title: 'Vastgehouden en geblokkeerde schrijvers',
      bodyClass: 'beheer',
      rules,
      ruleLabels: ADDRESS_RULES,
      lastDay,
    });
  });

  router.post('/beheer/schrijvers/:id/opheffen', ...guard, async (req, res) => {
    const id = parseId(String(req.params.id));
    const lifted = id !== null && (await liftRuleById(deps.db, id));
    if (lifted) await audit(deps.db, currentActor(res), 'address.lift', null, `maatregel ${id}`);
    req.session.flash = lifted
      ? 'De maatregel is opgeheven: nieuwe reacties van deze schrijver volgen weer de gewone regels.'
      : 'Deze maatregel bestond al niet meer.';
    res.redirect(303, '/beheer/schrijvers');
  });

  router.post('/beheer/notities/:id/verwijderen', ...guard, async (req, res) => {
    const id = parseId(String(req.params.id));
    const note = id === null ? null : await findNote(deps.db, id);
    const back = backTo(field(req.body, 'terug'), '/beheer/reacties');
    if (!note || !(await deleteNote(deps.db, note.id))) {
      req.session.flash = 'Deze notitie bestaat niet (meer).';
      return res.redirect(303, back);
    }
    await audit(deps.db, currentActor(res), 'note.delete', note.reactieId !== null ? { type: 'reactie', id: note.reactieId } : null);
    req.session.flash = 'De notitie is verwijderd.';
    res.redirect(303, back);
  });

  return router;
}
