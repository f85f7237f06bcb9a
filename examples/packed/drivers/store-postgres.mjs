// The store-postgres quick start against the real PostgreSQL (DATABASE_URL), in a schema of its
// own (search_path) that is dropped afterwards: nothing stays behind in the database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { report, runQuickStart } from "./run.mjs";

const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `packed_${randomBytes(4).toString("hex")}`;
const pool = new pg.Pool({ connectionString: base, max: 1 });
await pool.query(`CREATE SCHEMA ${schema}`);
try {
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const stdout = await runQuickStart("store-postgres", { DATABASE_URL: url.href });
  const { rows } = await pool.query("SELECT to_regclass($1) IS NOT NULL AS migrated", [
    `${schema}.otp_store`,
  ]);
  report({ stdout, migrated: rows[0]?.migrated });
} finally {
  await pool.query(`DROP SCHEMA ${schema} CASCADE`);
  await pool.end();
}
