import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../src/config.js";
import type { ApiKeys, ApiKeysOptions } from "../src/db/api-keys.js";
import { createApiKeys } from "../src/db/api-keys.js";
import type { Dialect, Observed, TestDatabase } from "./support/app-database.js";
import { adminQuery, testDatabase } from "./support/app-database.js";
import { createTestServer } from "./support/runtime.js";

// API-key authentication from the verified-key cache (src/db/api-key-cache.ts) and its
// revocation watch (src/db/api-key-revocations.ts), on a real SQLite file and a real PostgreSQL
// (required). Two handles on one database are two processes as far as the database can tell:
// two connections (SQLite), two pools and two LISTEN connections (PostgreSQL).

const HOUR = 3_600_000;

/** How many times the api_keys table was read by `observed` so far. */
const keyReads = (observed: Observed) =>
  observed.sent.filter((s) => /^select .* from "api_keys"/.test(s)).length;

/** The same token with another (well-formed) secret. */
const forged = (token: string) => `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;

/** Until `check` holds; for what another process is told asynchronously (NOTIFY). */
const eventually = (check: () => Promise<void>) =>
  vi.waitFor(check, { timeout: 5_000, interval: 20 });

describe.each<Dialect>(["sqlite", "postgres"])("API keys on %s", (dialect) => {
  let where: TestDatabase;
  let a: Observed;
  let b: Observed;
  let time = Date.now();
  const now = () => time;
  const keysOf = (observed: Observed, options: ApiKeysOptions = { cacheTtlMs: HOUR }) =>
    createApiKeys(observed.app, now, options);

  beforeAll(async () => {
    where = await testDatabase(dialect, "api_keys");
    a = await where.open();
    b = await where.open();
  });
  afterAll(async () => {
    await where?.drop();
  });

  /** Authenticates through `keys` until its revocation watch is up (PostgreSQL: LISTEN). */
  async function warm(keys: ApiKeys, observed: Observed, token: string): Promise<void> {
    await eventually(async () => {
      const reads = keyReads(observed);
      expect(await keys.authenticate(token)).not.toBeNull();
      expect(keyReads(observed)).toBe(reads);
    });
  }

  it("a live key is read from the database once, then from the cache; the secret is still compared", async () => {
    const keys = keysOf(a);
    const key = await keys.create("cached");
    await warm(keys, a, key.token);
    const reads = keyReads(a);
    for (let i = 0; i < 20; i++) {
      expect(await keys.authenticate(key.token)).toEqual({
        id: key.id,
        name: "cached",
        createdAt: key.createdAt,
      });
    }
    expect(await keys.authenticate(forged(key.token))).toBeNull();
    expect(keyReads(a)).toBe(reads);
  });

  it("unknown and revoked keys are never cached: each try reads the database", async () => {
    const keys = keysOf(a);
    const revoked = await keys.create("revoked");
    await keys.revoke(revoked.id);
    const unknown = `otpk_${"Z".repeat(12)}_${"x".repeat(43)}`;
    const reads = keyReads(a);
    for (let i = 0; i < 3; i++) {
      expect(await keys.authenticate(revoked.token)).toBeNull();
      expect(await keys.authenticate(unknown)).toBeNull();
    }
    expect(keyReads(a)).toBe(reads + 6);
    // Malformed tokens never reach the database.
    expect(await keys.authenticate("otpk_short")).toBeNull();
    expect(keyReads(a)).toBe(reads + 6);
  });

  it("a key revoked in this process is refused on the next call", async () => {
    const keys = keysOf(a);
    const key = await keys.create("revoked here");
    await warm(keys, a, key.token);
    expect(await keys.revoke(key.id)).toBe(true);
    expect(await keys.authenticate(key.token)).toBeNull();
    expect(await keys.revoke(key.id)).toBe(false);
  });

  it("a key revoked through another connection (another process, the CLI) is refused", async () => {
    const here = keysOf(b);
    const there = keysOf(a);
    const doomed = await there.create("revoked elsewhere");
    const kept = await there.create("kept");
    await warm(here, b, doomed.token);
    await warm(here, b, kept.token);
    expect(await there.revoke(doomed.id)).toBe(true);
    if (dialect === "sqlite") {
      // data_version is read on every call: strictly the next call.
      expect(await here.authenticate(doomed.token)).toBeNull();
    } else {
      // The NOTIFY arrives on b's own connection, a moment after a's COMMIT.
      await eventually(async () => expect(await here.authenticate(doomed.token)).toBeNull());
    }
    // The other key still works, and is cached again.
    expect(await here.authenticate(kept.token)).not.toBeNull();
    await warm(here, b, kept.token);
  });

  it("an entry lives for the TTL at most; 0 turns the cache off; the cache is bounded", async () => {
    const keys = keysOf(a, { cacheTtlMs: 60_000, cacheMaxKeys: 2 });
    const [k1, k2, k3] = await Promise.all([1, 2, 3].map((i) => keys.create(`k${i}`)));
    await warm(keys, a, k1!.token);
    time += 60_000;
    let reads = keyReads(a);
    expect(await keys.authenticate(k1!.token)).not.toBeNull();
    expect(keyReads(a)).toBe(reads + 1);
    // k1 cached again; k2 and k3 push it out (two keys at most).
    await keys.authenticate(k2!.token);
    await keys.authenticate(k3!.token);
    reads = keyReads(a);
    await keys.authenticate(k1!.token);
    expect(keyReads(a)).toBe(reads + 1);

    const uncached = keysOf(a, { cacheTtlMs: 0 });
    reads = keyReads(a);
    for (let i = 0; i < 3; i++) expect(await uncached.authenticate(k1!.token)).not.toBeNull();
    expect(keyReads(a)).toBe(reads + 3);
  });

  if (dialect === "postgres") {
    it("while the LISTEN is down keys are read from the database; once it is back, cached again", async () => {
      const here = keysOf(b);
      const there = keysOf(a);
      const doomed = await there.create("revoked while the listener was down");
      const kept = await there.create("kept");
      await warm(here, b, doomed.token);
      await warm(here, b, kept.token);
      const listeners = async () =>
        (
          await adminQuery(
            "SELECT pid FROM pg_stat_activity WHERE application_name = 'otpkit-api-key-revocations' AND datname = $1",
            [where.name],
          )
        ).rows.map((r: { pid: number }) => r.pid);
      const before = await listeners();
      expect(before.length).toBeGreaterThanOrEqual(1);
      // Every listener on this database is cut: the NOTIFY of the revocation below is lost.
      await adminQuery("SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid", [before]);
      expect(await there.revoke(doomed.id)).toBe(true);
      await eventually(async () => expect(await here.authenticate(doomed.token)).toBeNull());
      // The listener comes back by itself (a new connection), and the cache is used again.
      await warm(here, b, kept.token);
      expect((await listeners()).some((pid) => !before.includes(pid))).toBe(true);
    });
  }
});

describe("API_KEY_CACHE_TTL_MS", () => {
  it("defaults to 30 s, takes 0..300000, and names itself when wrong", () => {
    expect(loadConfig({}).API_KEY_CACHE_TTL_MS).toBe(30_000);
    expect(loadConfig({ API_KEY_CACHE_TTL_MS: "0" }).API_KEY_CACHE_TTL_MS).toBe(0);
    expect(() => loadConfig({ API_KEY_CACHE_TTL_MS: "300001" })).toThrow(
      "Invalid API_KEY_CACHE_TTL_MS: use a whole number between 0 and 300000.",
    );
  });

  it("bounds how long a key changed behind the server's back (plain SQL, no signal) still works", async () => {
    for (const [ttl, refusedAfterMs] of [
      [undefined, 30_000],
      ["0", 0],
    ] as const) {
      const s = await createTestServer(ttl === undefined ? {} : { API_KEY_CACHE_TTL_MS: ttl });
      try {
        const call = async () => (await s.api("/api/v1/audit?subject=user-1")).status;
        expect(await call()).toBe(200);
        // Revoked on the server's own connection without revoke(): nothing tells the cache.
        await s.rt.database.db
          .updateTable("api_keys")
          .set({ revoked_at: s.clock.now() })
          .where("id", "=", s.keyId)
          .execute();
        if (refusedAfterMs > 0) {
          expect(await call()).toBe(200);
          s.clock.advance(refusedAfterMs);
        }
        expect(await call()).toBe(401);
      } finally {
        await s.close();
      }
    }
  });
});
