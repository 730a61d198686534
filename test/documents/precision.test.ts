// Precision rules of issue 20, round 15: a value is refused, or read in full, by the shape of the text around it
// (a genre word before a title, a browser's title bar, an open letter's title), each on a text written for the test.
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/documents/parse';
import { letterAddressee } from '../../server/documents/parse/letters';

describe('documents: precision of titles and addressees', () => {
  it('leaves the genre out of a title\'s subject: "Schriftelijke vervolgvragen", "Schriftelijke vraag", "Statenvragen"', () => {
    for (const [title, subject] of [
      ['Schriftelijke vervolgvragen Parkeerbeleid', 'Parkeerbeleid'],
      ['Schriftelijke vraag Snoeien van de linden', 'Snoeien van de linden'],
      ['Statenvragen stikstofdepositie Peelrand', 'stikstofdepositie Peelrand'],
    ]) {
      const got = parseDocument(
        [
          title,
          '',
          'Geacht college,',
          '',
          'De fractie heeft over dit onderwerp de volgende vragen aan het college, naar aanleiding van berichten in de krant.',
          '',
          '1. Bent u bekend met het bericht in de krant van vorige week?',
          '2. Wat gaat u doen om de bewoners te informeren?',
        ].join('\n'),
      );
      assert.equal(got.fields.onderwerp, subject, title);
    }
  });

  it('reads no subject from a browser\'s title bar ("Site | Titel")', () => {
    const got = parseDocument(
      [
        'Het Dorpsblad | Brief aan de bewoners van de Kerkbuurt',
        '',
        'Brief aan de bewoners van de Kerkbuurt over de werkzaamheden.',
        '',
        'Beste bewoners,',
        '',
        'In de komende weken wordt de riolering in uw straat vervangen, en daarom is de straat een tijd lang afgesloten voor verkeer.',
      ].join('\n'),
    );
    assert.equal(got.fields.onderwerp, undefined);
  });

  it('reads the addressee of an open letter to parties, without the run of dots after it', () => {
    assert.equal(letterAddressee('Open brief aan D66, GBLV en GroenLinks......'), 'D66, GBLV en GroenLinks');
    assert.equal(letterAddressee('Open brief aan de gemeente Apeldoorn.'), 'de gemeente Apeldoorn');
    assert.equal(letterAddressee('Brief aan Sinterklaas'), null);
    assert.equal(letterAddressee('Open brief aan Jan en Piet'), null);
    const got = parseDocument(
      [
        'Open brief aan VVD, CDA en SP…',
        '',
        'Geachte fractieleden,',
        '',
        'Op 3 mei bent u in de wijk geweest om met de bewoners te praten over de nieuwe brug, en daar zijn wij u dankbaar voor.',
      ].join('\n'),
    );
    assert.equal(got.type, 'brief');
    assert.equal(got.fields.aan, 'VVD, CDA en SP');
  });
});
