// Locals every template may use: site identity, the Dutch formatters and the Dutch labels for codes
// (`label.status(r.status)`, `label.action(e.action)`, …). Built explicitly, never from req.
import type { RequestHandler } from 'express';
import type { Deps } from './deps';
import { formatDate, formatDateTime, formatMonthYear, formatNumber, reactieCountLabel } from './shared/format';
import { labels } from './labels';

export function viewHelpers(deps: Deps): RequestHandler {
  const site = { name: deps.config.siteName, tagline: deps.config.siteTagline };
  return (req, res, next) => {
    res.locals.site = site;
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
