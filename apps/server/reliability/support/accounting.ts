import pg from "pg";
import type { Ledger } from "./flows.js";

/** The events that end a code's life (otp-core's OTP_EVENT_TYPES). */
const ENDS = ["verified", "expired", "exhausted", "revoked"] as const;
type End = (typeof ENDS)[number];

/** Every code of the audit log, by how its life stands now. */
export interface Accounting {
  /** Distinct codes with an `issued` event. */
  issued: number;
  verified: number;
  expired: number;
  exhausted: number;
  revoked: number;
  /** Issued and not ended. */
  active: number;
  /** Events per type (all of them, deliveries and failures too). */
  events: Record<string, number>;
  /**
   * What breaks the code lifecycle: an end for a code never issued, a second end without a
   * re-issue between (`issued` with reason `restored`), two active codes of one subject.
   */
  violations: string[];
}

/** Reads the whole `audit_events` table of `databaseUrl`, in commit order. */
export async function readAudit(
  databaseUrl: string,
): Promise<Array<{ type: string; subject: string; purpose: string; code_id: string | null }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT type, subject, purpose, code_id FROM audit_events ORDER BY seq",
    );
    return rows;
  } finally {
    await client.end();
  }
}

/**
 * The accounting of every code in the audit log: issued = verified + expired + exhausted +
 * revoked + active, each code counted once by its last lifecycle event, with every lifecycle
 * violation listed.
 *
 * @throws {Error} When PostgreSQL cannot be read.
 * @example
 * const books = await auditAccounting(stack.databaseUrl);
 * expect(books.violations).toEqual([]);
 */
export async function auditAccounting(databaseUrl: string): Promise<Accounting> {
  const rows = await readAudit(databaseUrl);
  const state = new Map<string, { end: End | null; owner: string }>();
  const events: Record<string, number> = {};
  const violations: string[] = [];
  for (const row of rows) {
    events[row.type] = (events[row.type] ?? 0) + 1;
    if (!row.code_id) continue;
    const code = state.get(row.code_id);
    if (row.type === "issued") {
      if (code && code.end === null) violations.push(`${row.code_id}: issued twice while active`);
      state.set(row.code_id, { end: null, owner: `${row.subject}\u0000${row.purpose}` });
    } else if ((ENDS as readonly string[]).includes(row.type)) {
      if (!code) violations.push(`${row.code_id}: ${row.type} for a code never issued`);
      else if (code.end !== null) violations.push(`${row.code_id}: ${row.type} after ${code.end}`);
      else code.end = row.type as End;
    }
  }
  const books: Accounting = {
    issued: state.size,
    verified: 0,
    expired: 0,
    exhausted: 0,
    revoked: 0,
    active: 0,
    events,
    violations,
  };
  const activeOwners = new Set<string>();
  for (const [id, code] of state) {
    if (code.end !== null) {
      books[code.end]++;
      continue;
    }
    books.active++;
    if (activeOwners.has(code.owner)) violations.push(`${id}: a second active code of a subject`);
    activeOwners.add(code.owner);
  }
  return books;
}

/** "issued 812 = verified 500 + expired 12 + exhausted 80 + revoked 160 + active 60". */
export function equation(b: Accounting): string {
  return (
    `issued ${b.issued} = verified ${b.verified} + expired ${b.expired} + exhausted ` +
    `${b.exhausted} + revoked ${b.revoked} + active ${b.active}`
  );
}

/**
 * Where the audit log and what the clients were answered disagree, as lines (empty: they agree).
 * Every code the server said it issued is in the log, and every verified, exhausted, expired and
 * revoked answer is one event of that type, no more.
 */
export function ledgerMismatches(b: Accounting, ledger: Ledger): string[] {
  const out: string[] = [];
  const sum = b.verified + b.expired + b.exhausted + b.revoked + b.active;
  if (sum !== b.issued) out.push(`the books do not balance: ${equation(b)}`);
  if (b.issued !== ledger.codes) out.push(`issued ${b.issued}, clients were sent ${ledger.codes}`);
  for (const end of ENDS) {
    if (b[end] !== ledger[end]) out.push(`${end}: audit ${b[end]}, answers ${ledger[end]}`);
  }
  return out;
}

/**
 * Verifications written without their code's `issued` event (a start cut in half between the
 * app database and the audit log), as ids; empty when every row has its event.
 *
 * @throws {Error} When PostgreSQL cannot be read.
 */
export async function verificationsWithoutIssued(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT v.id FROM verifications v
        WHERE v.code_id IS NULL
           OR NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.code_id = v.code_id AND a.type = 'issued')`,
    );
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}
