// What a post asks first, in one statement (repeatAndRule): the reactie an earlier send of the same
// form stored, and the moderator's rule in force for the address; the same answers as the two
// lookups it replaces (findBySubmissionKey, ruleInForce), on both databases.
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { buildArticle } from '../helpers/builders';
import { ruleInForce, setRule } from '../../server/addresses/rules';
import { findBySubmissionKey, insertReactie, repeatAndRule } from '../../server/reacties/queries';

describe('a post’s repeat check and address rule in one statement', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(async () => t.drop());

  it('answers what findBySubmissionKey and ruleInForce answer: none, a repeat, a rule in force, not an ended one', async () => {
    const article = await buildArticle(t.db);
    const now = new Date('2026-12-07T10:00:00Z');
    const id = await t.db.transaction((trx) =>
      insertReactie(
        trx,
        {
          articleId: article.id,
          parentId: null,
          authorName: 'Bewoner',
          authorEmail: 'b@example.nl',
          authorUrl: null,
          body: 'Tekst',
          status: 'pending',
          ip: null,
          userAgent: null,
          submissionKey: 'sleutel-1',
        },
        now,
      ),
    );
    const day = 24 * 60 * 60 * 1000;
    await setRule(t.db, 'adres-vast', { rule: 'hold', reason: 'Reclame', endsAt: new Date(now.getTime() + day), reactieId: id }, now);
    await setRule(t.db, 'adres-weg', { rule: 'block', reason: null, endsAt: new Date(now.getTime() + 2 * day), reactieId: null }, now);
    await setRule(t.db, 'adres-voorbij', { rule: 'block', reason: null, endsAt: new Date(now.getTime() - day), reactieId: null }, now);

    for (const key of ['sleutel-1', 'sleutel-2'])
      for (const address of ['adres-vast', 'adres-weg', 'adres-voorbij', 'adres-onbekend']) {
        const both = await repeatAndRule(t.db, key, address, now);
        assert.deepEqual(both.repeated, await findBySubmissionKey(t.db, key), `${key}, ${address}`);
        assert.deepEqual(both.rule, await ruleInForce(t.db, address, now), `${key}, ${address}`);
      }
    const found = await repeatAndRule(t.db, 'sleutel-1', 'adres-vast', now);
    assert.deepEqual(found.repeated, { id, status: 'pending' });
    assert.equal(found.rule?.rule, 'hold');
    assert.equal(found.rule?.reason, 'Reclame');
    assert.equal(found.rule?.reactieId, id);
    assert.equal((await repeatAndRule(t.db, 'sleutel-2', 'adres-weg', now)).rule?.rule, 'block');
    assert.equal((await repeatAndRule(t.db, 'sleutel-2', 'adres-voorbij', now)).rule, null, 'an ended rule is not in force');
    assert.equal((await repeatAndRule(t.db, 'sleutel-2', '', now)).rule, null);
  });
});
