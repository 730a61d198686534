// To whom a document is addressed, from every place the corpus's convention names (issue 20, session 20): an "Aan"
// line first, then a sentence that puts the questions to someone (a council's form: "Het college wordt verzocht de
// volgende vragen schriftelijk te beantwoorden:"), then a salutation that names only an office or a body ("Geacht
// college,"). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

const QUESTIONS = ['1. Is het college bekend met de klachten van omwonenden?', '2. Welke maatregelen neemt het college, en wanneer?'];
const questions = (...head: string[]) => parseDocument([...head, '', ...QUESTIONS].join('\n'));

describe('documents: the addressee, from a line, a request or a greeting', () => {
  it("reads a council form's request to answer as the addressee", () => {
    const got = questions(
      'Bankjes in het Dijkpark',
      '',
      'Schriftelijke vragen',
      '',
      'Indiendatum: 3 mei 2024',
      '',
      'Het college/de burgemeester wordt verzocht de volgende vraag/vragen schriftelijk te beantwoorden:',
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.equal(got.fields.aan, 'Het college/de burgemeester');
    assert.equal(
      questions('Schriftelijke vragen', '', 'Het college wordt verzocht de volgende vragen te beantwoorden:').fields.aan,
      'Het college',
    );
  });

  it('reads a greeting that names only an office or a body, as written, and nothing from a greeting of a person', () => {
    assert.equal(questions('Schriftelijke vragen over bankjes', '', 'Geacht college,').fields.aan, 'college');
    assert.equal(questions('Schriftelijke vragen over bankjes', '', 'Geachte voorzitter,').fields.aan, 'voorzitter');
    assert.equal(
      questions('Schriftelijke vragen over bankjes', '', 'Geacht College van burgemeester en wethouders,').fields.aan,
      'College van burgemeester en wethouders',
    );
    assert.equal(questions('Schriftelijke vragen over bankjes', '', 'Geachte heer Bakker,').fields.aan, undefined);
    assert.equal(questions('Schriftelijke vragen over bankjes', '', 'Geachte dames en heren,').fields.aan, undefined);
  });

  it('takes the greeting only when nothing else says to whom', () => {
    const got = questions('Aan: het college van burgemeester en wethouders van Zandmeer', 'Onderwerp: bankjes', '', 'Geacht college,');
    assert.equal(got.fields.aan, 'het college van burgemeester en wethouders van Zandmeer');
  });
});
