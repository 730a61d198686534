// Questions and answers paired as an alignment of numbered sequences (issue 20, session 13): answer marks in the
// forms municipalities and ministries write them, answers to several questions at once, numbering that starts
// again per section, and no pair where the labels do not say which answer is whose. Invented minimal texts.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { numbered } from '../../../server/documents/parse/numbering';
import { labelMembers, pairByLabel } from '../../../server/documents/parse/pairing';
import { PERTURBATIONS } from '../../../server/documents/perturb';

const HEAD = [
  'Vragen van het lid Jansen (GroenLinks) aan de wethouder over de fietsenstalling bij het station (ingezonden 3 maart 2025).',
  '',
];

const pairsOf = (text: string[]) =>
  parseDocument(text.join('\n')).questions.map((q) => [q.label ?? String(q.number), q.question, q.answer]);

describe('documents: the numbers an answer mark names', () => {
  it('reads "Antwoord vraag 4-7", "Antwoorden op de vragen 2 t/m 6", "Ad vraag 3", "Beantwoording vraag 1" and "Antw. 3"', () => {
    const read = (s: string) => {
      const n = numbered(s);
      return n && [n.role, n.label, n.rest];
    };
    assert.deepEqual(read('Antwoord vraag 4-7: Dat weten wij niet.'), ['antwoord', '4-7', 'Dat weten wij niet.']);
    assert.deepEqual(read('Antwoorden op de vragen 2 t/m 6'), ['antwoord', '2 t/m 6', '']);
    assert.deepEqual(read('Antwoord vragen 1,2,3 en 5'), ['antwoord', '1, 2, 3 en 5', '']);
    assert.deepEqual(read('Antwoord 1 & 2:'), ['antwoord', '1 & 2', '']);
    assert.deepEqual(read('Ad vraag 3.'), ['antwoord', '3', '']);
    assert.deepEqual(read('Beantwoording vraag 1'), ['antwoord', '1', '']);
    assert.deepEqual(read('Antw. 3 Ja.'), ['antwoord', '3', 'Ja.']);
    assert.deepEqual(read('Vraag nr. 2: Waarom?'), ['vraag', '2', 'Waarom?']);
    // A register number and running text are no marks.
    assert.equal(numbered('Vraag 1115 2018-2022'), null);
    assert.equal(numbered('Beantwoording van uw brief'), null);
  });

  it('expands a joined label into the questions it names, and leaves other labels whole', () => {
    assert.deepEqual(labelMembers('4 en 5'), ['4', '5']);
    assert.deepEqual(labelMembers('1, 2, 3, 4 en 5'), ['1', '2', '3', '4', '5']);
    assert.deepEqual(labelMembers('2 t/m 6'), ['2', '3', '4', '5', '6']);
    assert.deepEqual(labelMembers('9 - 11'), ['9', '10', '11']);
    assert.deepEqual(labelMembers('2 tot en met 4'), ['2', '3', '4']);
    assert.deepEqual(labelMembers('1 & 2'), ['1', '2']);
    assert.deepEqual(labelMembers('5a'), ['5a']);
    assert.deepEqual(labelMembers('A1'), ['a1']);
    assert.deepEqual(labelMembers('1.1'), ['1.1']);
    // A range that runs down, or over more than twenty questions, is no range.
    assert.deepEqual(labelMembers('7-4'), ['7-4']);
    assert.deepEqual(labelMembers('1-40'), ['1-40']);
  });
});

describe('documents: pairing answers by label', () => {
  it('pairs each label once in any order, and a joined answer with the questions it names', () => {
    assert.deepEqual(pairByLabel(['1', '2', '3', '4'], ['2', '1', '3 en 4']), [
      { answer: 1, questions: [0] },
      { answer: 0, questions: [1] },
      { answer: 2, questions: [2, 3] },
    ]);
    // "4 en 5" on both sides, written differently, is one label.
    assert.deepEqual(pairByLabel(['4 en 5'], ['4 & 5']), [{ answer: 0, questions: [0] }]);
  });

  it('abstains where two answers claim the same question', () => {
    // Answer 3 is there, and so is "3 en 4": question 3 takes its own answer, "3 en 4" takes nothing.
    assert.deepEqual(pairByLabel(['1', '2', '3', '4'], ['1', '3', '3 en 4']), [
      { answer: 0, questions: [0] },
      { answer: 1, questions: [2] },
    ]);
    // Two joined answers that share question 5: neither is paired.
    assert.deepEqual(pairByLabel(['4', '5', '6'], ['4 en 5', '5 en 6']), []);
  });

  it('aligns numbering that starts again in order, with gaps and a joined answer inside a section', () => {
    // Section one asks 1-3, section two asks 1-2; answers: 1, 2 en 3, then 2 (section two's 1 is not answered).
    assert.deepEqual(pairByLabel(['1', '2', '3', '1', '2'], ['1', '2 en 3', '2']), [
      { answer: 0, questions: [0] },
      { answer: 1, questions: [1, 2] },
      { answer: 2, questions: [4] },
    ]);
  });
});

