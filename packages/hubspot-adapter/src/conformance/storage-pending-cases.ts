import { expect } from "vitest";
import type { StorageCase } from "./storage-cases.js";
import { MINUTE, pendingFor, T0 } from "./storage-cases.js";

// @internal describeHubSpotStorage's cases of pending Wait-for-verification callbacks (without
// races): add, find by subject, the due list, claims and leases, remove. Not re-exported.

/** @internal The pending-callback cases, by their exact test name. */
export const PENDING_CASES = {
  "pending: add once, find unclaimed ones of one subject, earliest first, bounded": async (
    s,
    { portal, id },
  ) => {
    const p = portal();
    const [c1, c2, c3, other] = [id("c1"), id("c2"), id("c3"), id("other")];
    expect(await s.addPendingCallback(pendingFor(p, c2, { expiresAt: T0 + 2 * MINUTE }))).toBe(
      true,
    );
    expect(await s.addPendingCallback(pendingFor(p, c1, { expiresAt: T0 + MINUTE }))).toBe(true);
    expect(await s.addPendingCallback(pendingFor(p, c3, { expiresAt: T0 + 3 * MINUTE }))).toBe(
      true,
    );
    expect(
      await s.addPendingCallback(pendingFor(p, c1, { subject: "changed" })),
      "a retried add",
    ).toBe(false);
    await s.addPendingCallback(pendingFor(p, other, { subject: "hubspot:p:contact:2" }));
    await s.addPendingCallback(pendingFor(p + 1, id("x"))); // same subject, another portal
    await s.addPendingCallback(pendingFor(p, id("y"), { purpose: "other" }));

    const query = { portalId: p, subject: "hubspot:p:contact:1", purpose: "verify" };
    const found = await s.findPendingCallbacks({ ...query, limit: 10 });
    expect(found.map((f) => f.callbackId)).toEqual([c1, c2, c3]);
    expect(found[0]).toEqual({ ...pendingFor(p, c1, { expiresAt: T0 + MINUTE }), claim: null });
    const two = await s.findPendingCallbacks({ ...query, limit: 2 });
    expect(
      two.map((f) => f.callbackId),
      "limit",
    ).toEqual([c1, c2]);

    await s.claimPendingCallback({
      portalId: p,
      callbackId: c1,
      now: T0,
      leaseUntil: T0 + 5 * MINUTE,
      outcome: "verified",
    });
    const after = await s.findPendingCallbacks({ ...query, limit: 10 });
    expect(
      after.map((f) => f.callbackId),
      "a claimed one is not found",
    ).toEqual([c2, c3]);
  },

  "pending: due lists ended windows and lapsed claims, earliest due first, bounded": async (
    s,
    { portal, id },
  ) => {
    const p = portal();
    const [a, b, c, held, future] = [id("a"), id("b"), id("c"), id("held"), id("future")];
    await s.addPendingCallback(pendingFor(p, b, { expiresAt: T0 + 2 * MINUTE }));
    await s.addPendingCallback(pendingFor(p, a, { expiresAt: T0 + MINUTE }));
    await s.addPendingCallback(pendingFor(p, c, { expiresAt: T0 + 3 * MINUTE }));
    await s.addPendingCallback(pendingFor(p, held, { expiresAt: T0 + 60 * MINUTE }));
    await s.addPendingCallback(pendingFor(p, future, { expiresAt: T0 + 60 * MINUTE }));
    // `held` is claimed until T0 + 2.5 min: due again after that, before `c`.
    await s.claimPendingCallback({
      portalId: p,
      callbackId: held,
      now: T0,
      leaseUntil: T0 + 2.5 * MINUTE,
      outcome: "verified",
    });

    const ids = async (now: number, limit = 1000) =>
      (await s.listDueCallbacks(now, limit)).map((d) => d.callbackId);
    expect(await ids(T0 + MINUTE - 1), "nothing due yet").toEqual([]);
    expect(await ids(T0 + MINUTE), "due at expiresAt").toEqual([a]);
    expect(await ids(T0 + 2 * MINUTE + 1)).toEqual([a, b]);
    expect(await ids(T0 + 3 * MINUTE)).toEqual([a, b, held, c]);
    expect(await ids(T0 + 3 * MINUTE, 2), "limit").toEqual([a, b]);
    const [first] = await s.listDueCallbacks(T0 + 3 * MINUTE, 1);
    expect(first, "listing claims nothing").toEqual({
      ...pendingFor(p, a, { expiresAt: T0 + MINUTE }),
      claim: null,
    });
  },

  "pending: a claim holds until its lease lapses, then keeps its first outcome": async (
    s,
    { portal, id },
  ) => {
    const p = portal();
    const callbackId = id("cb");
    const claim = (now: number, outcome: string) =>
      s.claimPendingCallback({ portalId: p, callbackId, now, leaseUntil: now + MINUTE, outcome });
    expect(await claim(T0, "verified"), "unknown").toBeNull();
    await s.addPendingCallback(pendingFor(p, callbackId));

    const first = await claim(T0, "verified");
    expect(first).toEqual({
      ...pendingFor(p, callbackId),
      claim: { until: T0 + MINUTE, outcome: "verified" },
    });
    expect(await claim(T0 + MINUTE - 1, "expired"), "held").toBeNull();
    const again = await claim(T0 + MINUTE, "expired");
    expect(again?.claim, "lapsed: taken again, first outcome kept").toEqual({
      until: T0 + 2 * MINUTE,
      outcome: "verified",
    });
    expect(
      await s.claimPendingCallback({
        portalId: p + 1,
        callbackId,
        now: T0 + 9 * MINUTE,
        leaseUntil: T0 + 10 * MINUTE,
        outcome: "x",
      }),
      "another portal",
    ).toBeNull();
    expect(await s.removePendingCallback(p, callbackId), "remove").toBe(true);
    expect(await s.removePendingCallback(p, callbackId), "removed once").toBe(false);
    expect(await claim(T0 + 9 * MINUTE, "expired"), "removed").toBeNull();
    expect(await s.listDueCallbacks(T0 + 99 * MINUTE, 1000)).toEqual([]);
  },
} satisfies Record<string, StorageCase>;
