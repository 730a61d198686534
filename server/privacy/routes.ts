// /beheer/privacy: a moderator finds, exports and erases every reactie of one e-mail address.
import { Router, type RequestHandler } from 'express';
import type { Deps } from '../deps';
import { currentActor, requirePermission } from '../accounts/auth';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { checkEmail, field, type FieldErrors } from '../shared/validation';
import { eraseReactiesByEmail, exportDocument, findModerationData, findReactiesByEmail, type ErasureMode } from './queries';

export function privacyRoutes(deps: Deps): Router {
  const router = Router();
  const guard: RequestHandler[] = [noStore, requirePermission('moderation')];

  const validEmail = (email: string): FieldErrors => {
    const errors: FieldErrors = {};
    checkEmail(errors, 'email', email, 254);
    return errors;
  };

  router.get('/beheer/privacy', ...guard, async (req, res) => {
    const email = typeof req.query.email === 'string' ? req.query.email.trim() : '';
    const errors = email ? validEmail(email) : {};
    const items = email && !errors.email ? await findReactiesByEmail(deps.db, email) : [];
    res
      .status(errors.email ? 422 : 200)
      .render('beheer/privacy/index', { title: 'Privacyverzoeken', bodyClass: 'beheer', email, errors, items, searched: email !== '' });
  });

  router.get('/beheer/privacy/export', ...guard, async (req, res) => {
    const email = typeof req.query.email === 'string' ? req.query.email.trim() : '';
    if (validEmail(email).email) return res.redirect(302, '/beheer/privacy');
    const items = await findReactiesByEmail(deps.db, email);
    await audit(deps.db, currentActor(res), 'privacy.export', null, `${items.length} reacties`);
    res.set('Content-Disposition', 'attachment; filename="reacties-export.json"');
    const moderation = await findModerationData(deps, email, items, deps.clock());
    res.type('application/json').send(JSON.stringify(exportDocument(email, items, deps.config.baseUrl, deps.clock(), moderation), null, 2));
  });

  router.post('/beheer/privacy/wissen', ...guard, async (req, res) => {
    const email = field(req.body, 'email').trim();
    const mode: ErasureMode | null =
      field(req.body, 'wijze') === 'verwijderen' ? 'delete' : field(req.body, 'wijze') === 'anonimiseren' ? 'anonymise' : null;
    const errors = validEmail(email);
    if (!mode) errors.wijze = 'Kies of de reacties geanonimiseerd of verwijderd worden.';
    if (field(req.body, 'bevestig') !== 'ja') errors.bevestig = 'Vink aan dat je dit zeker weet: het kan niet ongedaan worden.';
    if (Object.keys(errors).length || !mode) {
      const items = errors.email ? [] : await findReactiesByEmail(deps.db, email);
      return res
        .status(422)
        .render('beheer/privacy/index', { title: 'Privacyverzoeken', bodyClass: 'beheer', email, errors, items, searched: true });
    }
    const n = await eraseReactiesByEmail(deps, email, mode);
    // The audit log records that it happened, never whose address it was.
    await audit(deps.db, currentActor(res), mode === 'delete' ? 'privacy.delete' : 'privacy.anonymise', null, `${n} reacties`);
    req.session.flash = mode === 'delete' ? `${n} reacties verwijderd.` : `${n} reacties geanonimiseerd.`;
    res.redirect(303, '/beheer/privacy');
  });

  return router;
}
