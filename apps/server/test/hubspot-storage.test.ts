import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HubSpotAppStorage } from "@otpkit/hubspot-adapter";
import { describeHubSpotStorage } from "@otpkit/hubspot-adapter/conformance";
import { isOtpError } from "@otpkit/otp-core";
import Database from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDatabase } from "../src/db/database.js";
import { openDatabase } from "../src/db/database.js";
import { createKyselyHubSpotStorage } from "../src/db/hubspot-storage.js";
import { migrations } from "../src/db/migrations.js";
import type { Schema } from "../src/db/schema.js";
import { adminQuery, databaseUrl } from "./support/app-database.js";

// The server's HubSpotAppStorage against a real SQLite file and a real PostgreSQL (a database of
// its own, dropped afterwards), through the adapter's conformance suite: every case, the races of
// 50 callers included (SQLite: one connection; PostgreSQL: a pool of 10). PostgreSQL is required:
// without it these tests FAIL, they never skip.

const DATABASE = `otpkit_hubspot_${randomUUID().slice(0, 8)}`;
const TABLES = [
  "hubspot_tokens",
  "hubspot_settings",
  "hubspot_oauth_states",
  "hubspot_callback_results",
  "hubspot_pending_callbacks",
];

/** A migrated SQLite app database in a fresh temp folder, removed by `close()`. */
async function openSqlite(): Promise<AppDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "otpkit-hubspot-storage-"));
  const app = openDatabase({ sqlitePath: join(dir, "app.db") });
  await app.migrate();
  return {
    ...app,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const sqliteApps = new Map<HubSpotAppStorage, AppDatabase>();

describeHubSpotStorage({
  name: "sqlite",
  async create() {
    const app = await openSqlite();
    const storage = createKyselyHubSpotStorage(app);
    sqliteApps.set(storage, app);
    return storage;
  },
  async cleanup(storage) {
    await sqliteApps.get(storage)?.close();
    sqliteApps.delete(storage);
  },
});

describe("on PostgreSQL", () => {
  let created = false;
  let app: AppDatabase | undefined;
  /** A second handle whose pool reads BIGINT as text, as `pg` does without database.ts's parser. */
  let textBigints: Kysely<Schema> | undefined;

  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE "${DATABASE}"`);
    created = true;
    app = openDatabase({ url: databaseUrl(DATABASE), sqlitePath: "unused" });
    await app.migrate();
    const pool = new pg.Pool({
      connectionString: databaseUrl(DATABASE),
      max: 10,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          oid === 20
            ? (value: string) => value
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    textBigints = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  });

  afterAll(async () => {
    await textBigints?.destroy();
    await app?.close();
    if (created) await adminQuery(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  });

  /** Every case starts on empty tables: the due list spans every portal. */
  async function emptied(db: Kysely<Schema>): Promise<HubSpotAppStorage> {
    await sql`TRUNCATE ${sql.join(TABLES.map((t) => sql.table(t)))}`.execute(db);
    return createKyselyHubSpotStorage({ db, dialect: "postgres" });
  }

  describeHubSpotStorage({ name: "postgres", create: () => emptied(app!.db) });
  describeHubSpotStorage({
    name: "postgres, BIGINT read as text",
    create: () => emptied(textBigints!),
  });

  it("an unreachable PostgreSQL is STORE_UNAVAILABLE, with the driver's error as cause", async () => {
    // Nothing listens on port 1: the pool fails to connect.
    const down = openDatabase({
      url: "postgres://postgres@127.0.0.1:1/otpkit",
      sqlitePath: "unused",
    });
    try {
      const error = await createKyselyHubSpotStorage(down)
        .getTokens(1)
        .catch((e: unknown) => e);
      expect(isOtpError(error) && error.code).toBe("STORE_UNAVAILABLE");
      expect(isOtpError(error) && error.retryable).toBe(true);
      expect((error as Error).cause).toBeInstanceOf(Error);
    } finally {
      await down.close();
    }
  });
});

describe("createKyselyHubSpotStorage on SQLite", () => {
  it("is named after the dialect", async () => {
    const app = await openSqlite();
    try {
      expect(createKyselyHubSpotStorage(app).name).toBe("sqlite");
    } finally {
      await app.close();
    }
  });

  it("refuses malformed arguments as INVALID_ARGUMENT naming the field", async () => {
    const app = await openSqlite();
    const s = createKyselyHubSpotStorage(app);
    const pending = { portalId: 1, callbackId: "c", subject: "s", purpose: "p", expiresAt: 1 };
    const cases: Array<[string, () => Promise<unknown>]> = [
      ["portalId", () => s.getTokens(0)],
      ["portalId", () => s.getTokens(1.5)],
      ["portalId", () => s.putSettings(2 ** 53, "{}")],
      ["sealed", () => s.putTokens(1, "")],
      ["expected", () => s.replaceTokens(1, "", "x")],
      ["limit", () => s.listDueCallbacks(0, 0)],
      ["limit", () => s.deleteExpired(0, 1001)],
      ["now", () => s.consumeOAuthState("x", -1)],
      ["expiresAt", () => s.createOAuthState("x", 1.5)],
      ["callbackId", () => s.getCallbackResult(1, "")],
      ["subject", () => s.addPendingCallback({ ...pending, subject: "" })],
      ["purpose", () => s.findPendingCallbacks({ ...pending, purpose: "", limit: 1 })],
      [
        "leaseUntil",
        () => s.claimPendingCallback({ ...pending, now: 5, leaseUntil: 5, outcome: "x" }),
      ],
    ];
    try {
      for (const [field, call] of cases) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isOtpError(error) && error.code, field).toBe("INVALID_ARGUMENT");
        expect(isOtpError(error) && error.field, field).toBe(field);
      }
      expect(await s.listDueCallbacks(Number.MAX_SAFE_INTEGER, 1000), "nothing stored").toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("a closed database is STORE_UNAVAILABLE, never a swallowed failure", async () => {
    const app = await openSqlite();
    const s = createKyselyHubSpotStorage(app);
    await app.close();
    const error = await s.putSettings(1, "{}").catch((e: unknown) => e);
    expect(isOtpError(error) && error.code).toBe("STORE_UNAVAILABLE");
    expect((error as Error).message).toBe('HubSpot storage "sqlite" failed in putSettings');
  });

  it("an existing database gains the HubSpot tables, keeping its rows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "otpkit-hubspot-upgrade-"));
    const path = join(dir, "app.db");
    const before = new Kysely<Schema>({
      dialect: new SqliteDialect({ database: new Database(path) }),
    });
    const migrator = new Migrator({ db: before, provider: migrations("sqlite") });
    try {
      expect((await migrator.migrateTo("2026-11-22-001-initial")).error).toBeUndefined();
      await before
        .insertInto("api_keys")
        .values({ id: "k", name: "old", secret_hash: "00", created_at: 1, revoked_at: null })
        .execute();
      await before.destroy();
      const app = openDatabase({ sqlitePath: path });
      await app.migrate();
      await app.migrate(); // already at the latest: nothing to do
      const s = createKyselyHubSpotStorage(app);
      await s.putTokens(7, "sealed");
      expect(await s.getTokens(7)).toBe("sealed");
      expect(await app.db.selectFrom("api_keys").select("name").execute()).toEqual([
        { name: "old" },
      ]);
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every statement finds its rows through a key or an index, unsorted (query plans)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "otpkit-hubspot-plans-"));
    const file = new Database(join(dir, "app.db"));
    const statements: Array<{ sql: string; parameters: readonly unknown[] }> = [];
    const db = new Kysely<Schema>({
      dialect: new SqliteDialect({ database: file }),
      log(event) {
        if (event.level === "query") statements.push(event.query);
      },
    });
    try {
      expect(
        (await new Migrator({ db, provider: migrations("sqlite") }).migrateToLatest()).error,
      ).toBeUndefined();
      statements.length = 0;
      const s = createKyselyHubSpotStorage({ db, dialect: "sqlite" });
      const key = { portalId: 1, callbackId: "c" };
      await s.putTokens(1, "a");
      await s.getTokens(1);
      await s.replaceTokens(1, "a", "b");
      await s.deleteTokens(1);
      await s.putSettings(1, "{}");
      await s.getSettings(1);
      await s.createOAuthState("st", 10);
      await s.consumeOAuthState("st", 5);
      await s.saveCallbackResult({ ...key, result: "r", expiresAt: 10 });
      await s.saveCallbackResult({ ...key, result: "r2", expiresAt: 10 });
      await s.getCallbackResult(1, "c");
      await s.addPendingCallback({ ...key, subject: "s", purpose: "p", expiresAt: 10 });
      await s.findPendingCallbacks({ portalId: 1, subject: "s", purpose: "p", limit: 10 });
      await s.listDueCallbacks(10, 10);
      await s.claimPendingCallback({ ...key, now: 10, leaseUntil: 20, outcome: "expired" });
      await s.removePendingCallback(1, "c");
      await s.deleteExpired(10, 10);
      await s.uninstall(1);

      const reads = statements.filter((q) => /^(select|update|delete)/i.test(q.sql));
      expect(reads.length, "statements that look rows up").toBeGreaterThanOrEqual(15);
      const bad = reads.flatMap((q) => {
        const plan = file
          .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
          .all(...(q.parameters as unknown[])) as Array<{ detail: string }>;
        // SEARCH = through a key or an index; SCAN = every row; a temp B-tree = a sort of every
        // match before LIMIT applies.
        return plan
          .map((p) => p.detail)
          .filter((d) => /^SCAN hubspot_|TEMP B-TREE/.test(d))
          .map((d) => `${q.sql} -> ${d}`);
      });
      expect(bad).toEqual([]);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
