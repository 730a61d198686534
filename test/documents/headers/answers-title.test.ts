// An answer letter's title names the questions it answers and their subject: "Antwoord op art. 35 vragen inzake Z",
// "Antwoorden schriftelijke vragen over Z" (issue 20, session 16, rules30). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

const answered = (title: string) =>
  parseDocument(
    [
      title,
      '',
      'Geachte heer De Wit,',
      '',
      'Hieronder treft u de antwoorden op uw vragen aan.',
      '',
      '1. Waarom is het bankje aan de Dijk weggehaald?',
      'Het bankje was kapot en wordt in mei vervangen.',
      '',
      '2. Komt er een tweede bankje?',
      'Nee, daar is geen ruimte voor.',
    ].join('\n'),
  );

describe('documents: the title of an answer letter', () => {
  it('gives the subject after the genre of the questions it answers', () => {
    assert.equal(answered('Antwoord art. 35 vragen inzake bankjes aan de Dijk.').fields.onderwerp, 'bankjes aan de Dijk');
    assert.equal(answered('Antwoorden op de schriftelijke vragen over bankjes aan de Dijk').fields.onderwerp, 'bankjes aan de Dijk');
    assert.equal(answered('Beantwoording schriftelijke vragen bankjes aan de Dijk').fields.onderwerp, 'bankjes aan de Dijk');
  });

  it('pairs the answers under their questions', () => {
    const doc = answered('Antwoord art. 35 vragen inzake bankjes aan de Dijk.');
    assert.equal(doc.type, 'schriftelijke-vragen');
    assert.deepEqual(
      doc.questions.map((q) => q.answer),
      ['Het bankje was kapot en wordt in mei vervangen.', 'Nee, daar is geen ruimte voor.'],
    );
  });

  it('reads no subject from answers to the questions of named members (a Kamer head, read by its parts)', () => {
    assert.notEqual(answered('Antwoord op vragen van het lid De Wit over bankjes').fields.onderwerp, 'van het lid De Wit over bankjes');
  });
});
