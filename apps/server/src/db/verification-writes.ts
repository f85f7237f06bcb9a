import type { Kysely } from "kysely";
import type { WriteKind } from "./group-commit.js";
import type { Schema, VerificationRow } from "./schema.js";

// The verifications table's writes on the request path, as group-commit kinds (db/group-commit.ts):
// each flush writes all its new verifications, and all its completions, in a few statements.

/** A code that became a verification's own (a fresh one after a wrong guess, or a resend). */
export interface ReplacedCode {
  codeId: string;
  expiresAt: number;
  /** The channel and masked destination, when the engine said (a resend); else kept. */
  channel?: string;
  destination?: string;
}

/** A verification's end: `at` is its caller's clock. */
export interface Completion {
  id: string;
  status: "verified" | "cancelled";
  at: number;
}

const pairOf = (row: VerificationRow) => JSON.stringify([row.subject, row.purpose]);

/**
 * New verifications, three statements per flush: the older verifications of their subjects are
 * replaced (their sealed recipient dropped: none of them can send again), the rows go in as one
 * INSERT, their codes as another. Of one flush's own rows for the same subject and purpose,
 * only the last keeps its recipient, as if they had been written one after the other. Ids are
 * 128 random bits: a row re-run after a commit whose answer was lost is not a second row.
 */
export const newVerifications: WriteKind<VerificationRow, void> = {
  name: "verification",
  async run(db, rows) {
    const last = new Map(rows.map((r) => [pairOf(r), r.id]));
    const pairs = [...new Map(rows.map((r) => [pairOf(r), r])).values()];
    await db
      .updateTable("verifications")
      .set({ recipient: null })
      .where("recipient", "is not", null)
      .where(
        "id",
        "not in",
        rows.map((r) => r.id),
      )
      .where((eb) =>
        eb.or(
          pairs.map((r) => eb.and([eb("subject", "=", r.subject), eb("purpose", "=", r.purpose)])),
        ),
      )
      .execute();
    await db
      .insertInto("verifications")
      .values(rows.map((r) => (last.get(pairOf(r)) === r.id ? r : { ...r, recipient: null })))
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    const codes = rows.flatMap((r) =>
      r.code_id === null ? [] : [{ code_id: r.code_id, verification_id: r.id }],
    );
    if (codes.length > 0) await rememberCodes(db, codes);
    return rows.map(() => undefined);
  },
};

/**
 * Fresh codes of pending verifications, one after the other (a wrong guess with retry-on-failure,
 * or a resend: far rarer than starts and checks).
 */
export const codeReplacements: WriteKind<{ id: string; code: ReplacedCode }, void> = {
  name: "verification code",
  async run(db, items) {
    for (const { id, code } of items) {
      const replaced = await db
        .updateTable("verifications")
        .set({
          code_id: code.codeId,
          expires_at: code.expiresAt,
          ...(code.channel !== undefined ? { channel: code.channel } : {}),
          ...(code.destination !== undefined ? { destination: code.destination } : {}),
        })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .executeTakeFirst();
      if (Number(replaced.numUpdatedRows) > 0) {
        await rememberCodes(db, [{ code_id: code.codeId, verification_id: id }]);
      }
    }
    return items.map(() => undefined);
  },
};

/**
 * Completions: one `UPDATE … WHERE status = 'pending' RETURNING id` per status, each telling
 * whether it changed the row (only one completion of a verification wins). Of one flush's
 * completions of the same verification only the first can win, as one after the other. A
 * batch's `completed_at` is the latest of its callers' clocks (milliseconds apart).
 */
export const completions: WriteKind<Completion, boolean> = {
  name: "verification completion",
  async run(db, items) {
    const first = new Map<string, Completion>();
    for (const c of items) if (!first.has(c.id)) first.set(c.id, c);
    const done = new Set<string>();
    for (const status of ["verified", "cancelled"] as const) {
      const mine = [...first.values()].filter((c) => c.status === status);
      if (mine.length === 0) continue;
      const changed = await db
        .updateTable("verifications")
        .set({ status, completed_at: Math.max(...mine.map((c) => c.at)), recipient: null })
        .where(
          "id",
          "in",
          mine.map((c) => c.id),
        )
        .where("status", "=", "pending")
        .returning("id")
        .execute();
      for (const row of changed) done.add(row.id);
    }
    return items.map((c) => first.get(c.id) === c && done.has(c.id));
  },
};

/** Keeps codes as their verification's (for the audit trail; see db/audit-verifications.ts). */
async function rememberCodes(
  db: Kysely<Schema>,
  codes: Array<{ code_id: string; verification_id: string }>,
): Promise<void> {
  await db
    .insertInto("verification_codes")
    .values(codes)
    .onConflict((oc) => oc.column("code_id").doNothing())
    .execute();
}
