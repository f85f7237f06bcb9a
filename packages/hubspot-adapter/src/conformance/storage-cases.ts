import { randomBytes, randomInt } from "node:crypto";
import { expect } from "vitest";
import type { HubSpotAppStorage, NewPendingCallback } from "../storage.js";

// @internal The bodies of describeHubSpotStorage's cases that need no races. Not re-exported.

/** @internal What a case gets besides its fresh storage. */
export interface StorageCaseContext {
  /** A random portal id no other test uses (below 2^31, so any integer column holds it). */
  portal(): number;
  /** A random id (callbackId, state) with a readable label. */
  id(label: string): string;
}

/** @internal One case's body. */
export type StorageCase = (storage: HubSpotAppStorage, ctx: StorageCaseContext) => Promise<void>;

/** @internal The default context: random portals and ids. */
export function randomContext(): StorageCaseContext {
  return {
    portal: () => randomInt(1, 2 ** 31 - 1),
    id: (label) => `${label}-${randomBytes(8).toString("base64url")}`,
  };
}

/** A fixed clock for the cases (2027-01-15): storages never read a clock of their own. */
export const T0 = 1_800_000_000_000;
/** @internal */
export const MINUTE = 60_000;

/** Values a storage must hand back byte for byte. */
const OPAQUE: readonly string[] = [
  "v1:key-2026.a:AbC_-x:0123",
  JSON.stringify({ note: 'a"b\\c\nline\r\n', n: 1, ok: true }, null, 2),
  "héllo wörld — ✓ 日本語 עברית 🙂👍🏽",
  "e\u0301 vs \u00e9",
  " padded ",
  "x".repeat(8192),
];

/** @internal A new pending callback with defaults. */
export const pendingFor = (
  portalId: number,
  callbackId: string,
  over: Partial<NewPendingCallback> = {},
): NewPendingCallback => ({
  portalId,
  callbackId,
  subject: "hubspot:p:contact:1",
  purpose: "verify",
  expiresAt: T0 + 10 * MINUTE,
  ...over,
});

