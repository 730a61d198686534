// Placeholder: the demo site is written in its own change.
import type { Db } from '../db/knex';

export interface DemoAccount { role: string; email: string; password: string }

export async function seedDemoContent(_db: Db, _now: Date): Promise<{ accounts: DemoAccount[] } | null> {
  return null;
}
