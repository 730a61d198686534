// Logging in and out of /beheer.
import { Router } from 'express';
import type { Deps } from '../deps';
import { audit } from '../audit/audit-log';
import { noStore } from '../http/cache';
import { limiter, refundRateLimits } from '../http/rate-limit';
import { COLUMN_LIMITS } from '../db/limits';
import { charLength, field, firstChars, hasForbiddenChars, normalizeLine, withoutForbiddenChars } from '../shared/validation';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { findUserForLogin, normalizeEmail, recordLogin } from './users';
import { knownDevice, rememberDevice } from './login-device';

const LOGIN_FORM = 'login';
const GENERIC_FAILURE = 'Onjuiste inloggegevens. Controleer je e-mailadres en wachtwoord.';

/** An address no account can have (too long for the column, even lower-cased, or unstorable): no query needed. */
function cannotBeAnAccount(email: string): boolean {
  return (
    hasForbiddenChars(email) ||
    charLength(email) > COLUMN_LIMITS.users.email ||
    charLength(normalizeEmail(email)) > COLUMN_LIMITS.users.email
  );
}

/** express-session's callback API as a promise. */
function sessionStep(run: (done: (err?: unknown) => void) => void): Promise<void> {
  return new Promise((resolve, reject) =>
    run((err) => (err ? reject(err instanceof Error ? err : new Error('session store failed')) : resolve())),
  );
}

/** Only local paths, so the login page cannot be used to send people elsewhere. */
function safeReturnPath(value: string): string {
  return /^\/beheer(\/[^\s\\]*)?$/.test(value) && !value.startsWith('//') ? value : '/beheer';
}

export function accountRoutes(deps: Deps): Router {
  const router = Router();

  const renderLogin = (res: import('express').Response, status: number, values: { email: string; terug: string }, error?: string) =>
    res.status(status).render('accounts/login', { title: 'Inloggen', values, error, formToken: deps.formTokens.issue(LOGIN_FORM) });

  router.get('/beheer/inloggen', noStore, (req, res) => {
    if (res.locals.user) return res.redirect(302, '/beheer');
    renderLogin(res, 200, { email: '', terug: safeReturnPath(typeof req.query.terug === 'string' ? req.query.terug : '') });
  });

  const tooMany = (req: import('express').Request, res: import('express').Response, minutes: number) =>
    renderLogin(
      res,
      429,
      { email: field(req.body, 'email').trim(), terug: safeReturnPath(field(req.body, 'terug')) },
      `Te veel inlogpogingen. Wacht ${minutes === 1 ? 'een minuut' : `${minutes} minuten`} en probeer het dan opnieuw.`,
    );
  const limits = deps.config.rateLimits;
  // Only failures count, per address and per account: an office where everyone logs in from one
  // address is never locked out by its own correct logins. Each attempt is counted when it starts
  // and given back when it succeeds, so a burst of guesses at once cannot slip past the limit.
  const perIp = limiter({ db: deps.db, secret: deps.config.sessionSecret }, 'login-ip', limits.loginPerIp, {
    onlyFailures: true,
    onLimit: tooMany,
  });
  // Failures per account, wherever they come from: slows down guessing one editor's password from many
  // addresses. A browser that logged in to the account before has a budget of its own
  // (login-device.ts), so strangers' failures cannot lock the account's own people out.
  const emailKey = (req: import('express').Request) => field(req.body, 'email').trim().toLowerCase() || '(leeg)';
  const accountKey = (req: import('express').Request) => {
    const key = emailKey(req);
    return knownDevice(req, deps.config.sessionSecret, key) ? `${key}#bekend-apparaat` : key;
  };
  const perAccount = limiter({ db: deps.db, secret: deps.config.sessionSecret }, 'login-account', limits.loginFailuresPerAccount, {
    key: accountKey,
    onlyFailures: true,
    onLimit: tooMany,
  });

  router.post('/beheer/inloggen', noStore, perIp, perAccount, async (req, res) => {
    const email = normalizeLine(field(req.body, 'email'));
    const password = field(req.body, 'wachtwoord');
    const terug = safeReturnPath(field(req.body, 'terug'));
    if (!deps.formTokens.check(LOGIN_FORM, field(req.body, '_token')).ok) {
      return renderLogin(res, 403, { email, terug }, 'Het inlogformulier was verlopen. Probeer het nog eens.');
    }
    if (email === '' || password === '') {
      return renderLogin(res, 422, { email, terug }, 'Vul je e-mailadres en wachtwoord in.');
    }
    // An impossible address gets the same answer (and the same time spent hashing) as a wrong one.
    const user = cannotBeAnAccount(email) ? null : await findUserForLogin(deps.db, email);
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : (await verifyPassword(await dummyPasswordHash(), password), false);
    if (!user || !ok) {
      // The log records the address as typed, cut to fit its column.
      const actor = firstChars(withoutForbiddenChars(email), COLUMN_LIMITS.audit_log.actor);
      await audit(deps.db, { id: user?.id ?? null, email: actor || '(leeg)' }, 'login.failed');
      return renderLogin(res, 401, { email, terug }, GENERIC_FAILURE);
    }
    // A new session id at login, so a session id planted before login is worthless.
    await sessionStep((done) => req.session.regenerate(done));
    req.session.userId = user.id;
    req.session.loggedInAt = Date.now();
    await recordLogin(deps.db, user.id);
    // The right password: the account's earlier typing errors are forgiven (the address's are not,
    // or one known password would reset the budget for guessing others).
    await perAccount.reset(accountKey(req));
    rememberDevice(res, deps.config.sessionSecret, emailKey(req), deps.config.env === 'production');
    await audit(deps.db, { id: user.id, email: user.email }, 'login.success');
    // A correct login is no failure: given back before the answer, so the next login already finds it gone.
    await refundRateLimits(res);
    res.redirect(303, terug);
  });

  router.post('/beheer/uitloggen', async (req, res) => {
    const user = res.locals.user;
    if (user) await audit(deps.db, { id: user.id, email: user.email }, 'logout');
    await sessionStep((done) => req.session.destroy(done));
    res.clearCookie('stadslog.sid', { path: '/' });
    res.redirect(303, '/');
  });

  return router;
}
