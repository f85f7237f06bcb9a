import { describe, expect, it } from "vitest";
import { quoted, rejection, useTestDatabase } from "../test/support.js";
import {
  createPostgresStore,
  migrate,
  POSTGRES_STORE_MIGRATION,
  postgresStoreMigration,
} from "./index.js";

// The migration against the real database: its SQL, idempotence under concurrency, and what a
// store does without it.

const db = useTestDatabase("migrate");
const MINUTE = 60_000;

describe("migration", () => {
  it("POSTGRES_STORE_MIGRATION is the default table's SQL, quoted, with the expiry index", () => {
    expect(POSTGRES_STORE_MIGRATION).toBe(postgresStoreMigration("otp_store"));
    expect(POSTGRES_STORE_MIGRATION).toContain('CREATE TABLE IF NOT EXISTS "otp_store"');
    expect(POSTGRES_STORE_MIGRATION).toContain(
      'CREATE INDEX IF NOT EXISTS "otp_store_expires_at" ON "otp_store" (expires_at)',
    );
    expect(postgresStoreMigration("auth.codes")).toContain(
      'CREATE INDEX IF NOT EXISTS "codes_expires_at" ON "auth"."codes"',
    );
  });

  it("migrate() is idempotent, also when run by several processes at once", async () => {
    const tableName = `${db.schema}.migrated`;
    // Five concurrent runs on two pools: without the advisory lock, concurrent CREATE TABLE IF
    // NOT EXISTS can fail with a duplicate pg_type row.
    const other = db.newPool();
    await Promise.all([0, 1, 2, 3, 4].map((i) => migrate(i % 2 ? other : db.pool, { tableName })));
    await migrate(db.pool, { tableName });
    const { rows: columns } = await db.pool.query(
      `SELECT attname, format_type(atttypid, atttypmod) AS type, attnotnull FROM pg_attribute
       WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      [quoted(tableName)],
    );
    expect(columns).toEqual([
      { attname: "key", type: "text", attnotnull: true },
      { attname: "value", type: "text", attnotnull: true },
      { attname: "expires_at", type: "bigint", attnotnull: true },
    ]);
    const { rows: indexes } = await db.pool.query(
      "SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'migrated' ORDER BY indexname",
      [db.schema],
    );
    expect(indexes.map((row) => row.indexdef)).toEqual([
      expect.stringMatching(/USING btree \(expires_at\)$/),
      expect.stringMatching(/UNIQUE INDEX migrated_pkey .*USING btree \(key\)$/),
    ]);
    // Data survives a second migration.
    const store = createPostgresStore({ pool: db.pool, tableName, sweepIntervalMs: 0 });
    await store.compareAndSet("k", null, "kept", MINUTE);
    await migrate(db.pool, { tableName });
    expect(await store.get("k")).toBe("kept");
  });

  it("migrate() names a missing schema and a foreign table of the same name", async () => {
    const noSchema = await rejection(migrate(db.pool, { tableName: "no_such_schema_x.otp" }));
    expect(noSchema.code).toBe("CONFIG_INVALID");
    expect(noSchema.field).toBe("tableName");

    const tableName = `${db.schema}.foreign_shape`;
    await db.pool.query(`CREATE TABLE ${quoted(tableName)} (key text PRIMARY KEY, value integer)`);
    const foreign = await rejection(migrate(db.pool, { tableName }));
    expect(foreign.code).toBe("CONFIG_INVALID");
    expect(foreign.field).toBe("tableName");
    expect(foreign.source).toBe("postgres");
  });

  it("a store on a missing table says so, naming migrate(), and creates nothing", async () => {
    const tableName = `${db.schema}.never_migrated`;
    const store = createPostgresStore({ pool: db.pool, tableName, sweepIntervalMs: 0 });
    for (const call of [
      () => store.get("k"),
      () => store.compareAndSet("k", null, "v", MINUTE),
      () => store.sweep(),
    ]) {
      const error = await rejection(call());
      expect(error.code).toBe("CONFIG_INVALID");
      expect(error.field).toBe("tableName");
      expect(error.source).toBe("postgres");
      expect(error.message).toContain(`"${tableName}" does not exist`);
      expect(error.message).toContain("migrate(pool");
      expect(error.cause).toMatchObject({ code: "42P01" });
    }
    const { rows } = await db.pool.query("SELECT to_regclass($1) AS t", [quoted(tableName)]);
    expect(rows[0].t, "the store never creates its table").toBeNull();
  });
});