describe('documents: questions asked apart and answered together', () => {
  it('makes one entry "3 en 4" of questions 3 and 4 under "Antwoord op vraag 3 en 4"', () => {
    const got = pairsOf([
      ...HEAD,
      'Vraag 1',
      'Hoeveel plekken heeft de stalling?',
      'Antwoord op vraag 1',
      'Er zijn 1.200 plekken.',
      'Vraag 2',
      'Wanneer wordt de stalling uitgebreid?',
      'Antwoord op vraag 2',
      'In 2026.',
      'Vraag 3',
      'Wie betaalt de uitbreiding?',
      'Vraag 4',
      'Draagt de provincie bij?',
      'Antwoord op vraag 3 en 4',
      'De gemeente en de provincie betalen ieder de helft.',
    ]);
    assert.deepEqual(got, [
      ['1', 'Hoeveel plekken heeft de stalling?', 'Er zijn 1.200 plekken.'],
      ['2', 'Wanneer wordt de stalling uitgebreid?', 'In 2026.'],
      ['3 en 4', 'Wie betaalt de uitbreiding?\n\nDraagt de provincie bij?', 'De gemeente en de provincie betalen ieder de helft.'],
    ]);
  });

  it('pairs "Antwoord vraag 2-4:" after all questions with questions 2, 3 and 4', () => {
    const doc = parseDocument(
      [
        ...HEAD,
        '1. Hoeveel plekken heeft de stalling?',
        '2. Wanneer wordt de stalling uitgebreid?',
        '3. Wie betaalt de uitbreiding?',
        '4. Draagt de provincie bij?',
        '',
        'Antwoord vraag 1:',
        'Er zijn 1.200 plekken.',
        'Antwoord vraag 2-4:',
        'Daarover besluit de raad in juni.',
      ].join('\n'),
    );
    assert.deepEqual(
      doc.questions.map((q) => [q.label ?? String(q.number), q.answer]),
      [
        ['1', 'Er zijn 1.200 plekken.'],
        ['2-4', 'Daarover besluit de raad in juni.'],
      ],
    );
    assert.deepEqual(doc.warnings, []);
  });

  it('leaves question 3 unanswered, with a warning, where the answer to "2 en 3" names a question answered on its own', () => {
    const doc = parseDocument(
      [
        ...HEAD,
        'Vraag 1',
        'Hoeveel plekken heeft de stalling?',
        'Vraag 2',
        'Wanneer wordt de stalling uitgebreid?',
        'Vraag 3',
        'Wie betaalt de uitbreiding?',
        'Antwoord 1',
        'Er zijn 1.200 plekken.',
        'Antwoord 2',
        'In 2026.',
        'Antwoord 2 en 3',
        'De gemeente betaalt.',
      ].join('\n'),
    );
    assert.deepEqual(
      doc.questions.map((q) => q.answer),
      ['Er zijn 1.200 plekken.', 'In 2026.', null],
    );
    assert.ok(doc.warnings.some((w) => /zonder vraag/.test(w)));
  });
});

describe('documents: a question whose mark a page break lost', () => {
  const text = (lastParagraph: string) =>
    [
      ...HEAD,
      'Vraag 1',
      'Hoeveel plekken heeft de stalling?',
      '',
      'Antwoord 1',
      'Er zijn 1.200 plekken.',
      '',
      '-----',
      '',
      lastParagraph,
      '',
      'Antwoord 2',
      'In 2026.',
      '',
      'Vraag 3',
      'Wie betaalt de uitbreiding?',
      '',
      'Antwoord 3',
      'De gemeente.',
    ].join('\n');

  it('reads the paragraph that asks at the end of answer 1 as question 2 when "Antwoord 2" has no question', () => {
    const doc = parseDocument(text('wordt de stalling uitgebreid, en wanneer gebeurt dat?'));
    assert.deepEqual(
      doc.questions.map((q) => [q.number, q.question, q.answer]),
      [
        [1, 'Hoeveel plekken heeft de stalling?', 'Er zijn 1.200 plekken.'],
        [2, 'wordt de stalling uitgebreid, en wanneer gebeurt dat?', 'In 2026.'],
        [3, 'Wie betaalt de uitbreiding?', 'De gemeente.'],
      ],
    );
    assert.deepEqual(doc.warnings, []);
  });

  it('leaves answer 1 whole and answer 2 without a question when nothing at its end asks', () => {
    const doc = parseDocument(text('Daarover informeren wij de raad in juni.'));
    assert.deepEqual(
      doc.questions.map((q) => q.answer),
      ['Er zijn 1.200 plekken.\n\nDaarover informeren wij de raad in juni.', 'De gemeente.'],
    );
    assert.ok(doc.warnings.some((w) => /zonder vraag/.test(w)));
  });
});

