/// <reference types="node" />
// What the bench and its profiling child share: the engine under test, its subjects, and the
// node:crypto HMAC that a server injects. The node import lives here, in the bench, never in src:
// otp-core itself imports nothing from `node:`.
import { createHmac } from "node:crypto";
import type { HmacFunction, Otp, OtpStore } from "../src/index.js";
import { createMemoryStore, createOtp } from "../src/index.js";

/** The HMAC a Node server injects through the engine's `hmac` option. */
export const nodeHmac: HmacFunction = (key, data) =>
  createHmac("sha256", key).update(data).digest();

/** Which HMAC the engine uses: its default (noble, pre-keyed) or node's, injected. */
export type HmacChoice = "noble" | "node";

/**
 * An engine on `store` (a fresh memory store by default) with the cooldown and send cap out of
 * the way: a bench reuses subjects far faster than any person could.
 */
export function benchEngine(hmac: HmacChoice, store: OtpStore = createMemoryStore()): Otp {
  return createOtp({
    store,
    secrets: [{ id: "bench", key: "bench-secret-0123456789abcdefghijklmnop" }],
    namingKey: "bench-naming-key-0123456789abcdefghijklmnop",
    scheduleUnlocks: false,
    resend: { cooldownMs: 0, maxSends: 1_000 },
    ...(hmac === "node" ? { hmac: nodeHmac } : {}),
  });
}

/** Subject names, built once so that building them is not measured. */
export function subjects(n: number, prefix = "user"): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${i}@example.com`);
}

/** The issue + verify cycle: the whole life of one code. Throws if either step goes wrong. */
export async function cycle(otp: Otp, subject: string): Promise<void> {
  const issued = await otp.issue({ subject, deliver: false });
  if (issued.status !== "issued" || issued.code === undefined) {
    throw new Error(`issue: ${issued.status}`);
  }
  const verified = await otp.verify({ subject, code: issued.code });
  if (verified.status !== "verified") throw new Error(`verify: ${verified.status}`);
}

/**
 * Runs cycles over a pool of subjects. A pool of 10,000 keeps the store as big as a busy
 * instance's while no subject gets near the send cap (1,000 an hour here).
 */
export function cycler(otp: Otp, pool = 10_000): () => Promise<void> {
  const names = subjects(pool);
  let i = 0;
  return () => cycle(otp, names[i++ % pool]!);
}
