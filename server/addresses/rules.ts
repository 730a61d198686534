// A moderator's rule for the person behind an address (key.ts): 'hold' makes every new reactie wait
// for a moderator, 'block' refuses it. A rule always has an end: the moderator's date, or a year
// (RULE_DEFAULT_DAYS). Only rules in force count; the retention job deletes ended ones, and an AVG
// erasure deletes the person's rule at once (privacy/). SQL on address_rules lives here.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { COLUMN_LIMITS } from '../db/limits';
import { toDate } from '../db/rows';
import { KEPT } from '../db/pg-statements';

type Conn = Db | Knex.Transaction;

export const ADDRESS_RULES = {
  hold: { label: 'altijd vasthouden', done: 'wordt nu altijd vastgehouden' },
  block: { label: 'blokkeren', done: 'is nu geblokkeerd' },
} as const;
export type AddressRuleKind = keyof typeof ADDRESS_RULES;

export function isAddressRuleKind(value: unknown): value is AddressRuleKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ADDRESS_RULES, value);
}

/** Without an end date a rule lasts a year: nothing about a person is kept without an end. */
export const RULE_DEFAULT_DAYS = 365;
/** The latest end date a moderator may choose, in days from now. */
export const RULE_MAX_DAYS = 2 * 365;
/** A rule's reason: as long as its column (server/db/limits.ts). */
export const RULE_REASON_MAX = COLUMN_LIMITS.address_rules.reason;

export interface AddressRule {
  id: number;
  rule: AddressRuleKind;
  reason: string | null;
  endsAt: Date;
  reactieId: number | null;
  createdAt: Date;
}

const RULE_COLUMNS = ['id', 'rule', 'reason', 'ends_at', 'reactie_id', 'created_at'];

function toRule(row: Record<string, unknown>): AddressRule {
  return {
    id: Number(row.id),
    rule: row.rule === 'block' ? 'block' : 'hold',
    reason: (row.reason as string | null) ?? null,
    endsAt: toDate(row.ends_at),
    reactieId: row.reactie_id === null || row.reactie_id === undefined ? null : Number(row.reactie_id),
    createdAt: toDate(row.created_at),
  };
}

/**
 * The rule in force for an address (bindings: the address key, now) as a select with `leading`
 * columns before the rule's, to read with another statement's rows (a post reads it with its repeat
 * check: reacties/queries.ts); its row goes to ruleOfRow.
 */
export const ruleInForceSelect = (leading: string): string =>
  `select ${leading}, ${RULE_COLUMNS.join(', ')} from address_rules where address_key = ? and ends_at > ?`;

/**
 * Columns of another row in a union with ruleInForceSelect: `leading` first, `id` in the rule's id column and null
 * in the others, so the union keeps its shape whatever columns a rule gets.
 */
export const ruleShapedColumns = (leading: string, id: string): string =>
  `${leading}, ${RULE_COLUMNS.map((c) => (c === 'id' ? id : 'null')).join(', ')}`;

/** The rule read by ruleInForceSelect. */
export const ruleOfRow = (row: Record<string, unknown>): AddressRule => toRule(row);

/** The rule in force for this address now, if any. */
export async function ruleInForce(conn: Conn, addressKey: string, now: Date): Promise<AddressRule | null> {
  if (addressKey === '') return null;
  // Every post asks: kept prepared on PostgreSQL, so its columns are named (db/pg-statements.ts).
  const row = await conn('address_rules')
    .where({ address_key: addressKey })
    .andWhere('ends_at', '>', now)
    .first(RULE_COLUMNS)
    .options(KEPT);
  return row ? toRule(row) : null;
}

/** The rules in force for these addresses now, by address (the queue asks for a page at once). */
export async function rulesInForce(conn: Conn, addressKeys: string[], now: Date): Promise<Map<string, AddressRule>> {
  const keys = [...new Set(addressKeys.filter((k) => k !== ''))];
  if (keys.length === 0) return new Map();
  const rows: Array<Record<string, unknown>> = await conn('address_rules').whereIn('address_key', keys).andWhere('ends_at', '>', now);
  return new Map(rows.map((row) => [String(row.address_key), toRule(row)]));
}

/** Sets (or replaces) the address's rule. */
export async function setRule(
  conn: Conn,
  addressKey: string,
  input: { rule: AddressRuleKind; reason: string | null; endsAt: Date; reactieId: number | null },
  now: Date,
): Promise<void> {
  await conn('address_rules')
    .insert({
      address_key: addressKey,
      rule: input.rule,
      reason: input.reason,
      ends_at: input.endsAt,
      reactie_id: input.reactieId,
      created_at: now,
    })
    .onConflict('address_key')
    .merge(['rule', 'reason', 'ends_at', 'reactie_id', 'created_at']);
}

/** Lifts a rule by its id (the list of rules); false when it was gone already. */
export async function liftRuleById(conn: Conn, id: number): Promise<boolean> {
  return (await conn('address_rules').where({ id }).delete()) > 0;
}

/** Lifts the address's rule; false when there was none. */
export async function liftRule(conn: Conn, addressKey: string): Promise<boolean> {
  if (addressKey === '') return false;
  return (await conn('address_rules').where({ address_key: addressKey }).delete()) > 0;
}

/** Every rule in force, the soonest ending first (the list of held and blocked writers). */
export async function listRulesInForce(conn: Conn, now: Date): Promise<AddressRule[]> {
  const rows: Array<Record<string, unknown>> = await conn('address_rules')
    .where('ends_at', '>', now)
    .orderBy([
      { column: 'ends_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .limit(500);
  return rows.map(toRule);
}

/** Retention: rules that have ended are forgotten. */
export async function purgeEndedRules(db: Db, now: Date): Promise<number> {
  return db('address_rules').where('ends_at', '<=', now).delete();
}

/** AVG erasure: the address's rule goes. */
export async function eraseRule(conn: Conn, addressKey: string): Promise<number> {
  if (addressKey === '') return 0;
  return conn('address_rules').where({ address_key: addressKey }).delete();
}
