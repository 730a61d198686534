// A page with the questions and then the college's letter that prints them again, each with its answer under it and no
// answer heading ("Vraag 1) Kent het college …?" / "Ja."): the second list is the answers, not three more questions
// (issue 20, session 17, rules31). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

describe('documents: questions printed again with their answers', () => {
  it('pairs the text under each repeated question with the question above', () => {
    const doc = parseDocument(
      [
        'Vragen Verhoef over de speeltuin',
        '',
        '1. Kent het college de klachten over de speeltuin aan de Dorpsstraat?',
        '',
        '2. Wanneer worden de toestellen vervangen?',
        '',
        'Geachte heer Verhoef,',
        '',
        'Naar aanleiding van uw vragen delen wij u het volgende mede.',
        '',
        'Vraag 1) Kent het college de klachten over de speeltuin aan de Dorpsstraat?',
        '',
        'Ja.',
        '',
        'Vraag 2) Wanneer worden de toestellen vervangen?',
        '',
        'In het voorjaar. De aannemer is al gekozen.',
      ].join('\n'),
    );
    assert.deepEqual(
      doc.questions.map((q) => [q.number, q.answer]),
      [
        [1, 'Ja.'],
        [2, 'In het voorjaar. De aannemer is al gekozen.'],
      ],
    );
  });

  it('keeps a second list of other questions as questions', () => {
    const doc = parseDocument(
      [
        'Vragen Verhoef over de speeltuin',
        '',
        '1. Kent het college de klachten over de speeltuin?',
        '2. Wanneer worden de toestellen vervangen?',
        '',
        'Over het trapveld hebben wij nog deze vragen.',
        '',
        'Vraag 1) Wie maait het trapveld?',
        '',
        'Vraag 2) Mogen er doelen komen?',
      ].join('\n'),
    );
    assert.equal(doc.questions.length, 4);
    assert.ok(doc.questions.every((q) => q.answer === null));
  });
});
