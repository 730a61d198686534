// Who asks, by the member's title in a sentence of the opening that tells of asking ("… stellen de raadsleden de heren A
// en B, Partij X, de volgende vragen:", "Het raadslid X vraagt …", "Mevrouw Y van de Partij Z heeft … vragen gesteld")
// (issue 20, session 17, rules31). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { membersAsking } from '../../../server/documents/parse/asking-members';

describe('documents: members who ask, by their title', () => {
  it('reads the titled members and their party, wherever the verb stands', () => {
    assert.deepEqual(
      membersAsking(
        'Op grond van artikel 41 stellen de raadsleden de dames Fenna Wouters en Ida de Lange, GroenLinks, de volgende vragen:',
      ),
      { names: ['Fenna Wouters', 'Ida de Lange'], party: 'GroenLinks' },
    );
    assert.deepEqual(membersAsking('Het raadslid Joost van der Meulen vraagt het college om opheldering.'), {
      names: ['Joost van der Meulen'],
    });
    assert.deepEqual(membersAsking('Inleiding\nDe heer Okkerse van de SP heeft schriftelijk enkele vragen gesteld over het buurthuis.'), {
      names: ['Okkerse'],
      party: 'SP',
    });
  });

  it('names no one where the sentence tells of no asking, or the fraction of a chair asks', () => {
    assert.equal(membersAsking('Raadslid Joost van der Meulen opende gisteren het buurthuis.'), null);
    assert.equal(membersAsking('De fractie van fractievoorzitter Joost van der Meulen stelt de volgende vragen aan het college:'), null);
  });

  it('fills in the indieners of written questions from the opening', () => {
    const doc = parseDocument(
      [
        'Vervolgvragen over het buurthuis',
        '',
        'Op grond van artikel 41 stellen de raadsleden de dames Fenna Wouters en Ida de Lange, GroenLinks, de volgende vragen:',
        '',
        '1. Wanneer gaat het buurthuis weer open?',
        '2. Is het college bereid de huur te verlagen?',
      ].join('\n'),
    );
    assert.equal(doc.type, 'schriftelijke-vragen');
    assert.deepEqual(doc.fields.indieners, ['Fenna Wouters', 'Ida de Lange']);
    assert.deepEqual(doc.fields.partijen, ['GroenLinks']);
  });

  it('takes a signer whose function is a member\'s ("gemeenteraadslid", "Statenlid", "Burgerlid") as who asks, after "In afwachting van uw antwoord,"', () => {
    for (const func of ['gemeenteraadslid', 'Statenlid', 'burgerlid']) {
      const got = parseDocument(
        [
          'Vragen over de speeltuin',
          '',
          'Geacht college,',
          '',
          'Hierop heeft het CDA de volgende vragen;',
          '',
          '1. Waarom is het klimrek verwijderd?',
          '2. Wanneer komt er een nieuw klimrek?',
          '',
          'In afwachting van uw spoedige antwoord,',
          '',
          `Mat de Bruin, ${func}`,
          '',
          'Namens de gemeenteraadsfractie van CDA Zandmeer',
        ].join('\n'),
      );
      assert.deepEqual(got.fields.indieners, ['Mat de Bruin'], func);
    }
  });
});