describe('documents: an answer under its question in a text of even line lengths', () => {
  const QUESTIONS = [
    'Hoeveel plekken heeft de stalling bij het station op dit moment?',
    'Wanneer wordt de stalling uitgebreid, en met hoeveel plekken?',
    'Wie betaalt de uitbreiding van de stalling bij het station?',
    'Is het college bereid de stalling 24 uur per dag open te houden?',
  ];
  const ANSWERS = [
    'Er zijn op dit moment 1.200 plekken in de stalling.',
    'De uitbreiding is voorzien in 2026, met 400 plekken.',
    'De gemeente en ProRail betalen ieder de helft.',
    'Nee. Het college ziet daar geen aanleiding toe.',
  ];

  it('keeps a sentence under a question that fills its line apart from it, also under "Beantwoording" without blank lines', () => {
    // Every line is about as long as the longest: the text looks wrapped, yet each answer opens its own line.
    const text = [
      'Schriftelijke vragen van de fractie van D66 aan het college van',
      'burgemeester en wethouders over de stalling bij het station Zuid.',
      '',
      ...QUESTIONS.map((q, i) => `${i + 1}. ${q}`),
      'Beantwoording',
      ...QUESTIONS.flatMap((q, i) => [`${i + 1}. ${q}`, ANSWERS[i]]),
    ].join('\n');
    const got = parseDocument(text).questions;
    assert.deepEqual(
      got.map((q) => [q.question, q.answer]),
      QUESTIONS.map((q, i) => [q, ANSWERS[i]]),
    );
  });

  it('joins a question that goes on asking under a question mark into one paragraph', () => {
    // Wrapped at 72 columns: each question paragraph is broken after its first question mark.
    const text = [
      'Schriftelijke vragen van de fractie van D66 aan het college van',
      'burgemeester en wethouders over de stalling bij het station Zuid.',
      '',
      'Klopt het dat de stalling bij het station elke nacht om 01:00 uur sluit?',
      'Deelt u de mening dat reizigers met de laatste trein hun fiets dan niet',
      'meer kunnen ophalen, en hoe wilt u dat oplossen voor de komende zomer?',
      '',
      'Zijn er klachten van reizigers over de sluitingstijd binnengekomen bij u?',
      'Zo ja, hoeveel klachten zijn dat en wat is er met die klachten gedaan',
      'door de exploitant van de stalling en door de gemeente zelf dit jaar?',
      '',
      'Wanneer verwacht u de nieuwe openingstijden van de stalling bekend?',
      '',
      'Fractie D66, Jan Jansen',
    ].join('\n');
    const got = parseDocument(text).questions.map((q) => q.question);
    assert.equal(got.length, 3);
    assert.match(got[0], /^Klopt het dat .* sluit\? Deelt u .* zomer\?$/);
    assert.match(got[1], /^Zijn er klachten .* Zo ja, hoeveel .* dit jaar\?$/);
  });
});

describe('documents: perturbations of question and answer marks', () => {
  it('sets the marks in bold, writes them as "Antwoord op vraag N:", and puts a page footer every 40 lines', () => {
    const text = ['Vraag 3', 'Waarom?', 'Antwoord 3 en 4: Daarom.', 'De tekst.'].join('\n');
    assert.equal(PERTURBATIONS['vraag- en antwoordkoppen **vet**'](text), '**Vraag 3**\nWaarom?\n**Antwoord 3 en 4:** Daarom.\nDe tekst.');
    assert.equal(PERTURBATIONS['koppen "Antwoord op vraag N:"'](text), 'Vraag 3:\nWaarom?\nAntwoord op vraag 3 en 4: Daarom.\nDe tekst.');
    const long = Array.from({ length: 85 }, (_, i) => `regel ${i + 1}`).join('\n');
    const paged = PERTURBATIONS['paginavoet elke 40 regels'](long).split('\n');
    assert.deepEqual([paged[40], paged[81], paged.length], ['Pagina 1 van 3', 'Pagina 2 van 3', 87]);
  });
});
