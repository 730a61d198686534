// The measure behind `npm run documents:eval`: what counts as a field found, a field wrong and a
// question paired with its right answer.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { normalise, overlap, scoreDocument, sumScores } from '../../../server/documents/evaluation';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('documents:eval scoring', () => {
  it('ignores markup, typographic variants, spacing and a closing stop, not words', () => {
    assert.equal(normalise('<b>Onderwerp</b>  *Peel 6.1* –  samenwerking.'), 'onderwerp peel 6.1 - samenwerking');
    assert.equal(overlap('Is het college bekend met de klachten?', 'is het college  bekend met de klachten'), 1);
    assert.ok(overlap('Is het college bekend?', 'Wat kost het?') < 0.5);
  });

  it('counts a field found only with its stated value, and a reported field the text does not state as wrong', () => {
    const score = scoreDocument(
      {
        type: 'brief',
        fields: { onderwerp: 'Peel 6.1', datum: '2015-03-06', bijlagen: ['Ingekomen brief griffie'] },
        questions: [],
      },
      {
        type: ['brief', 'raadsinformatiebrief'],
        fields: { onderwerp: 'Peel 6.1.', datum: '2015-03-05', kenmerk: '2015.08141' },
        questions: [],
      },
    );
    assert.equal(score.typeRight, true);
    assert.equal(score.fieldsExpected, 3);
    assert.equal(score.fieldsFound, 1);
    assert.equal(score.fieldsReported, 3);
    assert.equal(score.fieldsWrong, 2);
    assert.ok(score.misses.includes('kenmerk: niet gevonden ("2015.08141")'));
  });

  it('pairs questions by their number and needs the right answer, or rightly none', () => {
    const score = scoreDocument(
      {
        type: 'schriftelijke-vragen',
        fields: {},
        questions: [
          { number: 1, question: 'Kent u het bericht?', answer: 'Ja.' },
          { number: 2, question: 'Wat gaat u doen?', answer: null },
          { number: 3, question: 'Wanneer?', answer: 'Mevr. P. Blanksma, burgemeester' },
        ],
      },
      {
        type: 'schriftelijke-vragen',
        fields: {},
        questions: [
          { number: '1', question: 'Kent u het bericht?', answer: 'Ja' },
          { number: '2', question: 'Wat gaat u doen?', answer: 'Wij gaan het onderzoeken.' },
          { number: '3', question: 'Wanneer?', answer: null },
        ],
      },
    );
    assert.equal(score.pairsRight, 1);
    assert.deepEqual(score.misses, ['vraag 2: antwoord niet gevonden', 'vraag 3: antwoord gevonden waar er geen is']);
    assert.equal(sumScores([score, score]).pairsRight, 2);
  });

  it('npm run documents:eval prints the figures of a set in Dutch', function () {
    this.timeout(60_000);
    const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/cli/documents-eval.ts', '--set', 'seeds'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 50_000,
    });
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /seeds: 5 documenten/);
    assert.match(res.stdout, /soort goed: +\d+\/5/);
    assert.match(res.stdout, /vragen met juist antwoord: \d+\/7/);
    const bad = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/cli/documents-eval.ts', '--set', 'alles'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 50_000,
    });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /Onbekende set "alles"/);
    assert.doesNotMatch(bad.stderr, /\n\s+at /, 'a message, not a stack trace');
    const noDir = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/cli/documents-eval.ts', '--dir', '/nergens'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 50_000,
    });
    assert.equal(noDir.status, 1);
    assert.equal(noDir.stderr.trim(), 'Map niet gevonden: /nergens/holdout. --dir MAP leest de sets uit MAP/dev en MAP/holdout.');
  });
});
