// Texts the tests of the paste-import's review step share.

/** Written questions whose first question runs over two lines and whose answers outnumber them: to split and join. */
export const TREES_QUESTIONS = [
  'Schriftelijke vragen',
  '',
  'Onderwerp: Bomen in Wyck',
  'Partij: D66',
  '',
  '1. Hoeveel bomen zijn er gekapt?',
  'Worden er nieuwe geplant?',
  '2. Wanneer begint het planten?',
  '',
  'Antwoord college:',
  '',
  '1. Twaalf bomen.',
  '2. Ja, twintig nieuwe.',
  '3. Volgend jaar in maart.',
].join('\n');
