// npm run bench:data -- --articles 10000 --reacties 1000000 [--big 500,5000,100000] [--file x.sqlite | --database postgres://…]
// Makes the benchmark's database: twenty years of a busy city weblog (see bench/generate.ts).
import { generateDatabase, parseSizes } from './bench/data';
import { parseFlags, runCommand } from './cli-support';

runCommand(async () => {
  const flags = parseFlags(process.argv.slice(2), ['articles', 'reacties', 'big', 'file', 'database']);
  await generateDatabase(
    parseSizes(flags),
    typeof flags.database === 'string' ? flags.database : typeof flags.file === 'string' ? flags.file : null,
  );
});
