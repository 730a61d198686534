// npm run recount: rebuilds every reacties counter from the reacties themselves.
import { recountAll, siteReactieTotal } from '../reacties/counters';
import { openDatabase, progressLine, runCommand } from './cli-support';

runCommand(async () => {
  const { db } = await openDatabase();
  const before = await siteReactieTotal(db);
  const { articles, total } = await recountAll(db, (done, all) => progressLine('Artikel', done, all));
  console.log(
    `${articles.toLocaleString('nl-NL')} artikelen geteld. Totaal aantal reacties: ${before.toLocaleString('nl-NL')} → ${total.toLocaleString('nl-NL')}.`,
  );
  await db.destroy();
});
