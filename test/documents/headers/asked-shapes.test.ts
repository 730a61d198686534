// Heads of written questions as round eighteen's sources write them (issue 20, session 20): the rules cited between
// the genre and the subject ("stelt ex. Artikel 36 vragen over Z", "ex. art 33 RvO vragen betreffende Z", "Artikel
// 34-vragen RvO “Z”"), to whom with the verb at the end ("… de volgende vragen aan het college stellen:"), a motie's
// labelled subject with the genre's name in front, and answers numbered "1. Antwoord: …". Invented examples only.
import assert from 'node:assert/strict';
import { MOTIE_BODY } from '../../helpers/documents';
import { parseDocument } from '../../../server/documents/parse';

const QUESTIONS = ['1. Is het college bekend met de klachten van omwonenden?', '2. Welke maatregelen neemt het college, en wanneer?'];
const questions = (...head: string[]) => parseDocument([...head, '', ...QUESTIONS].join('\n'));

describe('documents: heads that cite the rules, ask with the verb at the end, and answers numbered with their word', () => {
  it("reads the subject after the rules cited, also after an abbreviation's full stop", () => {
    assert.equal(
      questions('Dorpsbelang Zandmeer stelt ex. Artikel 36 vragen over geluidsoverlast A28').fields.onderwerp,
      'geluidsoverlast A28',
    );
    assert.equal(
      questions('Volkspartij Zandmeer stelt ex. art 33 RvO vragen betreffende huisvesting arbeidsmigranten').fields.onderwerp,
      'huisvesting arbeidsmigranten',
    );
    assert.equal(questions('Artikel 34-vragen RvO “Parkeren in het centrum”').fields.onderwerp, 'Parkeren in het centrum');
  });

  it('reads to whom from "… de volgende vragen aan het college stellen:", over a greeting', () => {
    const got = questions(
      'Geacht college,',
      '',
      'De fractie van Dorpsbelang Zandmeer wil daarom graag de volgende ex. Artikel 36 vragen aan het college stellen:',
    );
    assert.equal(got.fields.aan, 'het college');
  });

  it("takes the genre's name off a motie's labelled subject, not 'Motie van treurnis'", () => {
    const motie = (subject: string) => parseDocument(['Motie nr.: 19', `Onderwerp: ${subject}`, '', ...MOTIE_BODY].join('\n'));
    assert.equal(motie('Motie voorkomen van zwerfkattenpopulaties').fields.onderwerp, 'voorkomen van zwerfkattenpopulaties');
    assert.equal(motie('Motie van treurnis Westerdreef').fields.onderwerp, 'Motie van treurnis Westerdreef');
  });

  it('pairs answers numbered "1. Antwoord: …" after the questions with them', () => {
    const got = parseDocument(
      [
        'Schriftelijke vragen over het fietspad',
        '',
        ' 1. Heeft het college kennis genomen van het artikel?',
        ' 2. Neemt het college het beheer van het fietspad over?',
        '',
        'Schriftelijke vragen van de fractie over het fietspad, en de antwoorden daarop van het college.',
        '',
        ' 1. Antwoord: Ja, het college heeft kennisgenomen van het artikel.',
        ' 2. Antwoord: Nee, het fietspad blijft van het waterschap.',
      ].join('\n'),
    );
    assert.equal(got.questions.length, 2);
    assert.equal(got.questions[0].answer, 'Ja, het college heeft kennisgenomen van het artikel.');
    assert.equal(got.questions[1].answer, 'Nee, het fietspad blijft van het waterschap.');
  });
});
