// A fraction that asks follow-up questions ("vervolgvragen") in the opening's sentence is read as one that asks
// questions (issue 20, session 16, rules30). Invented examples only.
import assert from 'node:assert/strict';
import { fractionAsks, partiesAsk } from '../../../server/documents/parse/question-heads';

describe('documents: follow-up questions in the opening', () => {
  it('reads the fraction that has or puts follow-up questions, as one that has questions', () => {
    assert.deepEqual(
      fractionAsks('Op onze vragen kwam geen antwoord. De fractie van de Zandmeerse Lijst heeft daarom enkele vervolgvragen.'),
      {
        afzender: 'De fractie van de Zandmeerse Lijst',
        party: 'Zandmeerse Lijst',
      },
    );
    assert.deepEqual(fractionAsks('De fractie van de Zandmeerse Lijst heeft daarom enkele vragen.'), {
      afzender: 'De fractie van de Zandmeerse Lijst',
      party: 'Zandmeerse Lijst',
    });
    assert.deepEqual(partiesAsk('De fracties van CDA en D66 stellen vervolgvragen aan het college.')?.parties, ['CDA', 'D66']);
  });

  it('reads no fraction from a sentence about someone else’s questions', () => {
    assert.equal(fractionAsks('De fractie van de Zandmeerse Lijst wacht nog op antwoord op haar vervolgvragen.'), null);
  });
});
