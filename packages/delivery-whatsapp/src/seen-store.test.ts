import { expect, test } from "vitest";
import { createMemorySeenStore } from "./seen-store.js";

test("create-if-absent is true once per key until it expires; delete-if-equal forgets", async () => {
  let t = 0;
  const seen = createMemorySeenStore({ now: () => t });
  expect(await seen.compareAndSet("a", null, "1", 1000)).toBe(true);
  expect(await seen.compareAndSet("a", null, "1", 1000)).toBe(false);
  t = 1000;
  expect(await seen.compareAndSet("a", null, "1", 1000)).toBe(true);
  expect(await seen.compareAndSet("a", "1", null, 1)).toBe(true);
  expect(await seen.compareAndSet("a", "1", null, 1)).toBe(false);
  expect(await seen.compareAndSet("a", null, "1", 1000)).toBe(true);
});

test("bounded: past maxEntries the oldest keys are forgotten", async () => {
  const seen = createMemorySeenStore({ maxEntries: 2 });
  for (const key of ["a", "b", "c"]) await seen.compareAndSet(key, null, "1", 60_000);
  expect(await seen.compareAndSet("c", null, "1", 60_000)).toBe(false);
  expect(await seen.compareAndSet("b", null, "1", 60_000)).toBe(false);
  expect(await seen.compareAndSet("a", null, "1", 60_000)).toBe(true);
});
