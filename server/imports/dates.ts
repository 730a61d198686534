// WordPress dates: "2015-05-27 12:00:00" in UTC (…_gmt) and in the site's own time; "0000-00-00 …" for none.
import { fromLocalInputValue } from '../shared/format';

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The moment of a WordPress date: its GMT form when there is one, else the local form read as
 * Amsterdam time (a Dutch weblog's WordPress runs in that zone). Null when neither is a date.
 */
export function wpDate(gmt: string, local: string): Date | null {
  const g = WP_DATE.exec(gmt.trim());
  if (g && g[1] !== '0000') {
    const d = new Date(Date.UTC(+g[1], +g[2] - 1, +g[3], +g[4], +g[5], +g[6]));
    if (!Number.isNaN(d.getTime())) return d;
  }
  const l = WP_DATE.exec(local.trim());
  if (!l || l[1] === '0000') return null;
  const d = fromLocalInputValue(`${l[1]}-${l[2]}-${l[3]}T${l[4]}:${l[5]}`);
  return d && new Date(d.getTime() + Number(l[6]) * 1000);
}

/** Year, month and day as the site showed them in its permalinks (from the local date). */
export function wpDateParts(local: string): { year: string; month: string; day: string } | null {
  const l = WP_DATE.exec(local.trim());
  return l && l[1] !== '0000' ? { year: l[1], month: l[2], day: l[3] } : null;
}
