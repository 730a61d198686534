// The pairing on invented documents in every shape answers come in (issue 20, session 13), each read in every form
// `--perturb` gives (hard-wrapped, no blank lines, marks in bold, footers between a question and its answer, …):
// a recogniser that reads the numbered sequences pairs them the same way every time. Invented texts, no corpus copies.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { PERTURBATIONS } from '../../../server/documents/perturb';

const head =
  'Schriftelijke vragen van de fractie van D66 aan het college van burgemeester en wethouders over de fietsenstalling bij het station (ingezonden 3 maart 2025).\n\n';
const Q = [
  'Hoeveel plekken heeft de stalling bij het station op dit moment?',
  'Wanneer wordt de stalling uitgebreid, en met hoeveel plekken?',
  'Wie betaalt de uitbreiding van de stalling?',
  'Is het college bereid de stalling 24 uur per dag open te houden?',
];
const A = [
  'Er zijn op dit moment 1.200 plekken in de stalling.',
  'De uitbreiding is voorzien in 2026, met 400 plekken.',
  'De gemeente en ProRail betalen ieder de helft.',
  'Nee. Het college ziet daar geen aanleiding toe.',
];
const shapes: Record<string, string> = {
  'Vraag N / Antwoord N': Q.map((q, i) => `Vraag ${i + 1}\n${q}\n\nAntwoord ${i + 1}\n${A[i]}`).join('\n\n'),
  'Vraag N: / Antwoord:': Q.map((q, i) => `Vraag ${i + 1}: ${q}\nAntwoord: ${A[i]}`).join('\n\n'),
  'N. / Antwoord:': Q.map((q, i) => `${i + 1}. ${q}\n\nAntwoord:\n${A[i]}`).join('\n\n'),
  'N) q, then heading + N)':
    Q.map((q, i) => `${i + 1}) ${q}`).join('\n') + '\n\nAntwoorden van het college\n\n' + A.map((a, i) => `${i + 1}) ${a}`).join('\n\n'),
  'N. q then Antwoord op vraag N':
    Q.map((q, i) => `${i + 1}. ${q}`).join('\n') + '\n\n' + A.map((a, i) => `Antwoord op vraag ${i + 1}\n${a}`).join('\n\n'),
  'Ad N': Q.map((q, i) => `${i + 1}. ${q}`).join('\n') + '\n\nBeantwoording\n\n' + A.map((a, i) => `Ad ${i + 1}\n${a}`).join('\n\n'),
  'Ad N.': Q.map((q, i) => `${i + 1}. ${q}`).join('\n') + '\n\n' + A.map((a, i) => `Ad ${i + 1}. ${a}`).join('\n\n'),
  'Vraag N / Antwoord N / joined':
    Q.map((q, i) => `Vraag ${i + 1}\n${q}`).join('\n\n') + '\n\nAntwoord 1\n' + A[0] + '\n\nAntwoord 2 t/m 4\n' + A[1],
  'bold Vraag N / Antwoord N': Q.map((q, i) => `**Vraag ${i + 1}**\n${q}\n\n**Antwoord ${i + 1}**\n${A[i]}`).join('\n\n'),
  '<b>Vraag N:</b>': Q.map((q, i) => `<b>Vraag ${i + 1}:</b> ${q}\n<b>Antwoord:</b> ${A[i]}`).join('\n\n'),
  'VRAAG N caps': Q.map((q, i) => `VRAAG ${i + 1}\n${q}\n\nANTWOORD ${i + 1}\n${A[i]}`).join('\n\n'),
  'interleaved N. / italic answers': Q.map((q, i) => `${i + 1}. ${q}\n\n*${A[i]}*`).join('\n\n'),
  'Vraag N answered in one line': Q.map((q, i) => `${i + 1}. ${q} Antwoord: ${A[i]}`).join('\n\n'),
  'restart A/B':
    'A. Over de stalling\n\n' +
    Q.slice(0, 2)
      .map((q, i) => `${i + 1}. ${q}`)
      .join('\n') +
    '\n\nB. Over de kosten\n\n' +
    Q.slice(2)
      .map((q, i) => `${i + 1}. ${q}`)
      .join('\n') +
    '\n\nAntwoorden\n\nA. Over de stalling\n\n' +
    A.slice(0, 2)
      .map((a, i) => `${i + 1}. ${a}`)
      .join('\n') +
    '\n\nB. Over de kosten\n\n' +
    A.slice(2)
      .map((a, i) => `${i + 1}. ${a}`)
      .join('\n'),
  'Vraag N + Antwoord N, answers reversed order':
    Q.map((q, i) => `Vraag ${i + 1}\n${q}`).join('\n\n') + '\n\n' + [2, 1, 4, 3].map((n) => `Antwoord ${n}\n${A[n - 1]}`).join('\n\n'),
  'Vraag N / Antwoord N with footer between': Q.map(
    (q, i) => `Vraag ${i + 1}\n${q}\n${i === 1 ? '\nPagina 2 van 3\n' : ''}\nAntwoord ${i + 1}\n${A[i]}`,
  ).join('\n\n'),
  'Vraag N / Antwoord N, answer 3 missing': Q.map((q, i) => `Vraag ${i + 1}\n${q}${i === 2 ? '' : `\n\nAntwoord ${i + 1}\n${A[i]}`}`).join(
    '\n\n',
  ),
  'Vraag N / Antwoord N, answer 2 refers to 1': Q.map(
    (q, i) => `Vraag ${i + 1}\n${q}\n\nAntwoord ${i + 1}\n${i === 1 ? 'Zie het antwoord op vraag 1.' : A[i]}`,
  ).join('\n\n'),
  'N. q / Antwoord N (no heading, interleaved)': Q.map((q, i) => `${i + 1}. ${q}\nAntwoord ${i + 1}: ${A[i]}`).join('\n\n'),
  'Vraag N. q / Antwoord van het college:': Q.map((q, i) => `Vraag ${i + 1}. ${q}\nAntwoord van het college:\n${A[i]}`).join('\n\n'),
  'bare number alone / Antwoord': Q.map((q, i) => `${i + 1}\n${q}\nAntwoord\n${A[i]}`).join('\n\n'),
  '(N) q / heading / (N) a':
    Q.map((q, i) => `(${i + 1}) ${q}`).join('\n\n') + '\n\nAntwoord van het college\n\n' + A.map((a, i) => `(${i + 1}) ${a}`).join('\n\n'),
  'Vraag N q + Reactie college': Q.map((q, i) => `Vraag ${i + 1}\n${q}\nReactie college\n${A[i]}`).join('\n\n'),
  'questions then repeated with answers':
    Q.map((q, i) => `${i + 1}. ${q}`).join('\n') + '\n\nBeantwoording\n\n' + Q.map((q, i) => `${i + 1}. ${q}\n${A[i]}`).join('\n\n'),
  'Vraag N q + Antwoord N, long multi-para answers': Q.map(
    (q, i) => `Vraag ${i + 1}\n${q}\n\nAntwoord ${i + 1}\n${A[i]}\n\nDaarnaast merkt het college op dat dit punt in de raad is besproken.`,
  ).join('\n\n'),
};

