// A list numbered from 1 again, indented under a numbered question, is the parts of that question ("2.1", "2.2"),
// the question's own text their lead-in; the outer list goes on after it (issue 20, session 17, rules31). Invented
// examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

const head = ['Schriftelijke vragen van de fractie Zandmeer Vooruit over de kinderboerderij', '', 'Geacht college,', ''];

describe('documents: a numbered list indented under a question is its parts', () => {
  it('reads the indented items as parts, the lead-in with the first, and goes on with the outer list', () => {
    const doc = parseDocument(
      [
        ...head,
        '01. Kent u het bericht over de sluiting van de kinderboerderij?',
        '',
        '02. Zijn er afspraken gemaakt over de dieren?',
        '',
        '  1. Zo ja, welke afspraken zijn dat?',
        '  2. Zo nee, bent u bereid die afspraken alsnog te maken?',
        '',
        '03. De vrijwilligers zijn ongerust.',
        '',
        '  1. Hebt u met de vrijwilligers gesproken?',
        '  2. Wanneer informeert u de raad?',
      ].join('\n'),
    );
    assert.equal(doc.type, 'schriftelijke-vragen');
    assert.deepEqual(
      doc.questions.map((q) => [q.label ?? String(q.number), q.question]),
      [
        ['1', 'Kent u het bericht over de sluiting van de kinderboerderij?'],
        ['2.1', 'Zijn er afspraken gemaakt over de dieren? Zo ja, welke afspraken zijn dat?'],
        ['2.2', 'Zo nee, bent u bereid die afspraken alsnog te maken?'],
        ['3.1', 'De vrijwilligers zijn ongerust. Hebt u met de vrijwilligers gesproken?'],
        ['3.2', 'Wanneer informeert u de raad?'],
      ],
    );
  });

  it('reads an introduction with its questions under it as one item with parts', () => {
    const doc = parseDocument(
      [
        ...head,
        ' 1. Vorige week sloot de kinderboerderij haar deuren. Het bestuur wijst naar de gemeente.',
        '  1. Wat is de rol van het college bij de sluiting?',
        '  2. Welke steun heeft de kinderboerderij gekregen?',
        '  3. Is het college bereid het gesprek met het bestuur aan te gaan?',
      ].join('\n'),
    );
    assert.deepEqual(
      doc.questions.map((q) => q.label),
      ['1.1', '1.2', '1.3'],
    );
    assert.match(doc.questions[0].question, /^Vorige week sloot .* Wat is de rol van het college/);
  });

  it('keeps a list that starts again at the same indent, or under a paragraph of context, as questions of their own', () => {
    const flat = parseDocument(
      [
        ...head,
        '1. Kent u het bericht over de sluiting?',
        '',
        'De vrijwilligers zijn ongerust over de toekomst van de dieren en de stal.',
        '',
        '1. Hebt u met de vrijwilligers gesproken?',
        '2. Wanneer informeert u de raad?',
      ].join('\n'),
    );
    assert.equal(flat.questions.length, 3);
    assert.ok(flat.questions.every((q) => !q.label || !q.label.includes('.')));

    const context = parseDocument(
      [
        ...head,
        ' 1. Agendapunt kinderboerderij',
        '',
        '  De vrijwilligers zijn ongerust over de toekomst van de dieren en de stal.',
        '',
        '  De fractie heeft daarom de volgende vragen:',
        '',
        '  1. Hebt u met de vrijwilligers gesproken?',
        '  2. Wanneer informeert u de raad?',
      ].join('\n'),
    );
    assert.ok(context.questions.every((q) => !q.label || !q.label.includes('.')));
  });
});
