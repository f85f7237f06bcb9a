import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSqliteStore } from "../src/index.js";
import { startWorker, useTempDir } from "./support.js";

// Durability and multi-process safety on real files, with real separate OS processes.
const dir = useTempDir();

describe("restart", () => {
  it("close and reopen the same file: values, counters and their expiry are intact", async () => {
    const path = join(dir.path, "otp.db");
    const first = createSqliteStore({ path });
    await first.set("{s}:code", "kept", 600_000);
    await first.setIfAbsent("{s}:lock", "held", 600_000);
    for (let i = 0; i < 3; i++) await first.increment("{s}:attempts", 2_000);
    await first.close();

    const second = createSqliteStore({ path });
    try {
      expect(await second.get("{s}:code")).toBe("kept");
      expect(await second.setIfAbsent("{s}:lock", "other", 600_000)).toBe(false);
      expect(await second.increment("{s}:attempts", 600_000)).toBe(4);
      // The counter kept its original 2 s window across the restart (it did not get a new one).
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      expect(await second.increment("{s}:attempts", 600_000)).toBe(1);
    } finally {
      await second.close();
    }
  });

  it("a process that exits without close() (WAL not checkpointed) loses nothing it acknowledged", async () => {
    const path = join(dir.path, "otp.db");
    const worker = startWorker(["write", path]);
    expect(await worker.next<{ written: boolean }>()).toEqual({ written: true });
    expect(await worker.exited).toBe(0);

    const store = createSqliteStore({ path });
    try {
      expect(await store.get("{crash}:code")).toBe("survives");
      expect(await store.increment("{crash}:attempts", 600_000)).toBe(4);
    } finally {
      await store.close();
    }
  });
});

describe("two processes on one file", () => {
  it("increment the same key concurrently and end at the exact total, every result unique", async () => {
    const path = join(dir.path, "shared.db");
    const perWorker = 300;
    // Both processes open the fresh file at the same time: schema creation and the switch to WAL
    // must not fail either of them.
    const workers = [0, 1].map(() =>
      startWorker(["increment", path, "{race}:attempts", String(perWorker), "3"]),
    );
    for (const worker of workers) expect(await worker.next()).toEqual({ ready: true });
    for (const worker of workers) worker.send("go");
    const outputs = await Promise.all(
      workers.map((worker) => worker.next<{ results: number[] }>()),
    );
    for (const worker of workers) expect(await worker.exited).toBe(0);

    const all = outputs.flatMap((output) => output.results);
    expect(all).toHaveLength(2 * perWorker);
    expect(new Set(all).size).toBe(2 * perWorker); // no two increments saw the same count
    expect(Math.max(...all)).toBe(2 * perWorker);
    // Both really ran at the same time: each saw counts the other one produced in between.
    for (const output of outputs) expect(Math.max(...output.results)).toBeGreaterThan(perWorker);

    const store = createSqliteStore({ path });
    try {
      expect(await store.get("{race}:attempts")).toBe(String(2 * perWorker));
    } finally {
      await store.close();
    }
  });

  it("consume(key, expected) racing from two processes hands every value to exactly one", async () => {
    const path = join(dir.path, "consume.db");
    const n = 300;
    const setup = createSqliteStore({ path });
    for (let i = 0; i < n; i++) await setup.set(`{c}:${i}`, `value-${i}`, 600_000);
    await setup.close();

    const workers = [0, 1].map(() => startWorker(["consume", path, "{c}:", String(n)]));
    for (const worker of workers) expect(await worker.next()).toEqual({ ready: true });
    for (const worker of workers) worker.send("go");
    const [a, b] = await Promise.all(workers.map((worker) => worker.next<{ won: number[] }>()));
    const won = [...a!.won, ...b!.won].sort((x, y) => x - y);
    expect(won).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});
