import { isOtpError } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import type { HubSpotStorageTestName } from "../conformance/storage-suite.js";
import {
  describeHubSpotStorage,
  HUBSPOT_STORAGE_TESTS,
  runHubSpotStorageCase,
} from "../conformance/storage-suite.js";
import type { HubSpotAppStorage } from "../storage.js";
import { createMemoryHubSpotStorage } from "./memory-storage.js";

describeHubSpotStorage({ name: "memory", create: createMemoryHubSpotStorage });

/** Lets every other caller run: what a network round trip between a read and a write allows. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A memory storage with one method replaced by a flawed one. */
function broken(
  patch: (base: HubSpotAppStorage) => Partial<HubSpotAppStorage>,
): () => HubSpotAppStorage {
  return () => {
    const base = createMemoryHubSpotStorage();
    return { ...base, ...patch(base) };
  };
}

/**
 * The suite has teeth: each flawed storage fails exactly the cases that should catch its flaw.
 * (Run directly, not registered as failing tests.)
 */
const FLAWS: Array<{
  flaw: string;
  create: () => HubSpotAppStorage;
  fails: HubSpotStorageTestName[];
}> = [
  {
    flaw: "save-if-absent is a read, then a blind write",
    create: broken((base) => ({
      async saveCallbackResult(input) {
        const existing = await base.getCallbackResult(input.portalId, input.callbackId);
        await yieldToOthers();
        if (existing !== null) return { result: existing, created: false };
        await base.saveCallbackResult(input);
        return { result: input.result, created: true };
      },
    })),
    fails: [
      "race: N parallel saves of one callback result have one winner, and all get its answer",
    ],
  },
  {
    flaw: "a claim ignores the current holder's lease",
    create: broken((base) => ({
      async claimPendingCallback(claim) {
        const got = await base.claimPendingCallback(claim);
        if (got !== null) return got;
        const all = await base.listDueCallbacks(Number.MAX_SAFE_INTEGER, 1000);
        const row = all.find(
          (d) => d.portalId === claim.portalId && d.callbackId === claim.callbackId,
        );
        return row ? { ...row, claim: { until: claim.leaseUntil, outcome: claim.outcome } } : null;
      },
    })),
    fails: [
      "race: N parallel claims of a due callback have exactly one winner",
      "race: N parallel claims of a lapsed claim have one winner, which keeps the first outcome",
      "pending: a claim holds until its lease lapses, then keeps its first outcome",
    ],
  },
  {
    flaw: "a re-claim overwrites the first outcome",
    create: broken((base) => ({
      async claimPendingCallback(claim) {
        const got = await base.claimPendingCallback(claim);
        return got && { ...got, claim: { until: claim.leaseUntil, outcome: claim.outcome } };
      },
    })),
    fails: [
      "pending: a claim holds until its lease lapses, then keeps its first outcome",
      "race: N parallel claims of a lapsed claim have one winner, which keeps the first outcome",
    ],
  },
  {
    flaw: "an OAuth state never expires",
    create: broken((base) => ({
      consumeOAuthState: (state) => base.consumeOAuthState(state, 0),
    })),
    fails: ["oauth state: spent exactly once, only before it expires"],
  },
  {
    flaw: "portal ids read back as strings (a BIGINT through `pg`)",
    create: broken((base) => ({
      async listDueCallbacks(now, limit) {
        const due = await base.listDueCallbacks(now, limit);
        return due.map((d) => ({ ...d, portalId: String(d.portalId) as unknown as number }));
      },
    })),
    fails: [
      "portal ids beyond 32 bits round-trip as numbers",
      "pending: due lists ended windows and lapsed claims, earliest due first, bounded",
      "uninstall: removes everything of one portal and nothing of another",
    ],
  },
  {
    flaw: "uninstall deletes every portal's pending callbacks",
    create: broken((base) => ({
      async uninstall(portalId) {
        await base.uninstall(portalId);
        for (const d of await base.listDueCallbacks(Number.MAX_SAFE_INTEGER, 1000)) {
          await base.removePendingCallback(d.portalId, d.callbackId);
        }
      },
    })),
    fails: ["uninstall: removes everything of one portal and nothing of another"],
  },
  {
    flaw: "replaceTokens creates missing tokens (an upsert)",
    create: broken((base) => ({
      async replaceTokens(portalId, expected, next) {
        const current = await base.getTokens(portalId);
        if (current !== null && current !== expected) return false;
        await base.putTokens(portalId, next);
        return true;
      },
    })),
    fails: [
      "tokens: put replaces, compare-and-set replaces only the current value, delete once",
      "tokens and settings are per portal",
      "race: N parallel token replaces with one expected value have exactly one winner",
    ],
  },
];

describe("describeHubSpotStorage has teeth", () => {
  for (const { flaw, create, fails } of FLAWS) {
    it(`a storage where ${flaw} fails exactly ${fails.length} case(s)`, async () => {
      const failed: string[] = [];
      for (const name of HUBSPOT_STORAGE_TESTS) {
        const outcome = await runHubSpotStorageCase(name, create()).then(
          () => "passed",
          () => "failed",
        );
        if (outcome === "failed") failed.push(name);
      }
      expect(failed.sort()).toEqual([...fails].sort());
    });
  }
});

describe("createMemoryHubSpotStorage", () => {
  const s = createMemoryHubSpotStorage();

  it("refuses malformed arguments as INVALID_ARGUMENT naming the field", async () => {
    const cases: Array<[string, () => Promise<unknown>]> = [
      ["portalId", () => s.getTokens(0)],
      ["portalId", () => s.getTokens(1.5)],
      ["portalId", () => s.putSettings(2 ** 53, "{}")],
      ["sealed", () => s.putTokens(1, "")],
      ["limit", () => s.listDueCallbacks(0, 0)],
      ["limit", () => s.deleteExpired(0, 1001)],
      ["now", () => s.consumeOAuthState("x", -1)],
      ["callbackId", () => s.getCallbackResult(1, "")],
      [
        "leaseUntil",
        () =>
          s.claimPendingCallback({
            portalId: 1,
            callbackId: "c",
            now: 5,
            leaseUntil: 5,
            outcome: "x",
          }),
      ],
    ];
    for (const [field, call] of cases) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isOtpError(error) && error.code, field).toBe("INVALID_ARGUMENT");
      expect(isOtpError(error) && error.field, field).toBe(field);
    }
  });

  it("hands out copies: mutating a returned callback changes nothing stored", async () => {
    await s.addPendingCallback({
      portalId: 7,
      callbackId: "c",
      subject: "s",
      purpose: "p",
      expiresAt: 1,
    });
    const [due] = await s.listDueCallbacks(1, 10);
    due!.subject = "changed";
    const [again] = await s.listDueCallbacks(1, 10);
    expect(again?.subject).toBe("s");
  });
});
