// npm run search:reindex: analyses every article, document, attachment and reactie in the search
// index again with the Dutch analyser (after an upgrade, a restore, or a change of the lexicon).
// The site keeps answering meanwhile; what is not analysed yet is found again as soon as it is.
import { reindexAll } from '../search/indexer';
import { openDatabase, runCommand } from './cli-support';

runCommand(async () => {
  const { db } = await openDatabase();
  const started = Date.now();
  let lastLogged = -1;
  const done = await reindexAll(db, (n, total) => {
    const percent = total ? Math.floor((n / total) * 100) : 100;
    const line = `Zoekindex: ${n.toLocaleString('nl-NL')} van ${total.toLocaleString('nl-NL')} (${percent}%)`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}${n === total ? '\n' : ''}`);
    else if (percent >= lastLogged + 10 || n === total) {
      console.log(line);
      lastLogged = percent;
    }
  });
  const seconds = ((Date.now() - started) / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  console.log(`Klaar: ${done.toLocaleString('nl-NL')} stukken opnieuw geanalyseerd in ${seconds} s.`);
  await db.destroy();
});
