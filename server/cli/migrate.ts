// npm run migrate (and the Procfile's release step): brings the database schema up to date.
import { openDatabase, runCommand } from './cli-support';

runCommand(async () => {
  const { db, applied } = await openDatabase();
  console.log(applied.length ? `Migraties uitgevoerd:\n${applied.map((m) => `  ${m}`).join('\n')}` : 'De database is al bij.');
  await db.destroy();
});
