import type { OtpEvent } from "@otpkit/otp-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditLog } from "../src/db/audit.js";
import { openDatabase } from "../src/db/database.js";
import type { NewVerification } from "../src/db/verifications.js";
import { createVerifications } from "../src/db/verifications.js";
import type { Dialect, Observed, TestDatabase } from "./support/app-database.js";
import { testDatabase } from "./support/app-database.js";

// The app database's group commit (src/db/group-commit.ts) on a real SQLite file and a real
// PostgreSQL (required: without it these tests FAIL). Transactions are counted from the SQL
// really sent (Kysely's query log); no timing is asserted.

const KEY = Buffer.alloc(32, 7);

function started(subject: string, codeId: string): NewVerification {
  return {
    subject,
    purpose: "login",
    codeId,
    channel: "email",
    destination: "a***@example.com",
    returnUrl: null,
    locale: null,
    apiKeyId: "k",
    expiresAt: Date.now() + 600_000,
    resendTo: { recipient: { email: "ana@example.com" }, channels: null },
  };
}

function event(subject: string, codeId = `code-${subject}`): OtpEvent {
  return { type: "verified", at: Date.now(), subject, purpose: "login", codeId };
}

describe.each<Dialect>(["sqlite", "postgres"])("group commit on %s", (dialect) => {
  let where: TestDatabase;
  let db: Observed;
  let run = 0;
  /** A prefix of this test's own subjects. */
  const fresh = () => `t${++run}-${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    where = await testDatabase(dialect, "group_commit");
    db = await where.open();
  });
  afterAll(async () => {
    await where?.drop();
  });

  it("100 concurrent writes of each kind take fewer transactions than writes, each readable when it resolves", async () => {
    const { app } = db;
    const audit = createAuditLog(app);
    const verifications = createVerifications(app, Date.now, KEY);
    const tag = fresh();
    const counted: number[] = [];
    const count = async <T>(work: () => Promise<T>): Promise<T> => {
      const before = db.commits();
      const result = await work();
      counted.push(db.commits() - before);
      return result;
    };

    const seen = await count(() =>
      Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const v = await verifications.create(started(`${tag}-${i}`, `${tag}-code-${i}`));
          // Read right after the write resolved: it is there.
          return (await verifications.get(v.id))?.id === v.id ? v : null;
        }),
      ),
    );
    expect(seen.every((v) => v !== null)).toBe(true);
    const logged = await count(() =>
      Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          await audit.record(event(`${tag}-${i}`, `${tag}-code-${i}`));
          return (await audit.list({ subject: `${tag}-${i}` })).length;
        }),
      ),
    );
    expect(logged).toEqual(Array(100).fill(1));
    const completed = await count(() =>
      Promise.all(seen.map((v) => verifications.complete(v!.id, "verified"))),
    );
    expect(completed).toEqual(Array(100).fill(true));

    for (const transactions of counted) {
      expect(transactions).toBeGreaterThanOrEqual(1);
      expect(transactions).toBeLessThan(100);
    }
    // Each audit entry names its verification (verification_codes went in with the rows).
    const [entry] = await audit.list({ subject: `${tag}-7` });
    expect(entry?.verificationId).toBe(seen[7]!.id);
    console.info(
      `${dialect}: 100 concurrent creates, audit events, completions took ${counted.join(", ")} transactions`,
    );
  });

  it("writes queued while a commit is in flight gather into the next one", async () => {
    const audit = createAuditLog(db.app);
    const tag = fresh();
    const before = db.commits();
    const writes: Array<Promise<void>> = [];
    // Ten waves, each a turn of the event loop after the last; none waits for its writes.
    for (let wave = 0; wave < 10; wave++) {
      for (let i = 0; i < 10; i++) writes.push(audit.record(event(`${tag}-${wave}-${i}`)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(writes);
    expect(db.commits() - before).toBeLessThan(100);
    for (const wave of [0, 9]) {
      expect(await audit.list({ subject: `${tag}-${wave}-9` })).toHaveLength(1);
    }
  });

  it("of concurrent completions of one verification exactly one wins, the first queued", async () => {
    const verifications = createVerifications(db.app, Date.now, KEY);
    const tag = fresh();
    const v = await verifications.create(started(tag, `${tag}-code`));
    const answers = await Promise.all([
      verifications.complete(v.id, "cancelled"),
      ...Array.from({ length: 19 }, () => verifications.complete(v.id, "verified")),
    ]);
    expect(answers).toEqual([true, ...Array(19).fill(false)]);
    expect((await verifications.get(v.id))?.status).toBe("cancelled");
  });

  it("a later verification of the same subject in the same batch replaces the earlier one", async () => {
    const verifications = createVerifications(db.app, Date.now, KEY);
    const tag = fresh();
    const older = await verifications.create(started(tag, `${tag}-1`));
    const [first, second] = await Promise.all([
      verifications.create(started(tag, `${tag}-2`)),
      verifications.create(started(tag, `${tag}-3`)),
    ]);
    expect(await verifications.resendTarget(older.id)).toBeNull();
    expect(await verifications.resendTarget(first.id)).toBeNull();
    expect(await verifications.resendTarget(second.id)).toEqual({
      recipient: { email: "ana@example.com" },
      channels: null,
    });
  });

  it("a write that fails fails only its own caller: the rest of its batch is written and answered", async () => {
    const audit = createAuditLog(db.app);
    const verifications = createVerifications(db.app, Date.now, KEY);
    const tag = fresh();
    const pending = await verifications.create(started(tag, `${tag}-code`));
    const bad = { ...event(`${tag}-bad`), subject: null } as unknown as OtpEvent;
    const [goods, badResult, created, completed] = await Promise.all([
      Promise.allSettled(Array.from({ length: 10 }, (_, i) => audit.record(event(`${tag}-${i}`)))),
      audit.record(bad).then(
        () => "written",
        (error: Error) => error.message,
      ),
      verifications.create(started(`${tag}-other`, `${tag}-other-code`)),
      verifications.complete(pending.id, "verified"),
    ]);
    expect(goods.map((g) => g.status)).toEqual(Array(10).fill("fulfilled"));
    // They were one batch: it rolled back, and each write ran again alone.
    expect(db.sent).toContain("rollback");
    expect(badResult).toMatch(/null|NOT NULL/i);
    // Answered once, right: the batch's rollback did not count as a completion.
    expect(completed).toBe(true);
    expect((await verifications.get(pending.id))?.status).toBe("verified");
    expect(await verifications.get(created.id)).not.toBeNull();
    for (let i = 0; i < 10; i++) {
      expect(await audit.list({ subject: `${tag}-${i}` })).toHaveLength(1);
    }
  });

  it("close() commits every queued write before it resolves; a write after it is refused, clearly", async () => {
    const own = await where.open();
    const audit = createAuditLog(own.app);
    const tag = fresh();
    const queued = Array.from({ length: 50 }, (_, i) => audit.record(event(`${tag}-${i}`)));
    await own.app.close();
    expect((await Promise.allSettled(queued)).every((r) => r.status === "fulfilled")).toBe(true);
    await expect(audit.record(event(`${tag}-late`))).rejects.toThrow(
      /app database is closed: the audit event write was not made/,
    );
    // Another handle (another process) finds all 50.
    const reader = createAuditLog(db.app);
    for (const i of [0, 25, 49])
      expect(await reader.list({ subject: `${tag}-${i}` })).toHaveLength(1);
  });
});

describe("when the database itself fails under queued writes", () => {
  it("SQLite: every caller gets the error; none hangs, none is answered as written", async () => {
    const where = await testDatabase("sqlite", "group_commit_down");
    try {
      const { app } = await where.open();
      const audit = createAuditLog(app);
      if (app.native.dialect !== "sqlite") throw new Error("expected SQLite");
      app.native.file.close(); // the connection is gone under the group commit
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => audit.record(event(`down-${i}`))),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill("rejected"));
      expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/not open/);
    } finally {
      await where.drop();
    }
  });

  it("PostgreSQL: an unreachable server fails every queued write with the connection error", async () => {
    const app = openDatabase({
      url: "postgres://postgres@127.0.0.1:1/otpkit",
      sqlitePath: "unused",
    });
    try {
      const audit = createAuditLog(app);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => audit.record(event(`down-${i}`))),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill("rejected"));
      expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/ECONNREFUSED/);
    } finally {
      await app.close();
    }
  });
});
