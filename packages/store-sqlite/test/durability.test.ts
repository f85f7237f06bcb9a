import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSqliteStore } from "../src/index.js";
import { startWorker, useTempDir } from "./support.js";

// Durability and multi-process safety on real files, with real separate OS processes.
const dir = useTempDir();

describe("restart", () => {
  it("close and reopen the same file: records and their expiry are intact", async () => {
    const path = join(dir.path, "otp.db");
    let t = 1_700_000_000_000;
    const now = () => t;
    const first = createSqliteStore({ path, now });
    expect(await first.compareAndSet("{s}", null, "r1", 2_000)).toBe(true);
    expect(await first.compareAndSet("{s}", "r1", "kept", 2_000)).toBe(true);
    expect(await first.compareAndSet("{other}", null, "x", 600_000)).toBe(true);
    await first.close();

    const second = createSqliteStore({ path, now });
    try {
      expect(await second.get("{s}")).toBe("kept");
      expect(await second.compareAndSet("{s}", null, "other", 600_000)).toBe(false);
      expect(await second.compareAndSet("{other}", "x", null, 0)).toBe(true);
      // The record kept its 2 s expiry across the restart (it did not get a new one).
      t += 1_999;
      expect(await second.get("{s}")).toBe("kept");
      t += 1;
      expect(await second.get("{s}")).toBeNull();
      expect(await second.compareAndSet("{s}", null, "fresh", 600_000)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it("a process killed (SIGKILL) without close() loses nothing it acknowledged", async () => {
    const path = join(dir.path, "otp.db");
    const worker = startWorker(["write", path]);
    expect(await worker.next<{ written: boolean }>()).toEqual({ written: true });
    worker.child.kill("SIGKILL"); // the WAL is not checkpointed, as after a crash
    await worker.exited;

    const store = createSqliteStore({ path });
    try {
      expect(await store.get("{crash}")).toBe("survives");
      expect(await store.get("{gone}")).toBeNull();
      expect(await store.compareAndSet("{crash}", "first", "stale", 600_000)).toBe(false);
      expect(await store.compareAndSet("{crash}", "survives", "next", 600_000)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe("two processes on one file", () => {
  it("read + compare-and-set loops on one key end at the exact total, every value written once", async () => {
    const path = join(dir.path, "shared.db");
    const perWorker = 200;
    // Both processes open the fresh file at the same time: schema creation and the switch to WAL
    // must not fail either of them.
    const workers = [0, 1].map(() =>
      startWorker(["increment", path, "{race}", String(perWorker), "3"]),
    );
    for (const worker of workers) expect(await worker.next()).toEqual({ ready: true });
    for (const worker of workers) worker.send("go");
    const outputs = await Promise.all(
      workers.map((worker) => worker.next<{ results: number[]; lost: number }>()),
    );
    for (const worker of workers) expect(await worker.exited).toBe(0);

    const all = outputs.flatMap((output) => output.results);
    expect(all).toHaveLength(2 * perWorker);
    // No two compare-and-sets won from the same value: every value was written exactly once.
    expect(new Set(all).size).toBe(2 * perWorker);
    expect(Math.max(...all)).toBe(2 * perWorker);
    // Both really ran at the same time: each wrote values after ones the other wrote in between.
    for (const output of outputs) expect(Math.max(...output.results)).toBeGreaterThan(perWorker);

    const store = createSqliteStore({ path });
    try {
      expect(await store.get("{race}")).toBe(String(2 * perWorker));
    } finally {
      await store.close();
    }
  });

  it("create-if-absent racing from two processes gives every key to exactly one", async () => {
    const path = join(dir.path, "create.db");
    const n = 300;
    const workers = [0, 1].map(() => startWorker(["create", path, "{c}:", String(n)]));
    for (const worker of workers) expect(await worker.next()).toEqual({ ready: true });
    for (const worker of workers) worker.send("go");
    const [a, b] = await Promise.all(workers.map((worker) => worker.next<{ won: number[] }>()));
    const won = [...a!.won, ...b!.won].sort((x, y) => x - y);
    expect(won).toEqual(Array.from({ length: n }, (_, i) => i));

    const store = createSqliteStore({ path });
    try {
      // Each key holds the value of the one process that won it.
      for (let i = 0; i < n; i++) {
        const owner = (a!.won.includes(i) ? workers[0] : workers[1])!.child.pid;
        expect(await store.get(`{c}:${i}`)).toBe(`by-${owner}`);
      }
    } finally {
      await store.close();
    }
  });

  it("delete-if-equal racing from two processes hands every key to exactly one", async () => {
    const path = join(dir.path, "delete.db");
    const n = 300;
    const setup = createSqliteStore({ path });
    for (let i = 0; i < n; i++) await setup.compareAndSet(`{d}:${i}`, null, `value-${i}`, 600_000);
    await setup.close();

    const workers = [0, 1].map(() => startWorker(["delete", path, "{d}:", String(n)]));
    for (const worker of workers) expect(await worker.next()).toEqual({ ready: true });
    for (const worker of workers) worker.send("go");
    const [a, b] = await Promise.all(workers.map((worker) => worker.next<{ won: number[] }>()));
    const won = [...a!.won, ...b!.won].sort((x, y) => x - y);
    expect(won).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});
