// Session 18 (rules32, issue 20): header fields refused, or read in full, by general shapes rather than by the documents
// that showed them: a record's line with a label of its own ends the value above it, an attachment keeps its own
// number. Every text is written for the test.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

describe('documents: refusing header values of the wrong shape', () => {
  it("ends a record's value at a glued label the vocabulary does not know, and keeps an attachment's own number", () => {
    const record = [
      'Artikel 40 vragen',
      '',
      'OnderwerpBankjes in het park',
      'SoortSchriftelijk ex art. 40 RvO',
      'RaadsledenAnna de Vries (D66)',
      'ToelichtingIn het park staan geen bankjes meer sinds de storm van vorig jaar.',
      'Bijlage(s)4.b Vragen over bankjes.docx',
    ];
    const got = parseDocument(record.join('\n'));
    assert.equal(got.type, 'schriftelijke-vragen');
    // "Soort" is no label of the vocabulary, but it stands between two of the record's labels: no part of the subject.
    assert.equal(got.fields.onderwerp, 'Bankjes in het park');
    // "4.b" is the attachment's number in the register, not a list's numbering.
    assert.deepEqual(got.fields.bijlagen, ['4.b Vragen over bankjes.docx']);
    assert.deepEqual(got.fields.indieners, ['Anna de Vries']);
    // A party written with a capital inside ("GroenLinks Zandmeer") between two labels is no label.
    const party = parseDocument(record.map((l) => (l.startsWith('Soort') ? 'GroenLinks Zandmeer' : l)).join('\n'));
    assert.equal(party.lines.find((l) => l.text === 'GroenLinks Zandmeer')?.text, 'GroenLinks Zandmeer');
    // A list's numbering still goes: "1. Bijlage A" is "Bijlage A".
    const listed = parseDocument(record.map((l) => (l.startsWith('Bijlage') ? 'Bijlage(s)1. Kaart van het park' : l)).join('\n'));
    assert.deepEqual(listed.fields.bijlagen, ['Kaart van het park']);
  });
});
