// A redirect waits until the session it changed is stored. express-session writes a changed session
// when the response ends, but sends the status line and headers first: the browser follows the
// Location at once, and on PostgreSQL (a pool of connections) the next request could read the
// session before the write had committed — a login that seemed not to have happened, a resident's
// held reactie missing from the page it was sent to. On SQLite the one connection hid this.
import type { RequestHandler } from 'express';

/** Whether the session holds anything of ours (an empty new session is never stored). */
function hasContent(session: object | undefined): boolean {
  return Boolean(session) && Object.keys(session!).some((key) => key !== 'cookie');
}

export const saveSessionBeforeRedirect: RequestHandler = (req, res, next) => {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = (...args: unknown[]) => {
    if (!hasContent(req.session)) return redirect(...args);
    // An error storing it is the same as express-session's own: the next request finds no session.
    req.session.save(() => redirect(...args));
  };
  next();
};
