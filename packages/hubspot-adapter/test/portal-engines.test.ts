// Each portal's engine: built from its saved settings over the shared store, cached, rebuilt
// when the settings change, subjects kept apart per portal, and Verify checking a code with the
// shape it was issued in.
import type { OtpEvent } from "@otpkit/otp-core";
import { createMemoryStore, isOtpError } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import {
  HUBSPOT_OTP_PURPOSE,
  hubspotSubject,
  parseHubSpotSubject,
} from "../src/actions/subject.js";
import type { PortalEnginesOptions } from "../src/portal-engines.js";
import { createPortalEngines } from "../src/portal-engines.js";
import { createMemoryHubSpotStorage } from "../src/testing/index.js";

const NAMING_KEY = "portal-engines-test-naming-key-0123456789abcdef";
const SECRETS = [{ id: "k1", key: "portal-engines-test-secret-0123456789abcdef" }];

function setup(over: Partial<PortalEnginesOptions> = {}) {
  const storage = createMemoryHubSpotStorage();
  const events: [number, OtpEvent][] = [];
  const engines = createPortalEngines({
    storage,
    store: createMemoryStore(),
    secrets: SECRETS,
    namingKey: NAMING_KEY,
    channelsFor: () => [],
    engine: { resend: { cooldownMs: 0 } },
    events: (portalId, event) => {
      events.push([portalId, event]);
    },
    ...over,
  });
  return { storage, engines, events };
}

const contact = (portalId: number, objectId = "5101") =>
  hubspotSubject({ portalId, objectType: "contact", objectId });

