import { describe, expect, it } from "vitest";
import { createCodePool } from "./code-pool.js";

describe("createCodePool", () => {
  it("hands out each code once, oldest first", () => {
    const pool = createCodePool<string>(1_000);
    pool.push("a");
    pool.push("b");
    expect(pool.size()).toBe(2);
    expect(pool.take()).toBe("a");
    expect(pool.take()).toBe("b");
    expect(pool.take()).toBeUndefined();
    expect(pool.size()).toBe(0);
  });

  it("forgets codes older than the maximum age", () => {
    let now = 0;
    const pool = createCodePool<string>(1_000, () => now);
    pool.push("old");
    now = 600;
    pool.push("young");
    now = 1_200;
    expect(pool.size()).toBe(1);
    expect(pool.take()).toBe("young");
  });

  it("stays correct across compaction", () => {
    const pool = createCodePool<number>(1_000, () => 0);
    for (let i = 0; i < 30_000; i++) pool.push(i);
    const taken = Array.from({ length: 25_000 }, () => pool.take());
    expect(taken).toEqual(Array.from({ length: 25_000 }, (_, i) => i));
    pool.push(30_000);
    expect(pool.size()).toBe(5_001);
    expect(pool.take()).toBe(25_000);
  });
});
