// A college's information to the council (issue 20, round 15): the genre from its own title line, labels
// without a colon, a PDF's running header, the addressee and the college as sender. Invented examples of
// other municipalities' layouts; the real documents of round twelve are measured by documents:eval.
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/documents/parse';

const text = (...lines: string[]) => lines.join('\n');

describe('documents: a college informing the council', () => {
  it('reads the genre from a title line with a footnote mark glued on, over a letter salutation in the text', () => {
    const got = parseDocument(
      text(
        'RAADSINFORMATIEBRIEF1',
        '',
        'Onderwerp: Verplaatsing van de milieustraat',
        'Portefeuillehouder: A. de Wit',
        '',
        'Geachte leden van de raad,',
        '',
        'Met deze brief informeren wij u over de verplaatsing van de milieustraat naar het bedrijventerrein.',
      ),
    );
    assert.equal(got.type, 'raadsinformatiebrief');
  });

  it('reads "Kennisgeving" as the title of a college member informing the council', () => {
    const got = parseDocument(
      text(
        'gemeente Heerhugowaard',
        'Kennisgeving',
        'AAN: Gemeenteraad',
        'DATUM: 3 maart 2025',
        'ONDERWERP: Afsluiting van de Stationsweg',
        '',
        'Van 10 tot en met 14 maart is de Stationsweg afgesloten voor het vervangen van de riolering.',
        '',
        'Met vriendelijke groet, P. Jansen, wethouder',
      ),
    );
    assert.equal(got.type, 'raadsinformatiebrief');
    assert.equal(got.fields.onderwerp, 'Afsluiting van de Stationsweg');
  });

  it('keeps numbered questions with their answers under such a title as answers to questions', () => {
    const got = parseDocument(
      text(
        'Kennisgeving',
        'ONDERWERP: Technische vragen over het bestemmingsplan Molenwijk',
        '',
        '1. Wanneer begint de bouw van de eerste woningen?',
        'Antwoord: In het voorjaar van 2026.',
        '',
        '2. Hoeveel sociale huurwoningen komen er?',
        'Antwoord: Dertig procent van de woningen.',
      ),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
  });

  it('does not take a public notice that only starts with the genre word for the title', () => {
    const got = parseDocument(
      text(
        'Kennisgeving van een ontwerpbesluit',
        '',
        'Burgemeester en wethouders maken bekend dat het ontwerpbesluit vanaf 1 april ter inzage ligt in het gemeentehuis.',
      ),
    );
    assert.equal(got.type, 'nieuws');
  });
});
