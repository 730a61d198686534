// Queries on accounts.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { toDate, toDateOrNull } from '../db/rows';
import { hashPassword } from './passwords';
import type { Role } from './roles';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  lastLoginAt: Date | null;
}

interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: unknown;
  last_login_at: unknown;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: toDate(row.created_at),
    lastLoginAt: toDateOrNull(row.last_login_at),
  };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserById(db: Db, id: number): Promise<User | null> {
  const row = await db<UserRow>('users').where({ id }).first();
  return row ? toUser(row) : null;
}

/** An account's address and name, also inside a transaction (a mail queued with a save); null when it is gone. */
export async function contactOf(conn: Db | Knex.Transaction, id: number): Promise<{ email: string; name: string } | null> {
  const row = await conn('users').where({ id }).first('email', 'name');
  return row ? { email: String(row.email), name: String(row.name) } : null;
}

export async function findUserForLogin(db: Db, email: string): Promise<(User & { passwordHash: string }) | null> {
  const row = await db<UserRow>('users')
    .where({ email: normalizeEmail(email) })
    .first();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function createUser(db: Db, input: { email: string; name: string; role: Role; password: string }): Promise<User> {
  const now = new Date();
  const [row] = await db('users')
    .insert({
      email: normalizeEmail(input.email),
      name: input.name,
      role: input.role,
      password_hash: await hashPassword(input.password),
      created_at: now,
    })
    .returning('*');
  return toUser(row as UserRow);
}

export async function recordLogin(db: Db, userId: number): Promise<void> {
  await db('users').where({ id: userId }).update({ last_login_at: new Date() });
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db<UserRow>('users').orderBy('email');
  return rows.map(toUser);
}

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  const row = await db<UserRow>('users')
    .where({ email: normalizeEmail(email) })
    .first();
  return row ? toUser(row) : null;
}

export async function changeRole(db: Db, id: number, role: Role): Promise<void> {
  await db('users').where({ id }).update({ role });
}

/**
 * An account without a password (an author moved in from WordPress): an empty hash matches no
 * password, so it cannot log in until an admin sets one (`npm run user:create` with its address).
 */
export async function createAccountWithoutPassword(db: Db, input: { email: string; name: string; role: Role }): Promise<number> {
  const [row] = await db('users')
    .insert({ email: normalizeEmail(input.email), name: input.name, role: input.role, password_hash: '', created_at: new Date() })
    .returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

/** Whether the account was made without a password (createAccountWithoutPassword) and has none yet. */
export async function awaitsPassword(db: Db, id: number): Promise<boolean> {
  const row = await db('users').where({ id }).first('password_hash');
  return row?.password_hash === '';
}

export async function setPassword(db: Db, id: number, password: string): Promise<void> {
  await db('users')
    .where({ id })
    .update({ password_hash: await hashPassword(password) });
}
