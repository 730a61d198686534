// A list the text introduces as its questions (issue 20, session 19): every item is a question however it ends, the
// line that introduces it may carry abbreviations and a word before "vragen", and such a list makes a party's post of
// its questions written questions, with or without a salutation.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

/** A news page: a title, the line that introduces a list, and the list (dashed). */
const listed = (intro: string, items: string[]) =>
  parseDocument(['Nieuws uit de raad', '', intro, '', ...items.map((item) => `– ${item}`)].join('\n'));

describe('documents: a list introduced as the questions', () => {
  it('takes every item of a dashed list after "… de volgende schriftelijke vragen gesteld aan het college van B&W:"', () => {
    const got = parseDocument(
      [
        'Stadspartij wil pinautomaat in het dorp houden',
        '',
        'Het is bekend dat de pinautomaten in de kleine kernen verdwijnen. De Stadspartij vindt dat onwenselijk en heeft daarom de volgende schriftelijke vragen gesteld aan het college van B&W:',
        '',
        '– Is het college van B&W het met de Stadspartij eens dat de voorzieningen in de kernen behouden moeten blijven.',
        '– Is deze maatregel bij het college van B&W bekend?',
        '– Is het college van B&W bereid de banken te vragen de automaat te laten staan?',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.deepEqual(
      got.questions.map((q) => q.question.slice(0, 40)),
      ['Is het college van B&W het met de Stadsp', 'Is deze maatregel bij het college van B&', 'Is het college van B&W bereid de banken '],
    );
  });

  it('reads "… willen wij de volgende vragen ex. art. 32 RvO aan u stellen …:" as introducing the bullets under it', () => {
    const got = parseDocument(
      [
        'Geacht college,',
        '',
        'Afgelopen weekend was er een markt die niemand kende.',
        '',
        'N.a.v. het bovenstaande willen wij de volgende vragen ex. art. 32 RvO aan u stellen die wij graag schriftelijk beantwoord willen zien:',
        '',
        '  • Kan het college ons aangeven wie de initiator van deze markt was?',
        '  • Kan het college aangeven waarom er geen reclame is gemaakt.',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.equal(got.questions.length, 2);
  });

  it('does not make a list questions after a line that ends in another way, or a sentence that ends after the words', () => {
    for (const intro of [
      'De Stadspartij heeft de volgende punten ingebracht.',
      'In maart stelde de Stadspartij de volgende vragen. Het college heeft inmiddels deze punten toegezegd:',
    ]) {
      const got = listed(intro, ['Meer bankjes in het park.', 'Een oversteekplaats bij de school.']);
      assert.equal(got.type, 'nieuws', intro);
      assert.equal(got.questions.length, 0, intro);
    }
  });

  it('keeps a news item news when the questions it lists were asked at a meeting, not put to the college', () => {
    const got = parseDocument(
      [
        'Informatieavond over de nieuwe school',
        '',
        'Tijdens de avond stelden bewoners de volgende vragen:',
        '',
        '- Wanneer begint de bouw?',
        '- Komt er een nieuwe speelplaats?',
        '',
        'De wethouder beantwoordde ze allemaal.',
      ].join('\n'),
    );
    assert.equal(got.type, 'nieuws');
  });

  it('makes a list written questions when a fraction, a member or a party of the lexicon puts them', () => {
    for (const intro of [
      'Hierover heeft de PvdA de volgende vragen:',
      'De fractie van Dorpsbelang heeft de volgende vragen:',
      'Raadslid Smit heeft daarom de volgende vragen:',
    ]) {
      const got = listed(intro, ['Waarom is het licht uit?', 'Wanneer gaat het weer aan?']);
      assert.equal(got.type, 'schriftelijke-vragen', intro);
      assert.equal(got.questions.length, 2, intro);
    }
  });
});
