// The paste-import's figures on the real-document corpus, as `npm run documents:eval` prints them:
// dev (tuned on) and holdout (never tuned on). The floors are the figures reached when the
// recogniser of issue 20 was built; a change that makes them worse fails here. Raise them when the
// recogniser gets better; never lower them to let a change through.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { SetScore } from '../../../server/documents/evaluation';

const ROOT = path.join(__dirname, '..', '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function figures(set: 'dev' | 'holdout'): SetScore {
  const res = spawnSync(TSX, [path.join('server', 'cli', 'documents-eval.ts'), '--set', set, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(res.status, 0, res.stderr);
  return (JSON.parse(res.stdout) as { total: SetScore }).total;
}

const pct = (n: number, d: number) => `${n}/${d} (${((100 * n) / d).toFixed(1)} %)`;

/**
 * Shares, so the floors hold when documents are added to the corpus. Rebased once, when rounds six and
 * seven added 46 documents (17 of them to the holdout): the holdout's type share fell from 19/21 because
 * its new documents are harder, not because the recogniser got worse. Round eight (session 10) added 28
 * dev documents the parser had never seen; on them the session-9 parser fell to type 92/97, found
 * 389/462, wrong 9/398 and pairs 356/418, so the dev floors are those reached on the grown set: type
 * 94/97, found 403/462, wrong 7/410, pairs 397/418. The holdout floors only went up (55 documents:
 * type 51/55, found 191/269, wrong 16/207, pairs 195/259). Session 10's second round (glued "over" in heads,
 * table-cell headers, alternating unnumbered questions and answers, "Vraag van het lid", party lines under
 * signers) reached dev type 95/97, found 427/462, wrong 6/433, pairs 407/418 and holdout type 52/55, found
 * 209/269, wrong 15/224, pairs 203/259. Round three (fragment values, label lines ending a signature, a kenmerk
 * inside another header's value) reached dev found 428/462, wrong 6/434; holdout unchanged (found 209/269, wrong 15/224).
 * Session 11 (values run to their end, lone labels in the text are no header, a document's number by its genre)
 * reached dev found 431/462, wrong 4/435 on the 97 dev documents. Round nine added 32 dev documents; on them the
 * session-10 parser read found 84/123, wrong 7/91, pairs 59/71, session 11's found 93/123, wrong 3/96, pairs 63/71,
 * so the dev floors are those session 11 reaches on the grown set of 129: type 125/129, found 524/585, wrong 7/531,
 * pairs 470/489. Its holdout figures were not looked at (the lead runs them). Rebased a second time when round nine
 * added 19 holdout documents nobody had run a parser on: on the 55 before, session 11 holds type 52/55, found 209/269,
 * wrong 15/224 and raises pairs to 209/259; on the 19 new ones it reads type 16/19, found 43/72, wrong 5/48, pairs 50/54,
 * so the holdout floors are those of the grown set of 74: type 68/74, found 252/341, wrong 20/272, pairs 259/313.
 * Rebased a third time in session 12, when round ten added 36 dev and 20 holdout documents nobody had run a parser
 * on. Before that session's rules the grown sets read dev type 157/165, found 568/669, wrong 20/588, pairs 512/553
 * (the 36 new: found 44/84, wrong 13/57) and holdout type 85/94, found 285/399, wrong 29/314, pairs 282/338 (the 20
 * new: type 17/20, found 33/58, wrong 9/42, pairs 23/25). Session 12's rules (rows of labels over rows of values,
 * heads of written questions by their parts, pages of questions, precision rules from the 36 new dev documents)
 * reach dev type 161/165, found 594/669, wrong 11/605, pairs 529/553 and holdout (measured once, in aggregate)
 * type 85/94, found 291/399, wrong 28/319, pairs 294/338: those are the floors. Session 13 (the party that asks read
 * by the opening sentence's grammar, signers as 'Name (Party)' and 'Name, Party', 'Place, d.d. D') raised dev found to
 * 602/669 (wrong 11/613); pairing as an alignment of numbered sequences (joined answers to questions asked apart,
 * more answer marks, a question mark lost at a page break) raised dev pairs to 532/553. Rebased a fourth time when
 * round eleven added 46 dev and 22 holdout documents nobody had run a parser on. Before session 13's rules the 46 new
 * dev documents read type 41/46, found 77/143, wrong 14/91, pairs 41/49, and the 22 new holdout documents type 21/22,
 * found 31/70, wrong 8/39, pairs 26/31. Session 13's rules (also a motie's own fields by a grammar of its shapes, the
 * address window's "t.a.v.", a flattened two-column letterhead, a nota to the college as a memo) reach dev type
 * 203/211, found 717/812, wrong 19/736, pairs 573/602 (the 46 new: 42/46, 110/143, 8/118, 41/49) and holdout
 * (measured once, in aggregate) type 106/116, found 341/469, wrong 33/374, pairs 338/369: those are the floors.
 * Rebased a fifth time in session 14, when round twelve added 57 dev and 26 holdout documents nobody had run a
 * parser on: 38 from the stored web pages (26 dev, 12 holdout, mostly written questions) and 45 raadsinformatiebrieven
 * and kennisgevingen of one college, Zaanstad (31 dev, 14 holdout, one source). Before the session's rules the 26 new
 * dev documents of the web pages read type 24/26, found 35/96, wrong 24/59, pairs 92/110, the 31 of Zaanstad type
 * 1/31, found 47/128, wrong 11/58; the 26 new holdout documents type 12/26, found 38/96, wrong 14/52, pairs 31/33.
 * The session's rules: header fields of written questions (a party as who asks, fractions asking in the opening's
 * sentences, form lines, signer party lines, a questions head inside "Betreft:"), one date module, a field read from
 * evidence more often wrong than not on fresh documents (the title line as onderwerp, a letterhead's organisation as
 * afzender) offered to the editor as a suggestion instead of filled in (the lead's choice: found lowered on purpose,
 * wrong tightened), an informing letter to the raad or Staten as a raadsinformatiebrief, and for RIBs the genre from
 * the title line, labels without a colon, a PDF's running header, the college and an office holder as sender. They
 * reach dev (268) type 259/268, found 884/1036, wrong 30/914, pairs 672/719, and holdout (142, measured once, in
 * aggregate) type 131/142, found 408/565, wrong 33/441, pairs 369/402 (without the 14 of Zaanstad: 118/128,
 * 361/510, 33/394, 369/402; the 116 of before: 107/116, 339/469, 26/365, 338/369).
 * Rebased a sixth time in session 15, when round thirteen added 26 dev and 13 holdout documents nobody had run a parser
 * on (stored web pages: written questions of 23 places and provinces, municipal moties, news). Fresh, with session 15's
 * first rules (a meeting's agenda date is no document date, "op D … vragen gesteld" dates questions), the 26 new dev
 * documents read type 24/26, found 37/83, wrong 8/45, pairs 85/92, and the 13 new holdout documents type 12/13, found
 * 21/40, wrong 7/28, pairs 45/45. The session's rules from the 26 (a party lexicon with local parties' shapes, who asks
 * in the opening's sentences, to whom they are put, signers "Name Party", a motie's number, title and outcome, an
 * iBabs record with its labels glued to the values) reach dev (294) type 285/294, found 985/1119, wrong 37/1022, pairs
 * 757/811 (the 26 new: 25/26, 74/83, 9/83, 85/92) and holdout (155, measured once, in aggregate) type 143/155, found
 * 447/605, wrong 40/487, pairs 414/447 (the 13 new: 12/13, 23/40, 7/30, 45/45: the new rules found 2 more fields on
 * them and no fewer wrong): those are the floors. Session 16's third rules (rules30, dev only; the holdout not
 * measured) raise dev to type 285/294, found 994/1119, wrong 36/1030, pairs 762/811. Session 17's rules (rules31, dev only;
 * the holdout not measured: parts of a question as a list indented under it, a restarted numbering known by position,
 * members who ask by their title, abbreviations in a header value, numbers without their mark, an answer letter's date,
 * questions printed again with their answers, a registered number beside "ingezonden"; two dev labels put right) raise
 * dev to type 285/294, found 1006/1121, wrong 33/1039, pairs 779/811.
 * Rebased a seventh time in session 17, when round fourteen added 21 dev and 11 holdout documents nobody had run a
 * parser on (stored web pages: written questions of 17 municipalities and 6 provinces, the first written answers of
 * Gedeputeerde Staten, moties, news). Fresh, with session 16's parser, the 21 new dev documents read type 20/21, found
 * 41/77, wrong 11/52, pairs 64/71 (after four labels were put right to the corpus's convention: "Indiendatum" and "op D
 * … vragen gesteld" give ingekomen), and the 11 new holdout documents type 8/11, found 16/33, wrong 7/23, pairs 23/37.
 * With the session's rules (rules31, and from the new dev documents a motie's plural closing formula, acronyms of local
 * parties with small letters, local party names with capitalised small words) dev (315) reads type 305/315, found
 * 1050/1198, wrong 44/1094, pairs 843/882 (the 21 new: 20/21, 44/77, 11/55, 64/71), and the holdout (166, measured once,
 * in aggregate) type 151/166, found 469/638, wrong 47/516, pairs 436/484 (the 155 of before: 143/155, 453/605, 40/493,
 * 413/447; the 11 new: unchanged, 8/11, 16/33, 7/23, 23/37): those are the floors. Session 18's rules (rules32, dev
 * only; the holdout not measured: a record's own labels, subjects that point back, one vocabulary of subject words, a
 * page's date only when the page states one, a headline about the questions' fate, a numbered agendapunt, one party
 * shape) raise dev to type 305/315, found 1054/1198, wrong 35/1089, pairs 846/882. Rebased an eighth time when round
 * fifteen added 19 dev documents (334): with round fifteen's rules and session 18's merged, dev reads type 323/334,
 * found 1091/1274, wrong 43/1134, pairs 900/939 (without session 18's rules 323, 1089, 48/1137, 900). The lead's rules
 * from round fifteen's dev documents and the review's corrections raise dev to type 323/334, found 1098/1274, wrong
 * 40/1138, pairs 900/939: the dev floors. The holdout, grown to 176 by round fifteen's 10 and measured once at the end of
 * session 18 (in aggregate), reads type 159/176, found 491/674, wrong 50/541, pairs 470/530 (the 166 of before: 151,
 * 470/638, 45/515, 436/484; the 10 new, as read fresh before the session's rules and after: 8/10, 21/36, 5/26,
 * 34/46): the holdout floors then. Rebased a ninth time when round sixteen added 26 documents (17 dev, 9 holdout):
 * read fresh with session 18's parser the 17 dev ones gave type 14/17, found 18/51, wrong 5/23, pairs 42/56 and the 9
 * holdout ones 8/9, 13/29, 6/19, 22/28. Session 19's rules from the 17 dev ones (lists introduced as questions, heads
 * with the verb first, a Betreft that cites the rules, outcomes in other words, doubled paragraph breaks, an envelope's
 * "te X", abbreviated parties spelled out) take them to 16/17, 30/51, 3/33, 54/56 and dev (351) to type 339/351, found
 * 1129/1325, wrong 42/1171, pairs 954/995: the dev floors. The holdout (185), measured once at the end of the session's
 * rules, reads type 168/185, found 509/703, wrong 54/563, pairs 496/558 (the 176 of before: 160, 495/674, 49/544,
 * 474/530, each better than session 18's 159, 491/674, 50/541, 470/530; the 9 new 8/9, 14/29, 5/19, 22/28): the holdout
 * floors then. Rebased a tenth time in session 20, when round seventeen added 25 documents (16 dev, 9 holdout; read
 * fresh with session 19's parser: dev 15/16, 28/51, 4/32, 49/71; holdout 7/9, 15/35, 4/19, 20/27) and a label audit
 * made blind to the parser gave `aan` and a web page's post date one convention each (46 and 9 label files, dev and
 * holdout: test/fixtures/documents/real/README.md, "Session 20 label audit"). With session 20's rules dev (367) reads
 * type 354/367, found 1200/1416, wrong 39/1239, pairs 1018/1066: the dev floors. The holdout (194), measured in
 * aggregate after the rules and the audit, reads type 175/194, found 541/751, wrong 60/601, pairs 516/585: the holdout
 * floors. On the 185 of before, with the audited labels, session 19's parser reads 168, 511/716, 51/562, 496/558 and
 * session 20's 168, 525/716, 56/581, 496/558: 14 more found, 5 more wrong (docs/documents.md). Rebased an eleventh
 * time in the same session, when round eighteen added 20 documents (13 dev, 7 holdout; read fresh with the session's
 * parser before them: dev 12/13, 31/62, 9/40, 57/61; holdout 7/7, 15/28, 2/17, 27/27) and its dev texts gave rules
 * (answers numbered "N. Antwoord:", to whom with the verb at the end, rules cited before the subject): dev (380) reads
 * type 366/380, found 1236/1478, wrong 45/1281, pairs 1078/1127: the dev floors. The holdout (201), measured in
 * aggregate, reads type 182/201, found 558/779, wrong 62/620, pairs 543/612 (the 194 of before 175, 543/751, 60/603,
 * 516/585; the 7 new unchanged by the rules): the holdout floors.
 */
const FLOORS = {
  dev: { types: 0.963, found: 0.836, wrong: 0.036, pairs: 0.956 },
  holdout: { types: 0.905, found: 0.716, wrong: 0.1, pairs: 0.887 },
};

describe('paste-import figures on the real-document corpus', function () {
  this.timeout(120_000);

  for (const set of ['dev', 'holdout'] as const) {
    it(`${set}: type, fields found, fields wrong and pairs stay at or above the figures reached`, () => {
      const t = figures(set);
      console.log(
        `      ${set}: soort ${pct(t.typesRight, t.documents)}, velden gevonden ${pct(t.fieldsFound, t.fieldsExpected)}, ` +
          `fout gemeld ${pct(t.fieldsWrong, t.fieldsReported)}, vragen met juist antwoord ${pct(t.pairsRight, t.questionsExpected)}`,
      );
      const f = FLOORS[set];
      assert.ok(t.typesRight / t.documents >= f.types, 'soort');
      assert.ok(t.fieldsFound / t.fieldsExpected >= f.found, 'velden gevonden');
      assert.ok(t.fieldsWrong / t.fieldsReported <= f.wrong, 'velden fout gemeld');
      assert.ok(t.pairsRight / t.questionsExpected >= f.pairs, 'vragen met juist antwoord');
    });
  }
});
