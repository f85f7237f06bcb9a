import type { AppDatabase } from "./database.js";

/** A code an audit entry concerns, with the (engine) subject it was issued for. */
export interface CodeOfSubject {
  subject: string;
  codeId: string;
}

/**
 * The verification each code belongs to, joined at read time so that recording an event stays
 * one insert. `verification_codes` keeps every code a verification has had (its first, and each
 * fresh one sent after a wrong guess or asked for on the hosted page), so the entries of a code
 * that was since replaced still name their verification. Codes no verification was started for
 * (HubSpot workflows, conversations) map to nothing. A verification counts only for its own
 * subject: one API key never learns another's verification ids.
 *
 * @returns codeId → verification id.
 * @throws {Error} When the database fails.
 * @example
 * const ids = await verificationIdsOf(app, [{ subject: "key:…:user-1", codeId: "c1" }]);
 * ids.get("c1"); // "GP4gIqvubFDo4QGn8fBMIw"
 */
export async function verificationIdsOf(
  app: AppDatabase,
  codes: readonly CodeOfSubject[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const subjectOf = new Map(codes.map((c) => [c.codeId, c.subject]));
  if (subjectOf.size === 0) return found;
  const rows = await app.db
    .selectFrom("verification_codes")
    .innerJoin("verifications", "verifications.id", "verification_codes.verification_id")
    .select(["verification_codes.code_id", "verifications.id", "verifications.subject"])
    .where("verification_codes.code_id", "in", [...subjectOf.keys()])
    .execute();
  for (const row of rows) {
    if (row.subject === subjectOf.get(row.code_id)) found.set(row.code_id, row.id);
  }
  return found;
}
