// Runs the migrations in migrations/ (TypeScript under tsx, compiled JavaScript in dist/).
import path from 'node:path';
import type { Db } from './knex';

const MIGRATIONS_DIR = path.join(__dirname, '..', '..', 'migrations');
const EXTENSION = path.extname(__filename); // '.ts' when run from source, '.js' when compiled

export async function migrateLatest(db: Db): Promise<string[]> {
  const [, applied] = await db.migrate.latest({ directory: MIGRATIONS_DIR, loadExtensions: [EXTENSION] });
  return applied as string[];
}
