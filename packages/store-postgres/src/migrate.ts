import { configError } from "@otpkit/otp-core";
import type { ClientBase, Pool } from "pg";
import { SOURCE, toOtpError } from "./postgres-errors.js";
import { checkTableName, DEFAULT_TABLE, postgresStoreMigration } from "./schema.js";

/** Options for {@link migrate}. */
export interface MigrateOptions {
  /** The table to create, `name` or `schema.name` (the schema must exist). @default "otp_store" */
  tableName?: string;
}

/** The columns the store's statements need, with the types the migration gives them. */
const COLUMNS: Readonly<Record<string, string>> = {
  key: "text",
  value: "text",
  expires_at: "bigint",
};

/**
 * Creates the store's table and its expiry index when they do not exist yet
 * ({@link postgresStoreMigration}), then checks that the table has the store's columns. Safe to
 * run at every start and from several processes at once: the DDL runs in one transaction under a
 * transaction-scoped advisory lock (concurrent `CREATE TABLE IF NOT EXISTS` can otherwise fail on
 * a duplicate type), and `IF NOT EXISTS` makes later runs no-ops.
 *
 * The store itself never creates tables: run this once per deploy (or apply the SQL with your own
 * migration tool). It needs the `CREATE` privilege on the schema; the store needs only `SELECT`,
 * `INSERT`, `UPDATE` and `DELETE` on the table.
 *
 * @param pool A `pg` Pool, or a connected Client.
 * @param options The table. @default { tableName: "otp_store" }
 * @throws {OtpError} `CONFIG_INVALID`, field `tableName`: a bad name, a missing schema, or a
 *   table of that name with other columns. `STORE_UNAVAILABLE`: PostgreSQL unreachable, or the
 *   role may not create tables (`retryable` false).
 * @example
 * ```ts
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool); // creates "otp_store" and "otp_store_expires_at" if missing
 * ```
 */
export async function migrate(
  pool: Pool | ClientBase,
  options: MigrateOptions = {},
): Promise<void> {
  if (typeof (pool as Partial<Pool> | null)?.query !== "function") {
    throw configError("pool", "a pg Pool or Client", pool, undefined, { source: SOURCE });
  }
  const table = checkTableName(options?.tableName ?? DEFAULT_TABLE);
  // One simple-protocol query: PostgreSQL runs its statements as one implicit transaction, so the
  // advisory lock is held until the DDL commits. The literal is built from the checked name only.
  const lock = `SELECT pg_advisory_xact_lock(hashtext('otpkit:store-postgres:${table.name}'));\n`;
  let columns: Array<{ name: string; type: string }>;
  try {
    await pool.query(lock + postgresStoreMigration(table.name));
    const result = await pool.query<{ name: string; type: string }>(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped`,
      [table.quoted],
    );
    columns = result.rows;
  } catch (error) {
    throw toOtpError("migrate", error, table.name);
  }
  const found = new Map(columns.map((column) => [column.name, column.type]));
  const wrong = Object.entries(COLUMNS).filter(([name, type]) => found.get(name) !== type);
  if (wrong.length > 0) {
    throw configError(
      "tableName",
      `a table with columns ${Object.entries(COLUMNS)
        .map(([name, type]) => `${name} ${type}`)
        .join(", ")}`,
      table.name,
      `it exists with ${wrong.map(([name]) => `${name} ${found.get(name) ?? "missing"}`).join(", ")}: choose another tableName`,
      { source: SOURCE },
    );
  }
}
