// The reacties section of an article page: the thread, the reply target and the form. The article
// page (articles/) renders it; posting a reactie (submit.ts) sends it back with the form's state.
import type { Request } from 'express';
import { mailEnabled } from '../../config';
import type { Deps } from '../../deps';
import { field, type FieldErrors } from '../../shared/validation';
import { OFFICIAL_FIELD } from '../posting/official';
import { notFound } from '../../http/errors';
import { findReactie, lastPageFill, listThreadReacties, publicReactiePlace } from '../queries';
import { editStateOf } from '../editing/edit-queries';
import { openingPages } from '../paging';
import { readRemembered } from '../posting/remember';
import { ownReactieIds, placedReactieIds } from '../own-cookie';
import { appreciatedBy, pageReader } from './waardering';
import { DEFAULT_VOLGORDE, sortThreads, type Volgorde } from './volgorde';
import { editTokenIds, editWindowEnds, holdsEditToken } from '../editing/edit-token';
import { buildThread, type ThreadNode } from '../thread-tree';
import { REACTIE_LIMITS, type ReactieFormValues } from '../posting/validation';

export interface ReactieFormState {
  values: ReactieFormValues;
  errors: FieldErrors;
  /** A message above the form, for problems that are not one field's. */
  formError?: string;
}

/** How a page that sends the form back wants the section: status, form, where the reply goes. */
export interface SectionOptions {
  status?: number;
  form?: ReactieFormState;
  replyTo?: number | null;
  /** The text of a reactie refused because reacties are closed, to copy and keep. */
  closedText?: string;
  /** When the resident first got the form: kept through error round-trips, so the fill time counts from then. */
  formIssuedAt?: number;
  /** The page of the discussion asked for (?reacties=N); by default the page of the reply target, else the newest. */
  page?: number;
  /** The reactie a link asked for (?reactie=ID): its folded branch is rendered open. */
  target?: number | null;
  /** The reader's new reactie whose request for e-mail sent no confirmation mail (one went out that day already). */
  confirmationSentFor?: number | null;
  /** The logged-in staff member (official.ts): the form offers their roles and fills their name. */
  staff?: { name: string; email: string } | null;
  /** The roles staff may react for (the setting reacties.officialRoles). */
  officialRoles?: string[];
  /** ?ingetrokken=ID after "Reactie intrekken": said above the reacties when this browser withdrew it. */
  withdrawn?: number | null;
  /** The order of the threads (volgorde.ts); oldest first by default. */
  volgorde?: Volgorde;
}

/** The locals views/reacties/*.ejs read. */
export interface ReactieSection {
  thread: ThreadNode[];
  /** Which pages of the discussion are shown, of how many (page 1 holds the oldest threads). */
  reactiePage: number;
  reactiePageLast: number;
  reactiePages: number;
  replyTo: number | null;
  replyToName: string | undefined;
  form: ReactieFormState;
  formToken: string;
  closedText: string | undefined;
  limits: typeof REACTIE_LIMITS;
  /** Whether the form offers e-mail on replies: the same for every reader (the page cache keeps it). */
  offerMail: boolean;
  /** This reader's own reacties on the page they may still edit, with when that ends (edit.ts). */
  editable: Map<number, Date>;
  /** The roles the logged-in staff member may react for; empty for residents. */
  officialRoles: string[];
  /** The role chosen in the form (sent back with an error). */
  officialAs: string;
  /** This browser just withdrew a reactie here: gone from the page, or kept as a placeholder above its replies. */
  withdrawnNotice: 'gone' | 'placeholder' | null;
  /** The order the threads are in (volgorde.ts). */
  volgorde: Volgorde;
  /** The reacties on the page this reader appreciated (only known when their browser has the cookie: waardering.ts). */
  appreciated: Set<number>;
  /** The reacties on the page this browser placed: no appreciating your own. */
  placed: Set<number>;
}

/**
 * Whether this browser withdrew this reactie of this article: it holds the reactie's edit token
 * (only the browser that posted it does) and the reactie is withdrawn. A link with another
 * reactie's id says nothing to anyone else.
 */
