import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Observed, TestDatabase } from "./support/app-database.js";
import { adminQuery, testDatabase } from "./support/app-database.js";

// PostgreSQL ends a connection (a failover, an operator's pg_terminate_backend, an idle timeout
// on a proxy): the pool emits `error` for an idle client. With no listener, Node would end the
// whole process on that event; the app database listens, the pool replaces the connection and
// the next query works. (The reliability suite does the same under load: faults-postgres.)

let db: TestDatabase;
let handle: Observed;
beforeAll(async () => {
  db = await testDatabase("postgres", "killed");
  handle = await db.open();
});
afterAll(async () => {
  await db.drop();
});

describe("the app database on PostgreSQL", () => {
  it("survives its idle connections being terminated, and the next query works", async () => {
    const { app } = handle;
    // Several idle connections in the pool.
    await Promise.all(Array.from({ length: 4 }, () => app.ping()));
    const killed = await adminQuery(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [db.name],
    );
    expect(killed.rowCount).toBeGreaterThan(0);
    // Give the pool's clients the time to notice their connection is gone (their `error`).
    await new Promise((resolve) => setTimeout(resolve, 200));
    await app.ping();
    await expect(app.ping()).resolves.toBeUndefined();
  });
});
