// What Stadslog keeps in a session.
import 'express-session';

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    /** When the user logged in: sessions end after an absolute lifetime, however active. */
    loggedInAt?: number;
    /** Reacties this browser posted that still wait for approval: only their author sees them. */
    ownReacties?: number[];
    /** A one-time message shown after a redirect. */
    flash?: string;
  }
}
