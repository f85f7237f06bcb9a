import { expect, test } from "vitest";
import { createMemorySeenStore } from "./seen-store.js";

test("setIfAbsent is true once per key until it expires; delete forgets", async () => {
  let t = 0;
  const seen = createMemorySeenStore({ now: () => t });
  expect(await seen.setIfAbsent("a", "1", 1000)).toBe(true);
  expect(await seen.setIfAbsent("a", "1", 1000)).toBe(false);
  t = 1000;
  expect(await seen.setIfAbsent("a", "1", 1000)).toBe(true);
  await seen.delete?.("a");
  expect(await seen.setIfAbsent("a", "1", 1000)).toBe(true);
});

test("bounded: past maxEntries the oldest keys are forgotten", async () => {
  const seen = createMemorySeenStore({ maxEntries: 2 });
  for (const key of ["a", "b", "c"]) await seen.setIfAbsent(key, "1", 60_000);
  expect(await seen.setIfAbsent("c", "1", 60_000)).toBe(false);
  expect(await seen.setIfAbsent("b", "1", 60_000)).toBe(false);
  expect(await seen.setIfAbsent("a", "1", 60_000)).toBe(true);
});
