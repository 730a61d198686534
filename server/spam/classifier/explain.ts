// Why the learning filter gave a reactie its score: the few features that weighed most, as words a
// moderator can read ("woord "subscribe"", "link naar bit.ly"). The model only keeps hashes, so the
// names come from the text being explained itself, in memory, and are never stored.
import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { contributions, type WeightedCounts } from './bayes';
import { CALIBRATION } from './calibration';
import { siteSources } from './classify';
import { features, namedFeatures, type ClassifiedContent } from './features';
import { siteCounts } from './store';

export interface FeatureWeight {
  /** Dutch, readable: woord "gratis", woordpaar "check out", link naar bit.ly, naam "xXgamer". */
  feature: string;
  /** What it added to the score's log-odds: positive towards spam, negative towards a normal reactie. */
  weight: number;
}

const FORM: Record<string, string> = {
  url: 'een link',
  'url:no-scheme': 'een link zonder https://',
  'url:disguised': 'een verhulde link ("site . com")',
  'url:short': 'een verkorte link',
  'url:query': 'een link met parameters',
  'emoji:one': 'een emoji',
  'emoji:some': 'een paar emoji',
  'emoji:many': 'veel emoji',
  'emoji:run': 'een rij emoji',
  'shape:shouting': 'veel hoofdletters',
  'shape:mixed-case': 'wIsSeLeNdE hoofdletters',
  'shape:bangs': 'veel uitroeptekens',
  'shape:money': 'een geldbedrag',
  'shape:email': 'een e-mailadres',
  'shape:lines': 'meerdere regels',
  'trick:invisible': 'onzichtbare tekens',
  'trick:look-alike': 'letters uit een ander schrift',
  'trick:leet': 'cijfers als letters ("fr33")',
  'len:xs': 'heel kort',
  'len:s': 'kort',
  'len:m': 'middellang',
  'len:l': 'lang',
  'len:xl': 'heel lang',
  'a:#digits': 'cijfers in de naam',
  'a:#long': 'een lange naam',
  'a:#url': 'een website bij de naam',
  'a:#bad-url': 'een ongeldige website bij de naam',
};

/** A feature's name as a moderator reads it. */
export function readableFeature(name: string): string {
  if (FORM[name]) return FORM[name];
  const at = name.indexOf(':');
  const kind = name.slice(0, at);
  const rest = name.slice(at + 1);
  switch (kind) {
    case 'w':
      return `woord "${rest}"`;
    case 'b':
      return `woordpaar "${rest.replace('_', ' ')}"`;
    case 'c':
      return `lettergroep "${rest.trim()}"`;
    case 'host':
      return `link naar ${rest}`;
    case 'tld':
      return `link op .${rest}`;
    case 'path':
      return `link naar /${rest}`;
    case 'a':
      return rest.startsWith('host:') ? `website ${rest.slice(5)} bij de naam` : `naam "${rest}"`;
    default:
      return name;
  }
}

/**
 * The `n` features that pushed this text's score furthest, towards spam first (pure: the counts are
 * given). Letter groups that only repeat a word already listed are left out.
 */
export function topFeatures(c: ClassifiedContent, sources: WeightedCounts[], n = 5): FeatureWeight[] {
  const f = features(c);
  const parts = contributions(f, sources, CALIBRATION);
  if (!parts) return [];
  const names = namedFeatures(c);
  const ranked = f.ids
    .map((id, i) => ({ name: names.get(id) ?? '', weight: parts[i] }))
    .filter((x) => x.name && Math.abs(x.weight) >= 0.01)
    .sort((a, b) => b.weight - a.weight);
  const spamward = ranked.filter((x) => x.weight > 0);
  const chosen = (spamward.length ? spamward : ranked.reverse()).filter(
    (x, _, all) => !x.name.startsWith('c:') || !all.some((y) => y.name.startsWith('w:') && y.name.includes(x.name.slice(2).trim())),
  );
  return chosen.slice(0, n).map((x) => ({ feature: readableFeature(x.name), weight: Math.round(x.weight * 100) / 100 }));
}

/** topFeatures with this site's counts, read as a score reads them. */
export async function explainReactie(db: Db | Knex.Transaction, c: ClassifiedContent, n = 5): Promise<FeatureWeight[]> {
  return (await explainReacties(db, [c], n))[0];
}

/** explainReactie for a page of reacties: one read of the site's counts for all of them. */
export async function explainReacties(db: Db | Knex.Transaction, cs: ClassifiedContent[], n = 5): Promise<FeatureWeight[][]> {
  if (!cs.length) return [];
  const site = await siteCounts(db, [...new Set(cs.flatMap((c) => features(c).ids))]);
  const sources = siteSources(site);
  return cs.map((c) => topFeatures(c, sources, n));
}
