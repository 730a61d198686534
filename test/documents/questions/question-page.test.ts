// Pages of questions typed by their structure, without the genre's word (issue 20, round 14; parse/detect.ts):
// questions labelled one by one with an answer label among them, or a paragraph of questions to "u" signed in
// brackets by who asks, are written questions; a report that quotes a question in its sentences stays news.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

describe('documents: a page of questions without the word', () => {
  it('keeps a letter to the college that asks for things ("Daarom vragen wij u het volgende:") a letter', () => {
    const got = parseDocument(
      [
        'Speeltuin Molenwijk',
        '',
        'Geacht college,',
        '',
        'De speeltuin is al een jaar dicht. Daarom vragen wij u het volgende:',
        '',
        '  • de speeltuin voor de zomer te openen;',
        '  • de bewoners te betrekken bij de inrichting.',
        '',
        'Met vriendelijke groet,',
        '',
        'Bewonersvereniging Molenwijk',
      ].join('\n'),
    );
    assert.equal(got.type, 'brief');
  });

  it('types a letter to the college whose bullets follow "willen we graag van u weten" as written questions, each bullet a question', () => {
    const got = parseDocument(
      [
        'Afspraken over het geluid bij buitenfeesten',
        '',
        'Geacht college,',
        '',
        'Ieder jaar bereiken ons klachten over het geluid bij feesten in de openlucht.',
        '',
        'Daarom willen we graag van u weten;',
        '',
        '  • Welke afspraken maakt u met de organisatoren over het geluid? Wij rekenen erop dat u een norm stelt.',
        '  • Hoe u de naleving van die afspraken gaat controleren.',
        '',
        'Met vriendelijke groet,',
        '',
        'Koos de Wit',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.deepEqual(
      got.questions.map((q) => q.question),
      [
        'Welke afspraken maakt u met de organisatoren over het geluid? Wij rekenen erop dat u een norm stelt.',
        'Hoe u de naleving van die afspraken gaat controleren.',
      ],
    );
  });

  it('types questions labelled one by one and answered as written questions, with each answer', () => {
    const got = parseDocument(
      [
        'College beantwoordt D66 over het nieuwe sportpark',
        '',
        'Vraag 1:',
        'Kunt u bevestigen dat de vereniging niet is gehoord over de plannen?',
        '',
        'Antwoord:',
        'Nee, de vereniging is in maart gesproken.',
        '',
        'Vraag 2:',
        'Wanneer krijgt de raad het definitieve ontwerp te zien?',
        '',
        'Antwoord:',
        'Na de zomer.',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.deepEqual(
      got.questions.map((q) => q.answer),
      ['Nee, de vereniging is in maart gesproken.', 'Na de zomer.'],
    );
  });

  it('types a paragraph of questions signed in brackets by who asks as written questions', () => {
    const got = parseDocument(
      [
        'Overzicht bestuurlijke vragen',
        '',
        'Maaibeleid',
        '',
        'In de vergadering van 4 juni is het maaibeleid besproken. Hoe kijkt u aan tegen het later maaien van de bermen? Is dit al eerder onderzocht? Welke kosten zijn hiermee gemoeid? (Anna Visser, 12 juni 2023)',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
  });

  it('keeps a report that quotes a question in its sentences as news', () => {
    const got = parseDocument(
      [
        'College beantwoordt vragen over parkeren',
        '',
        'Het college heeft de vragen van de fractie beantwoord over het parkeren in het centrum.',
        '',
        '“Bent u bereid het parkeren op eigen terrein strenger te handhaven?”, is de eerste vraag die de partij stelt.',
        '',
        '“Nee. De regels volstaan”, antwoordt het college.',
      ].join('\n'),
    );
    assert.equal(got.type, 'nieuws');
  });
});