const expected = (name: string): Array<[string, string | null]> => {
  if (name.includes('joined'))
    return [
      [Q[0], A[0]],
      [Q.slice(1).join(' '), A[1]],
    ];
  if (name.includes('missing')) return Q.map((q, i) => [q, i === 2 ? null : A[i]]);
  if (name.includes('refers')) return Q.map((q, i) => [q, i === 1 ? 'Zie het antwoord op vraag 1.' : A[i]]);
  if (name.includes('multi-para'))
    return Q.map((q, i) => [q, `${A[i]} Daarnaast merkt het college op dat dit punt in de raad is besproken.`]);
  return Q.map((q, i) => [q, A[i]]);
};
const flat = (s: string | null) => s && s.replace(/\*/g, '').replace(/\s+/g, ' ').trim();

describe('documents: every shape of questions and answers, in every form', () => {
  const forms: Record<string, (t: string) => string> = { 'zoals geschreven': (t) => t, ...PERTURBATIONS };
  for (const [name, body] of Object.entries(shapes))
    it(`pairs "${name}" in every form`, () => {
      for (const [form, f] of Object.entries(forms)) {
        const got = parseDocument(f(head + body)).questions.map((q) => [flat(q.question), flat(q.answer)]);
        assert.deepEqual(got, expected(name), `${name}, ${form}`);
      }
    });

  it('gives no answer where a paragraph under "Vraag N:" may be an explanation as well as an answer', () => {
    for (const [form, f] of Object.entries(forms)) {
      const text = head + Q.map((q, i) => `Vraag ${i + 1}: ${q}\n${A[i]}`).join('\n\n');
      assert.deepEqual(
        parseDocument(f(text)).questions.map((q) => q.answer),
        [null, null, null, null],
        form,
      );
    }
  });
});
