import { expect } from "vitest";
import type { StorageCase } from "./storage-cases.js";
import { MINUTE, T0 } from "./storage-cases.js";

// @internal describeHubSpotStorage's concurrency cases: what "atomic" promises when several
// processes act on one row at once. Not re-exported.

/** How many callers race on one row. */
export const PARALLEL = 50;

/** Starts `count` calls before awaiting any. */
const race = <T>(count: number, call: (i: number) => Promise<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: count }, (_, i) => call(i)));

const winners = (won: readonly boolean[]): number[] => won.flatMap((w, i) => (w ? [i] : []));

/** @internal The race cases, by their exact test name. */
export const RACE_CASES = {
  "race: N parallel saves of one callback result have one winner, and all get its answer": async (
    s,
    { portal, id },
  ) => {
    const portalId = portal();
    const callbackId = id("cb");
    const saved = await race(PARALLEL, (i) =>
      s.saveCallbackResult({ portalId, callbackId, result: `answer-${i}`, expiresAt: T0 }),
    );
    const won = winners(saved.map((r) => r.created));
    expect(won, `winners among ${PARALLEL} parallel saves`).toHaveLength(1);
    const answer = `answer-${won[0]}`;
    expect(new Set(saved.map((r) => r.result)), "every caller gets the first answer").toEqual(
      new Set([answer]),
    );
    expect(await s.getCallbackResult(portalId, callbackId)).toBe(answer);
  },

  "race: N parallel claims of a due callback have exactly one winner": async (
    s,
    { portal, id },
  ) => {
    const portalId = portal();
    const callbackId = id("cb");
    await s.addPendingCallback({
      portalId,
      callbackId,
      subject: "s",
      purpose: "p",
      expiresAt: T0,
    });
    const claims = await race(PARALLEL, (i) =>
      s.claimPendingCallback({
        portalId,
        callbackId,
        now: T0,
        leaseUntil: T0 + MINUTE,
        outcome: `outcome-${i}`,
      }),
    );
    const won = winners(claims.map((c) => c !== null));
    expect(won, `winners among ${PARALLEL} parallel claims`).toHaveLength(1);
    expect(claims[won[0]!]?.claim?.outcome).toBe(`outcome-${won[0]}`);
    expect(await s.listDueCallbacks(T0 + MINUTE - 1, 1000), "held by the winner").toEqual([]);
  },

  "race: N parallel claims of a lapsed claim have one winner, which keeps the first outcome":
    async (s, { portal, id }) => {
      const portalId = portal();
      const callbackId = id("cb");
      await s.addPendingCallback({
        portalId,
        callbackId,
        subject: "s",
        purpose: "p",
        expiresAt: T0 + 60 * MINUTE,
      });
      const claim = { portalId, callbackId, now: T0, leaseUntil: T0 + MINUTE, outcome: "verified" };
      expect(await s.claimPendingCallback(claim)).not.toBeNull();
      const later = T0 + 2 * MINUTE;
      const claims = await race(PARALLEL, () =>
        s.claimPendingCallback({
          ...claim,
          now: later,
          leaseUntil: later + MINUTE,
          outcome: "expired",
        }),
      );
      const won = winners(claims.map((c) => c !== null));
      expect(won, `winners among ${PARALLEL} parallel re-claims`).toHaveLength(1);
      expect(claims[won[0]!]?.claim).toEqual({ until: later + MINUTE, outcome: "verified" });
    },

  "race: N parallel consumes of one OAuth state have exactly one winner": async (s, { id }) => {
    const state = id("state");
    await s.createOAuthState(state, T0 + MINUTE);
    const spent = await race(PARALLEL, () => s.consumeOAuthState(state, T0));
    expect(winners(spent), `winners among ${PARALLEL} parallel consumes`).toHaveLength(1);
  },

  "race: N parallel token replaces with one expected value have exactly one winner": async (
    s,
    { portal },
  ) => {
    const portalId = portal();
    await s.putTokens(portalId, "sealed-0");
    const replaced = await race(PARALLEL, (i) =>
      s.replaceTokens(portalId, "sealed-0", `sealed-${i + 1}`),
    );
    const won = winners(replaced);
    expect(won, `winners among ${PARALLEL} parallel replaces`).toHaveLength(1);
    expect(await s.getTokens(portalId)).toBe(`sealed-${won[0]! + 1}`);
  },

  "race: N parallel adds of one pending callback have exactly one winner": async (
    s,
    { portal, id },
  ) => {
    const portalId = portal();
    const callbackId = id("cb");
    const added = await race(PARALLEL, (i) =>
      s.addPendingCallback({
        portalId,
        callbackId,
        subject: `subject-${i}`,
        purpose: "p",
        expiresAt: T0,
      }),
    );
    const won = winners(added);
    expect(won, `winners among ${PARALLEL} parallel adds`).toHaveLength(1);
    const due = await s.listDueCallbacks(T0, 1000);
    expect(
      due.map((d) => d.subject),
      "the winner's row, once",
    ).toEqual([`subject-${won[0]}`]);
  },
} satisfies Record<string, StorageCase>;
