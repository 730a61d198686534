// Whom the opening's sentence puts the questions to ends where the first numbered question begins, also when that
// sentence has no stop (issue 20, session 16, rules30). Invented examples only.
import assert from 'node:assert/strict';
import { questionsPutTo } from '../../../server/documents/parse/question-heads';

describe('documents: to whom the opening puts the questions', () => {
  it('reads the addressee up to the first numbered question of an opening without a stop', () => {
    const opening = ['De fractie van fractievoorzitter Anna de Wit stelt daarom de volgende schriftelijke vragen aan het college'];
    assert.equal(questionsPutTo([...opening, '1:Is het college op de hoogte van dit bericht?'].join('\n')), 'het college');
    assert.equal(questionsPutTo([...opening, '1. Is het college op de hoogte van dit bericht?'].join('\n')), 'het college');
    assert.equal(questionsPutTo([...opening, '(1) Is het college op de hoogte van dit bericht?'].join('\n')), 'het college');
  });

  it('still reads an addressee that ends at a colon', () => {
    assert.equal(
      questionsPutTo('Wij stellen de volgende vragen aan het college van burgemeester en wethouders:'),
      'het college van burgemeester en wethouders',
    );
  });
  it('reads whom "om … vragen te stellen" names, also a body written without an article', () => {
    assert.equal(
      questionsPutTo('De fractie ziet in deze berichten aanleiding om aan Gedeputeerde Staten de volgende vragen te stellen'),
      'Gedeputeerde Staten',
    );
    assert.equal(questionsPutTo('Reden voor ons om het college enkele vragen te stellen.'), 'het college');
    // Not every "om … te stellen" puts questions to someone.
    assert.equal(questionsPutTo('Het is tijd om de volgende vraag aan de orde te stellen.'), null);
  });
});
