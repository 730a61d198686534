// What the weblog takes as an e-mail address, and when two addresses are one person.
import assert from 'node:assert/strict';
import { emailKey, mailboxKey, parseEmail } from '../../server/shared/email';

describe('e-mail addresses', () => {
  it('takes one plain local@domain, the domain in lower case and in Unicode', () => {
    for (const [typed, stored] of [
      ['jan@voorbeeld.nl', 'jan@voorbeeld.nl'],
      ['Jan.de.Vries@VOORBEELD.NL', 'Jan.de.Vries@voorbeeld.nl'],
      ['jan+weblog@mail.gemeente.example.nl', 'jan+weblog@mail.gemeente.example.nl'],
      ["o'brien@voorbeeld.ie", "o'brien@voorbeeld.ie"],
      ['zoë@café.nl', 'zoë@café.nl'],
      ['zoe@xn--caf-dma.nl', 'zoe@café.nl'],
      ['zoe\u0308@cafe\u0301.nl', 'zoë@café.nl'],
    ])
      assert.deepEqual(parseEmail(typed), { ok: true, address: stored }, typed);
  });

  it('refuses what a mail program reads as a name, a list or a route, and what is no address', () => {
    const cases: Array<[string, string]> = [
      ['<jan@voorbeeld.nl>', 'bracketed'],
      ['Jan <jan@voorbeeld.nl>', 'bracketed'],
      ['jan@voorbeeld.nl,', 'several'],
      ['jan@voorbeeld.nl;', 'several'],
      ['jan@voorbeeld.nl, piet@voorbeeld.nl', 'several'],
      ['jan @voorbeeld.nl', 'several'],
      ['jan@voorbeeld.nl\u00a0', 'several'],
      ['"jan"@voorbeeld.nl', 'invalid'],
      ['jan(werk)@voorbeeld.nl', 'invalid'],
      ['jan@[192.0.2.1]', 'invalid'],
      ['jan@192.0.2.1', 'invalid'],
      ['jan@localhost', 'invalid'],
      ['jan@voorbeeld', 'invalid'],
      ['jan@voorbeeld.nl.', 'invalid'],
      ['jan@-voorbeeld.nl', 'invalid'],
      ['jan@voor_beeld.nl', 'invalid'],
      ['jan@@voorbeeld.nl', 'invalid'],
      ['jan@piet@voorbeeld.nl', 'invalid'],
      ['.jan@voorbeeld.nl', 'invalid'],
      ['jan..piet@voorbeeld.nl', 'invalid'],
      ['@voorbeeld.nl', 'invalid'],
      ['jan@', 'invalid'],
      [`${'j'.repeat(65)}@voorbeeld.nl`, 'invalid'],
      [`jan@${'d'.repeat(64)}.nl`, 'invalid'],
      [`jan@${`${'d'.repeat(60)}.`.repeat(5)}nl`, 'invalid'],
    ];
    for (const [typed, problem] of cases) assert.deepEqual(parseEmail(typed), { ok: false, problem }, typed);
  });

  it('reads the mailbox an address reaches, for limits that protect an inbox', () => {
    assert.equal(mailboxKey('Jan+weblog@Voorbeeld.nl'), 'jan@voorbeeld.nl');
    assert.equal(mailboxKey('j.a.n+1@googlemail.com'), 'jan@gmail.com');
    assert.equal(mailboxKey('j.an@voorbeeld.nl'), 'j.an@voorbeeld.nl');
    assert.equal(mailboxKey('+only@voorbeeld.nl'), '+only@voorbeeld.nl');
  });

  it('compares addresses as one person whatever the case, the spaces around or the form of the domain', () => {
    const key = emailKey('jan@café.nl');
    for (const same of [' Jan@Café.NL ', 'JAN@xn--caf-dma.nl', 'jan@cafe\u0301.nl']) assert.equal(emailKey(same), key, same);
    assert.notEqual(emailKey('jan@cafe.nl'), key);
  });

  it('compares a value stored before the check as the mailbox a mail program delivered it to', () => {
    for (const legacy of [
      '<jan@voorbeeld.nl>',
      'Jan <Jan@Voorbeeld.nl>',
      'jan@voorbeeld.nl,',
      ' jan@voorbeeld.nl; ',
      'jan@voorbeeld.nl, piet@x.nl',
    ])
      assert.equal(emailKey(legacy), 'jan@voorbeeld.nl', legacy);
    assert.equal(emailKey(' Geen Adres '), 'geen adres');
  });
});
