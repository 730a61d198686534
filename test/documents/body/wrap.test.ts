// Hard-wrapped texts (parse/wrap.ts): a document wrapped at a fixed width by an e-mail client or a
// PDF is recognised as the same document written with its own line breaks, and every input line still
// gets its role in the review step.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { toLines } from '../../../server/documents/parse/lines';
import { wrapWidth } from '../../../server/documents/parse/wrap';
import { PERTURBATIONS } from '../../../server/documents/perturb';

const QUESTIONS = [
  'Vragen van het lid Jansen (GroenLinks-PvdA) aan de Minister van Infrastructuur en Waterstaat over de verkeersveiligheid rond basisscholen in kleine kernen (ingezonden 4 maart 2024).',
  '',
  'Vraag 1',
  'Bent u bekend met het bericht dat het aantal ongelukken met fietsende kinderen rond basisscholen in kleine kernen de afgelopen vijf jaar is verdubbeld?',
  '',
  'Antwoord 1',
  'Ja, ik ben bekend met dat bericht en met het onderzoek van de Stichting Wetenschappelijk Onderzoek Verkeersveiligheid waarop het is gebaseerd.',
  '',
  'Vraag 2',
  'Welke maatregelen kunnen gemeenten nemen om de schoolroutes in kleine kernen veiliger te maken, en welke steun biedt het Rijk daarbij?',
  '',
  'Antwoord 2',
  'Gemeenten kunnen de maximumsnelheid verlagen, oversteekplaatsen inrichten en schoolzones aanleggen; het Rijk draagt bij via de regeling voor verkeersveiligheid.',
  '',
  'Vraag 3',
  'Bent u bereid om met de Vereniging van Nederlandse Gemeenten afspraken te maken over een landelijke aanpak van schoolzones?',
  '',
  'Antwoord 3',
  'Ik ga hierover in gesprek met de Vereniging van Nederlandse Gemeenten en informeer uw Kamer voor de zomer over de uitkomst.',
].join('\n');

/** A college's answer letter: a subject over two lines, questions with their answers, a signature. */
const LETTER = [
  'Gemeente Zuidhaven',
  '',
  'Aan de leden van de gemeenteraad van Zuidhaven',
  '',
  'Onderwerp: Beantwoording van de schriftelijke vragen van de fractie van Lokaal Belang over de verkeersveiligheid rond basisscholen in kleine kernen',
  'Datum: 5 maart 2024',
  'Ons kenmerk: 2024/123456',
  '',
  'Geachte leden van de raad,',
  '',
  'De fractie van Lokaal Belang heeft op 12 februari 2024 vragen gesteld over de verkeersveiligheid rond de basisscholen in de kleine kernen van onze gemeente. Hieronder beantwoorden wij deze vragen.',
  '',
  '1. Bent u bekend met het bericht dat het aantal ongelukken met fietsende kinderen rond basisscholen in kleine kernen de afgelopen vijf jaar is verdubbeld?',
  'Antwoord: Ja, wij zijn bekend met dat bericht en met het onderzoek waarop het is gebaseerd; de cijfers voor onze gemeente wijken daar niet van af.',
  '',
  '2. Welke maatregelen neemt het college om de schoolroutes in de kleine kernen veiliger te maken, en wanneer worden die genomen?',
  'Antwoord: Wij verlagen de maximumsnelheid rond de scholen naar dertig kilometer per uur en richten dit jaar nog drie schoolzones in.',
  '',
  'Met vriendelijke groet,',
  '',
  'Burgemeester en wethouders van Zuidhaven,',
  'de secretaris, de burgemeester,',
  'J. de Vries A. Bakker',
].join('\n');

describe('documents: a hard-wrapped text reads as the same document', () => {
  for (const [what, text, count] of [
    ['Kamervragen with answers', QUESTIONS, 3],
    ['a college letter with answers', LETTER, 2],
  ] as const)
    it(`finds the same type, fields and answered questions in ${what} wrapped at 72 or 60 columns`, () => {
      const plain = parseDocument(text);
      assert.equal(plain.type, 'schriftelijke-vragen');
      assert.match(String(plain.fields.onderwerp), /verkeersveiligheid rond basisscholen in kleine kernen$/);
      assert.equal(plain.questions.filter((q) => q.answer).length, count);
      for (const name of ['afgebroken op 72 tekens', 'afgebroken op 60 tekens']) {
        const wrapped = PERTURBATIONS[name](text);
        assert.ok(wrapped.split('\n').length > text.split('\n').length + 4, `${name}: the text is wrapped`);
        const got = parseDocument(wrapped);
        assert.equal(got.type, plain.type, name);
        assert.deepEqual(got.fields, plain.fields, name);
        assert.deepEqual(got.questions, plain.questions, name);
      }
    });

  it('gives every input line of a joined line its role, and keeps a broken word whole', () => {
    const wrapped = PERTURBATIONS['afgebroken op 60 tekens'](QUESTIONS).replace('verkeersveiligheid.', 'verkeersveilig-\nheid.');
    const got = parseDocument(wrapped);
    assert.equal(got.lines.length, wrapped.split('\n').length);
    wrapped.split('\n').forEach((line, i) => {
      if (/^(?:Vraag|Antwoord) \d/.test(line)) return;
      if (line.trim()) assert.notEqual(got.lines[i].role, 'blank', `line ${i + 1} "${line}" has a role`);
    });
    assert.match(got.questions[1].answer ?? '', /regeling voor verkeersveiligheid\.$/);
  });

  it('leaves a text of long paragraph lines and short header lines as it is', () => {
    const web = [
      'Onderwerp: Groenonderhoud in de wijk',
      'Datum: 5 maart 2024',
      '',
      'Geacht college,',
      '',
      `${'De fractie maakt zich zorgen over het onderhoud van het groen in de wijk Noord. '.repeat(4)}`,
      `${'Bewoners melden dat de bermen al maanden niet zijn gemaaid en dat de bomen niet worden gesnoeid. '.repeat(3)}`,
      'Wij stellen daarom de volgende vragen.',
      '1. Wanneer wordt het groen gemaaid?',
      '2. Wie is verantwoordelijk?',
    ].join('\n');
    assert.equal(wrapWidth(toLines(web)), null);
  });
});