/** @internal The cases without races, by their exact test name. */
export const VALUE_CASES = {
  "tokens: a portal without tokens reads null": async (s, { portal }) => {
    expect(await s.getTokens(portal())).toBeNull();
  },

  "tokens: put replaces, compare-and-set replaces only the current value, delete once": async (
    s,
    { portal },
  ) => {
    const p = portal();
    await s.putTokens(p, "sealed-1");
    await s.putTokens(p, "sealed-2");
    expect(await s.getTokens(p), "put replaces").toBe("sealed-2");
    expect(await s.replaceTokens(p, "sealed-1", "sealed-3"), "stale expected").toBe(false);
    expect(await s.getTokens(p), "a failed replace changes nothing").toBe("sealed-2");
    expect(await s.replaceTokens(p, "sealed-2", "sealed-3"), "current expected").toBe(true);
    expect(await s.getTokens(p)).toBe("sealed-3");
    expect(await s.deleteTokens(p), "first delete").toBe(true);
    expect(await s.deleteTokens(p), "second delete").toBe(false);
    expect(await s.replaceTokens(p, "sealed-3", "sealed-4"), "replace never creates").toBe(false);
    expect(await s.getTokens(p)).toBeNull();
  },

  "tokens and settings are per portal": async (s, { portal }) => {
    const [a, b] = [portal(), portal() + 1];
    await s.putTokens(a, "tokens-a");
    await s.putSettings(a, '{"a":1}');
    expect(await s.getTokens(b)).toBeNull();
    expect(await s.getSettings(b)).toBeNull();
    expect(await s.replaceTokens(b, "tokens-a", "x"), "expected value of another portal").toBe(
      false,
    );
    expect(await s.getTokens(a)).toBe("tokens-a");
  },

  "settings: put then get round-trips, and put replaces": async (s, { portal }) => {
    const p = portal();
    expect(await s.getSettings(p)).toBeNull();
    await s.putSettings(p, '{"codeLength":6}');
    await s.putSettings(p, '{"codeLength":8}');
    expect(await s.getSettings(p)).toBe('{"codeLength":8}');
  },

  "values round-trip byte for byte (unicode, JSON, 8 KiB)": async (s, { portal, id }) => {
    for (const value of OPAQUE) {
      const p = portal();
      await s.putTokens(p, value);
      expect(await s.getTokens(p), "tokens").toBe(value);
      await s.putSettings(p, value);
      expect(await s.getSettings(p), "settings").toBe(value);
      const saved = await s.saveCallbackResult({
        portalId: p,
        callbackId: id("cb"),
        result: value,
        expiresAt: T0,
      });
      expect(saved.result, "callback result").toBe(value);
    }
  },

  "tokens compare byte for byte: no trimming or unicode normalisation": async (s, { portal }) => {
    const p = portal();
    await s.putTokens(p, "e\u0301 padded ");
    expect(await s.replaceTokens(p, "\u00e9 padded ", "x"), "NFC form").toBe(false);
    expect(await s.replaceTokens(p, "e\u0301 padded", "x"), "trimmed").toBe(false);
    expect(await s.replaceTokens(p, "E\u0301 PADDED ", "x"), "case").toBe(false);
    expect(await s.getTokens(p)).toBe("e\u0301 padded ");
  },

  "portal ids beyond 32 bits round-trip as numbers": async (s, { portal, id }) => {
    // HubSpot's portal ids are numbers without a documented bound: a 32-bit column (or a BIGINT
    // read back as a string, as `pg` does) fails here.
    const p = 2 ** 40 + portal();
    const callbackId = id("cb");
    await s.putTokens(p, "sealed");
    expect(await s.getTokens(p)).toBe("sealed");
    expect(await s.getTokens(p - 2 ** 40), "no truncation to the low bits").toBeNull();
    await s.addPendingCallback(pendingFor(p, callbackId, { expiresAt: T0 }));
    const [due] = await s.listDueCallbacks(T0, 1000);
    expect(due?.portalId).toBe(p);
    expect(typeof due?.portalId).toBe("number");
    const claimed = await s.claimPendingCallback({
      portalId: p,
      callbackId,
      now: T0,
      leaseUntil: T0 + MINUTE,
      outcome: "expired",
    });
    expect(claimed?.portalId).toBe(p);
    expect(claimed?.claim).toEqual({ until: T0 + MINUTE, outcome: "expired" });
  },

  "oauth state: spent exactly once, only before it expires": async (s, { id }) => {
    const state = id("state");
    const late = id("late");
    expect(await s.createOAuthState(state, T0 + 10 * MINUTE)).toBe(true);
    expect(await s.createOAuthState(state, T0 + 20 * MINUTE), "duplicate").toBe(false);
    expect(await s.createOAuthState(late, T0 + MINUTE)).toBe(true);
    expect(await s.consumeOAuthState(id("unknown"), T0), "unknown").toBe(false);
    expect(await s.consumeOAuthState(late, T0 + MINUTE), "at its expiry").toBe(false);
    expect(await s.consumeOAuthState(state, T0 + 10 * MINUTE - 1), "just before expiry").toBe(true);
    expect(await s.consumeOAuthState(state, T0), "spent").toBe(false);
  },

  "callback result: the first save wins and is returned to every later save": async (
    s,
    { portal, id },
  ) => {
    const p = portal();
    const callbackId = id("cb");
    expect(await s.getCallbackResult(p, callbackId)).toBeNull();
    const input = { portalId: p, callbackId, expiresAt: T0 + MINUTE };
    expect(await s.saveCallbackResult({ ...input, result: "first" })).toEqual({
      result: "first",
      created: true,
    });
    expect(await s.saveCallbackResult({ ...input, result: "second" })).toEqual({
      result: "first",
      created: false,
    });
    expect(await s.getCallbackResult(p, callbackId)).toBe("first");
    expect(await s.getCallbackResult(p + 1, callbackId), "another portal").toBeNull();
  },

  "delete expired: only expired states and results, at most limit of each": async (
    s,
    { portal, id },
  ) => {
    const p = portal();
    const states = [id("s1"), id("s2"), id("s3")];
    for (const state of states) await s.createOAuthState(state, T0);
    const live = id("live");
    await s.createOAuthState(live, T0 + MINUTE);
    const results = [id("r1"), id("r2"), id("r3")];
    for (const callbackId of results) {
      await s.saveCallbackResult({ portalId: p, callbackId, result: "r", expiresAt: T0 });
    }
    await s.saveCallbackResult({
      portalId: p,
      callbackId: live,
      result: "keep",
      expiresAt: T0 + MINUTE,
    });
    const pendingId = id("pending");
    await s.addPendingCallback(pendingFor(p, pendingId, { expiresAt: T0 - MINUTE }));

    expect(await s.deleteExpired(T0 - 1, 1000), "nothing expired yet").toBe(0);
    expect(await s.deleteExpired(T0, 2), "two of each kind").toBe(4);
    expect(await s.deleteExpired(T0, 1000), "the rest").toBe(2);
    expect(await s.deleteExpired(T0, 1000)).toBe(0);
    for (const callbackId of results) expect(await s.getCallbackResult(p, callbackId)).toBeNull();
    expect(await s.getCallbackResult(p, live)).toBe("keep");
    expect(await s.consumeOAuthState(live, T0)).toBe(true);
    const due = await s.listDueCallbacks(T0, 1000);
    expect(
      due.map((d) => d.callbackId),
      "pending callbacks are never deleted here",
    ).toEqual([pendingId]);
  },

  "uninstall: removes everything of one portal and nothing of another": async (
    s,
    { portal, id },
  ) => {
    const [gone, kept] = [portal(), portal() + 1];
    const callbackId = id("cb");
    for (const p of [gone, kept]) {
      await s.putTokens(p, `tokens-${p}`);
      await s.putSettings(p, `{"p":${p}}`);
      await s.saveCallbackResult({ portalId: p, callbackId, result: `r-${p}`, expiresAt: T0 });
      await s.addPendingCallback(pendingFor(p, callbackId, { expiresAt: T0 }));
    }
    await s.uninstall(gone);
    await s.uninstall(gone); // twice is fine
    expect(await s.getTokens(gone)).toBeNull();
    expect(await s.getSettings(gone)).toBeNull();
    expect(await s.getCallbackResult(gone, callbackId)).toBeNull();
    const query = { subject: "hubspot:p:contact:1", purpose: "verify", limit: 10 };
    expect(await s.findPendingCallbacks({ ...query, portalId: gone })).toEqual([]);
    expect((await s.listDueCallbacks(T0, 1000)).map((d) => d.portalId)).toEqual([kept]);

    expect(await s.getTokens(kept)).toBe(`tokens-${kept}`);
    expect(await s.getSettings(kept)).toBe(`{"p":${kept}}`);
    expect(await s.getCallbackResult(kept, callbackId)).toBe(`r-${kept}`);
    expect(await s.findPendingCallbacks({ ...query, portalId: kept })).toHaveLength(1);
  },
} satisfies Record<string, StorageCase>;