describe("createPortalEngines", () => {
  it("gives a portal without saved settings the defaults, and caches its engine", async () => {
    const { engines } = setup();
    const a = await engines.engineFor(101);
    const b = await engines.engineFor(101);
    expect(a.snapshot.settings.code).toEqual({ type: "numeric", length: 6, allowWeak: false });
    expect(a.otp).toBe(b.otp);
    expect(a.otp.policy.length).toBe(6);
    await engines.close();
  });

  it("rebuilds the engine when the saved settings change", async () => {
    const { engines, storage } = setup();
    const before = await engines.engineFor(101);
    await storage.putSettings(101, JSON.stringify({ code: { type: "alphanumeric", length: 8 } }));
    const after = await engines.engineFor(101);
    expect(after.otp).not.toBe(before.otp);
    expect(after.otp.policy).toMatchObject({ alphabet: "alphanumeric", length: 8 });
    expect((await engines.engineFor(101)).otp).toBe(after.otp);
    await engines.close();
  });

  it("uses saved settings holding a key this version does not have, without it", async () => {
    const { engines, storage } = setup();
    const saved = { retired: true, code: { type: "alphanumeric", length: 8, legacy: 1 } };
    await storage.putSettings(101, JSON.stringify(saved));
    const { otp, snapshot } = await engines.engineFor(101);
    expect(otp.policy).toMatchObject({ alphabet: "alphanumeric", length: 8 });
    expect(snapshot.settings).not.toHaveProperty("retired");
    expect(snapshot.settings.code).toEqual({ type: "alphanumeric", length: 8, allowWeak: false });
    await engines.close();
  });

  it("refuses saved settings that no longer validate rather than fall back to the defaults", async () => {
    const { engines, storage } = setup();
    await storage.putSettings(101, JSON.stringify({ expiryMinutes: 60 })); // no opt-in
    const error = await engines.snapshot(101).catch((e: unknown) => e);
    expect(isOtpError(error) && error.code).toBe("STORE_DATA_INVALID");
    await storage.putSettings(102, "{not json");
    await expect(engines.snapshot(102)).rejects.toMatchObject({ code: "STORE_DATA_INVALID" });
  });

  it("keeps portals apart: a code of one portal's contact does not verify in another's", async () => {
    const { engines, events } = setup();
    const one = await engines.engineFor(101);
    const issued = await one.otp.issue({
      subject: contact(101),
      purpose: HUBSPOT_OTP_PURPOSE,
      deliver: false,
    });
    if (issued.status !== "issued") throw new Error(issued.status);
    const two = await engines.engineFor(202);
    const elsewhere = await two.otp.verify({
      subject: contact(202),
      purpose: HUBSPOT_OTP_PURPOSE,
      code: issued.code!,
    });
    expect(elsewhere.status).toBe("not_found");
    expect(events.map(([portal, e]) => [portal, e.type])).toEqual([[101, "issued"]]);
    await engines.close();
  });

  it("verifies a code with the shape it was issued in, until another code replaces it", async () => {
    const { engines } = setup();
    const snapshot = await engines.snapshot(101);
    const subject = contact(101);
    const long = await engines
      .engine(snapshot, { type: "alpha", length: 8 })
      .issue({ subject, purpose: HUBSPOT_OTP_PURPOSE, deliver: false });
    if (long.status !== "issued") throw new Error(long.status);
    await engines.rememberShape({
      portalId: 101,
      subject,
      codeId: long.codeId,
      shape: { alphabet: "alpha", length: 8 },
      expiresAt: long.expiresAt,
    });
    expect((await engines.engineForCode(snapshot, subject)).policy).toMatchObject({
      alphabet: "alpha",
      length: 8,
    });
    // Without the record the right code would be malformed for the settings' 6 digits.
    expect(
      (
        await engines
          .engine(snapshot)
          .verify({ subject, purpose: HUBSPOT_OTP_PURPOSE, code: long.code! })
      ).status,
    ).toBe("malformed");

    // A code issued with the settings (the card, a workflow without override) replaces it.
    const plain = await engines
      .engine(snapshot)
      .issue({ subject, purpose: HUBSPOT_OTP_PURPOSE, deliver: false });
    if (plain.status !== "issued") throw new Error(plain.status);
    const otp = await engines.engineForCode(snapshot, subject);
    expect(otp.policy.length).toBe(6);
    expect(
      (await otp.verify({ subject, purpose: HUBSPOT_OTP_PURPOSE, code: plain.code! })).status,
    ).toBe("verified");
    await engines.close();
  });

  it("keeps at most maxPortals portals built", async () => {
    const { engines } = setup({ maxPortals: 1 });
    const first = (await engines.engineFor(101)).otp;
    await engines.engineFor(202);
    expect((await engines.engineFor(101)).otp).not.toBe(first);
    await engines.close();
  });

  it("refuses bad options with CONFIG_INVALID", () => {
    expect(() => setup({ channelsFor: undefined as never })).toThrow(/channelsFor/);
    expect(() => setup({ namingKey: "short" })).toThrow(/namingKey/);
    expect(() => setup({ maxPortals: 0 })).toThrow(/maxPortals/);
  });
});

describe("hubspotSubject", () => {
  it("names a record per portal, and reads it back", () => {
    const subject = hubspotSubject({ portalId: 99887766, objectType: "deal", objectId: "42" });
    expect(subject).toBe("hubspot:99887766:deal:42");
    expect(parseHubSpotSubject(subject)).toEqual({
      portalId: 99887766,
      objectType: "deal",
      objectId: "42",
    });
    for (const other of [
      "user-42",
      "hubspot:0:contact:1",
      "hubspot:1:company:1",
      "hubspot:1:contact:x",
    ]) {
      expect(parseHubSpotSubject(other), other).toBeUndefined();
    }
  });

  it("refuses what is not a HubSpot record", () => {
    const bad = [
      { portalId: 0, objectType: "contact", objectId: "1" },
      { portalId: 1.5, objectType: "contact", objectId: "1" },
      { portalId: 1, objectType: "company", objectId: "1" },
      { portalId: 1, objectType: "contact", objectId: "1:2" },
    ];
    for (const ref of bad) {
      expect(() => hubspotSubject(ref as never)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" }),
      );
    }
  });
});
