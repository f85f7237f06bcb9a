import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LogEvent } from "kysely";
import pg from "pg";
import type { AppDatabase } from "../../src/db/database.js";
import { openDatabase } from "../../src/db/database.js";

/** The real app databases the db tests run on: a SQLite file, and PostgreSQL (required). */
export type Dialect = "sqlite" | "postgres";

/** Where a test's app database lives; `open()` gives a new handle on it (another "process"). */
export interface TestDatabase {
  readonly dialect: Dialect;
  /** The PostgreSQL database's name; null for SQLite. */
  readonly name: string | null;
  /** A new migrated handle; the SQL it sends is counted in `sent`. */
  open(): Promise<Observed>;
  /** Closes every handle `open()` gave and removes the file, or drops the database. */
  drop(): Promise<void>;
}

/** A handle whose statements are observed (Kysely's query log): what really went to the database. */
export interface Observed {
  readonly app: AppDatabase;
  /** Every statement that succeeded so far, in order. */
  readonly sent: string[];
  /** How many transactions committed so far. */
  commits(): number;
}

const ADMIN_URL = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

/** Runs one statement as the PostgreSQL admin; fails (never skips) when PostgreSQL is down. */
export async function adminQuery(
  statement: string,
  values: unknown[] = [],
): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${(error as Error).message}): start it ` +
        "(pg_ctlcluster <version> main start) or set DATABASE_URL. These tests never skip.",
      { cause: error },
    );
  }
  try {
    return await client.query(statement, values);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the admin URL's server. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh app database of `dialect`: a temp SQLite file, or a PostgreSQL database of its own
 * (`otpkit_<label>_<random>`, dropped by `drop()`).
 *
 * @example
 * const where = await testDatabase("sqlite", "gc");
 * const { app, commits } = await where.open();
 */
export async function testDatabase(dialect: Dialect, label: string): Promise<TestDatabase> {
  const handles: AppDatabase[] = [];
  let location: { url?: string; sqlitePath: string };
  let remove: () => Promise<void>;
  let name: string | null = null;
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), `otpkit-${label}-`));
    location = { sqlitePath: join(dir, "app.sqlite") };
    remove = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const database = `otpkit_${label}_${randomUUID().slice(0, 8)}`;
    name = database;
    await adminQuery(`CREATE DATABASE "${database}"`);
    location = { url: databaseUrl(database), sqlitePath: "unused" };
    remove = async () => {
      // pg's pool.end() resolves before its connections have closed; one that a forced DROP ends
      // first emits an "error" nobody listens to. Let them go by themselves (5 s at most).
      for (let i = 0; i < 50; i++) {
        const open = await adminQuery(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
          [database],
        );
        if (open.rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    };
  }
  return {
    dialect,
    name,
    async open() {
      const sent: string[] = [];
      const app = openDatabase({
        ...location,
        log: (event: LogEvent) => {
          if (event.level === "query") sent.push(event.query.sql);
        },
      });
      handles.push(app);
      await app.migrate();
      sent.length = 0;
      return { app, sent, commits: () => sent.filter((s) => s === "commit").length };
    },
    async drop() {
      await Promise.allSettled(handles.map((h) => h.close()));
      await remove();
    },
  };
}
