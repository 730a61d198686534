// Dutch-sounding text for the benchmark database: article bodies and reacties of realistic lengths,
// made from a seeded random source, so two runs with the same sizes make the same database.

/** A small fast seeded generator (mulberry32): Math.random cannot be seeded. */
export class Random {
  constructor(private state: number) {}

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Log-normal: exp(mu + sigma·N(0,1)), with N from Box–Muller. */
  logNormal(mu: number, sigma: number): number {
    const n = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    return Math.exp(mu + sigma * n);
  }
}

const SUBJECTS = [
  'de gemeente',
  'het college',
  'de wethouder',
  'de gemeenteraad',
  'de burgemeester',
  'de buurtvereniging',
  'een bewoner van de Markt',
  'de ondernemers in het centrum',
  'de woningcorporatie',
  'de fractie',
  'de provincie',
  'het waterschap',
  'mijn buurman',
  'iedereen in de wijk',
];
const VERBS = ['wil', 'moet', 'kan', 'gaat', 'belooft', 'weigert', 'overweegt', 'zou moeten', 'probeert', 'heeft besloten'];
const OBJECTS = [
  'de parkeerplaatsen aan de Kerkstraat op te heffen',
  'het zwembad langer open te houden',
  'de bomen aan de Singel te kappen',
  'een nieuwe fietsbrug over de Maas te bouwen',
  'de afvalstoffenheffing te verhogen',
  'meer sociale huurwoningen te bouwen',
  'het plein opnieuw in te richten',
  'de bibliotheek te verhuizen',
  'de subsidie voor het buurthuis te schrappen',
  'de snelheid in de wijk naar dertig te brengen',
  'het evenemententerrein uit te breiden',
  'de raad beter te informeren',
  'de bewoners eerder te betrekken',
  'de begroting sluitend te maken',
  'het station toegankelijker te maken',
];
const CLOSERS = [
  'Dat is al jaren een probleem.',
  'Ik vraag me af wie dat gaat betalen.',
  'Eindelijk!',
  'Goed plan, maar het komt te laat.',
  'Waarom hoor ik hier nu pas iets over?',
  'Ik ben benieuwd naar de antwoorden van het college.',
  'Zo gaat het elke keer weer.',
  'Dank voor het delen van de stukken.',
  'Lees de raadsinformatiebrief er maar op na.',
  'In onze straat merken we daar weinig van.',
  'Dat staat ook in het coalitieakkoord.',
  'Wat mij betreft mag het sneller.',
];
const SHORT = ['Eens.', 'Precies!', 'Onzin.', 'Helemaal mee eens.', 'Goed punt.', 'Dank je.', 'Klopt.', 'Nee.', 'Bizar.', 'Terecht.'];
const LINKS = [
  'https://www.peelstad.example/raad/vergadering',
  'https://nieuws.example.nl/stad/artikel/12345',
  'https://www.rijksoverheid.example/documenten',
  'https://www.openraadsinformatie.example/zaak/2024-017',
];

function sentence(rng: Random): string {
  if (rng.chance(0.25)) return rng.pick(CLOSERS);
  const s = `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)}`;
  const tail = rng.chance(0.3)
    ? `, ${rng.pick(['maar', 'want', 'terwijl', 'en'])} ${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)}`
    : '';
  return `${s[0].toUpperCase()}${s.slice(1)}${tail}.`;
}

/** Sentences until about `length` characters, in paragraphs of two to five sentences. */
function prose(rng: Random, length: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < length) {
    const sentences: string[] = [];
    for (let n = rng.int(2, 5); n > 0 && size < length; n--) {
      const s = sentence(rng);
      sentences.push(s);
      size += s.length + 1;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

/** A reactie: one word to about 2.000 characters, log-normal around a mean of about 300; some with a link. */
export function reactieText(rng: Random): string {
  const length = Math.min(2000, rng.logNormal(5.2, 1.0));
  let text = length < 25 ? rng.pick(SHORT) : prose(rng, length);
  if (rng.chance(0.05)) text += `\n\nZie ook ${rng.pick(LINKS)}`;
  return text;
}

const TOPICS = [
  'Herinrichting van de Markt',
  'Parkeren in de binnenstad',
  'Nieuwe fietsbrug over de Maas',
  'Begroting en afvalstoffenheffing',
  'Woningbouw aan de rand van de stad',
  'Sluiting van het zwembad',
  'Bomenkap aan de Singel',
  'Verhuizing van de bibliotheek',
  'Evenementen op het Vrijthof',
  'Verkeersveiligheid rond scholen',
];

export interface ArticleText {
  title: string;
  body: string;
}

/** An article of about `length` characters; a council document gets its letterhead and section headings. */
export function articleText(rng: Random, kind: string, length: number, n: number): ArticleText {
  const topic = rng.pick(TOPICS);
  const title = `${topic} (${n})`;
  if (kind === 'nieuws') return { title, body: prose(rng, length) };
  const letterhead = `Gemeente Peelstad\n${kind === 'memo' ? 'MEMO van college aan de raad' : 'Aan de gemeenteraad'}\n\nOnderwerp: ${topic}`;
  const sections = ['Aanleiding', 'Kernboodschap', 'Toelichting', 'Vervolg'];
  const each = Math.max(100, Math.floor(length / sections.length));
  const body = sections.map((s) => `${s}\n\n${prose(rng, each)}`).join('\n\n');
  return { title, body: `${letterhead}\n\n${body}` };
}

const FIRST = ['Jan', 'Fatima', 'Pieter', 'Sanne', 'Mohammed', 'Els', 'Kees', 'Anouk', 'Ahmed', 'Marieke', 'Henk', 'Lotte', 'Bram', 'Yara'];
const LAST = [
  'de Vries',
  'Jansen',
  'Bakker',
  'El Amrani',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Yilmaz',
  'Peeters',
  'Claessens',
];

/** One of a pool of about 30.000 residents: the same person keeps the same name and address. */
export function resident(rng: Random): { name: string; email: string } {
  const n = Math.floor(rng.logNormal(7, 2)) % 30_000;
  const first = FIRST[n % FIRST.length];
  const last = LAST[Math.floor(n / FIRST.length) % LAST.length];
  // Some type their address with capitals: emailKey makes them one person.
  const local = `${first}.${last.replace(/ /g, '')}${n}`;
  return { name: `${first} ${last}`, email: n % 7 === 0 ? `${local}@Example.nl` : `${local.toLowerCase()}@example.nl` };
}
