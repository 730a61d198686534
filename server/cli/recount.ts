// npm run recount: rebuilds every reacties counter from the reacties themselves, stores the HTML of
// reacties written before Stadslog kept it, and makes the excerpts of articles without a summary of
// their own again (articles/excerpt.ts: never the title again).
import { recountAll, siteReactieTotal } from '../reacties/counters';
import { fillMissingBodyHtml } from '../reacties/queries';
import { refreshAutoExcerpts } from '../articles/queries';
import { openDatabase, progressLine, runCommand } from './cli-support';

runCommand(async () => {
  const { db } = await openDatabase();
  const before = await siteReactieTotal(db);
  const { articles, total } = await recountAll(db, (done, all) => progressLine('Artikel', done, all));
  console.log(
    `${articles.toLocaleString('nl-NL')} artikelen geteld. Totaal aantal reacties: ${before.toLocaleString('nl-NL')} → ${total.toLocaleString('nl-NL')}.`,
  );
  const filled = await fillMissingBodyHtml(db);
  if (filled) console.log(`${filled.toLocaleString('nl-NL')} reacties kregen hun opgemaakte tekst.`);
  const excerpts = await refreshAutoExcerpts(db);
  if (excerpts) console.log(`${excerpts.toLocaleString('nl-NL')} artikelen kregen een nieuwe samenvatting uit hun tekst.`);
  await db.destroy();
});