async function withdrawnNotice(
  deps: Deps,
  req: Request,
  articleId: number,
  id: number | null | undefined,
): Promise<ReactieSection['withdrawnNotice']> {
  if (id === null || id === undefined) return null;
  const reactie = await findReactie(deps.db, id);
  if (!reactie || reactie.articleId !== articleId || !holdsEditToken(req, deps.config.sessionSecret, reactie)) return null;
  if (!(await editStateOf(deps.db, id))?.withdrawn) return null;
  return reactie.status === 'approved' ? 'placeholder' : 'gone';
}

export function reactieFormPurpose(target: { id: number }): string {
  return `reactie:${target.id}`;
}

function emptyForm(req: Request, staff: SectionOptions['staff']): ReactieFormState {
  const remembered = staff ? null : readRemembered(req);
  const values = {
    name: staff?.name ?? remembered?.name ?? '',
    email: staff?.email ?? remembered?.email ?? '',
    website: remembered?.website ?? '',
    body: '',
    parentId: '',
    remember: remembered !== null,
  };
  return { values, errors: {} };
}

export async function reactieSection(deps: Deps, req: Request, target: { id: number }, opts: SectionOptions = {}): Promise<ReactieSection> {
  const own = ownReactieIds(req, deps.config.sessionSecret);
  const form = opts.form ?? emptyForm(req, opts.staff);
  const last = (await lastPageFill(deps.db, target.id)) ?? { page: 1, filled: 0 };
  const pages = last.page;
  // Read here, with the rest of the section, rather than once more by the route. Page 1 always exists.
  if (opts.page !== undefined && (opts.page < 1 || opts.page > pages))
    throw notFound('Deze pagina met reacties bestaat niet (meer). De nieuwste reacties staan op de pagina van het artikel zelf.');
  // A reply goes under its reactie, so the page is the one that reactie's thread is on.
  const answering = opts.replyTo ?? (Number(form.values.parentId) || null);
  const place = opts.page === undefined && answering !== null ? await publicReactiePlace(deps.db, answering, own) : null;
  const asked = opts.page ?? (place && place.articleId === target.id ? place.threadPage : null);
  const shownPages = asked === null ? openingPages(last) : [Math.min(pages, Math.max(1, asked))];
  const reacties = await listThreadReacties(deps.db, target.id, shownPages, own);
  // The reply form is only placed under a reactie that is on the page; otherwise it is a new reactie.
  const shown = (id: number | string | null | undefined) => reacties.find((r) => String(r.id) === String(id));
  const replyTarget = opts.replyTo != null && shown(opts.replyTo) ? opts.replyTo : null;
  const parentId = replyTarget !== null ? String(replyTarget) : shown(form.values.parentId) ? form.values.parentId : '';
  const now = deps.clock().getTime();
  const editable = new Map<number, Date>();
  for (const id of editTokenIds(req, deps.config.sessionSecret)) {
    const r = shown(id);
    const ends = r ? editWindowEnds(r.createdAt) : null;
    if (r && ends && !r.withdrawn && ends.getTime() >= now && holdsEditToken(req, deps.config.sessionSecret, r)) editable.set(r.id, ends);
  }
  const approved = reacties.filter((r) => r.status === 'approved').map((r) => r.id);
  const volgorde = opts.volgorde ?? DEFAULT_VOLGORDE;
  return {
    thread: sortThreads(buildThread(reacties), volgorde),
    volgorde,
    appreciated: await appreciatedBy(deps.db, pageReader(req, deps.config.sessionSecret), approved),
    placed: new Set(placedReactieIds(req, deps.config.sessionSecret).filter((id) => shown(id))),
    editable,
    reactiePage: shownPages[0],
    reactiePageLast: shownPages[shownPages.length - 1],
    reactiePages: pages,
    replyTo: replyTarget,
    replyToName: replyTarget !== null ? shown(replyTarget)?.authorName : undefined,
    form: { ...form, values: { ...form.values, parentId } },
    formToken: deps.formTokens.issue(reactieFormPurpose(target), opts.formIssuedAt ?? deps.clock().getTime()),
    closedText: opts.closedText,
    limits: REACTIE_LIMITS,
    offerMail: mailEnabled(deps.config),
    officialRoles: opts.staff ? (opts.officialRoles ?? []) : [],
    officialAs: field(req.body, OFFICIAL_FIELD),
    withdrawnNotice: await withdrawnNotice(deps, req, target.id, opts.withdrawn),
  };
}
