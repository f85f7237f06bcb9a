import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isDatabaseFailure } from "./write-failure.js";

// Real errors from better-sqlite3 and pg (PostgreSQL at DATABASE_URL or 127.0.0.1:5432/test is
// required), sorted into "one write failed" and "the database failed".

const PG_URL = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("isDatabaseFailure", () => {
  it("SQLite: a constraint is one write's; busy and a closed connection are the database's", () => {
    const dir = mkdtempSync(join(tmpdir(), "otpkit-write-failure-"));
    try {
      const one = new Database(join(dir, "x.sqlite"));
      one.exec("CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT NOT NULL)");
      expect(
        isDatabaseFailure(thrown(() => one.prepare("INSERT INTO t VALUES ('a', NULL)").run())),
      ).toBe(false);
      const other = new Database(join(dir, "x.sqlite"), { timeout: 0 });
      one.exec("BEGIN IMMEDIATE");
      const busy = thrown(() => other.exec("BEGIN IMMEDIATE"));
      expect((busy as { code: string }).code).toBe("SQLITE_BUSY");
      expect(isDatabaseFailure(busy)).toBe(true);
      one.exec("ROLLBACK");
      other.close();
      one.close();
      expect(isDatabaseFailure(thrown(() => one.prepare("SELECT 1")))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("PostgreSQL: a constraint is one write's; a refused connection and a terminated one are the database's", async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      const constraint = await client
        .query("CREATE TEMP TABLE t (v int NOT NULL); INSERT INTO t VALUES (NULL)")
        .catch((e: unknown) => e);
      expect((constraint as { code: string }).code).toBe("23502");
      expect(isDatabaseFailure(constraint)).toBe(false);
    } finally {
      await client.end();
    }
    const refused = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:1/x" });
    expect(isDatabaseFailure(await refused.connect().catch((e: unknown) => e))).toBe(true);

    const victim = new pg.Client({ connectionString: PG_URL });
    await victim.connect();
    const errors: unknown[] = [];
    const lost = new Promise<unknown>((resolve) =>
      victim.on("error", (error) => {
        errors.push(error);
        resolve(error);
      }),
    );
    const killer = new pg.Client({ connectionString: PG_URL });
    await killer.connect();
    await killer.query("SELECT pg_terminate_backend($1)", [
      (victim as unknown as { processID: number }).processID,
    ]);
    await killer.end();
    const terminated = await lost;
    expect((terminated as { code: string }).code).toBe("57P01");
    await victim.end().catch(() => undefined);
    // pg follows with "Connection terminated unexpectedly": also the database's.
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors.every(isDatabaseFailure)).toBe(true);
  });

  it("anything that is not an Error is not the database's", () => {
    expect(isDatabaseFailure("SQLITE_BUSY")).toBe(false);
    expect(isDatabaseFailure(undefined)).toBe(false);
  });
});
