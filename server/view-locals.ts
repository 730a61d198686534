// Locals every template may use: site identity, the Dutch formatters and the Dutch labels for codes
// (`label.status(r.status)`, `label.action(e.action)`, …). Built explicitly, never from req.
import type { RequestHandler } from 'express';
import type { Deps } from './deps';
import { mailEnabled } from './config';
import { formatDate, formatDateTime, formatMonthYear, formatNumber, reactieCountLabel } from './shared/format';
import { labels } from './labels';
import { currentTagline } from './tagline/state';

export function viewHelpers(deps: Deps): RequestHandler {
  return (req, res, next) => {
    // The tagline as the maintenance job last made it: read from memory, never waited for.
    // newsmail: whether the site can send mail, so the news mail (/nieuwsbrief) is offered.
    const newsmail = mailEnabled(deps.config);
    res.locals.site = { name: deps.config.siteName, tagline: currentTagline(deps.db, deps.config), newsmail };
    res.locals.currentPath = req.path;
    res.locals.fmt = {
      date: formatDate,
      dateTime: formatDateTime,
      monthYear: formatMonthYear,
      number: formatNumber,
      reacties: reactieCountLabel,
    };
    res.locals.label = labels;
    next();
  };
}
