import {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from "@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate.js";
import type { OtpEvent, OtpEventType } from "@otpkit/otp-core";
import { isOtpError, OTP_EVENT_TYPES } from "@otpkit/otp-core";
import { describe, expect, test } from "vitest";
import {
  codePropertyProblem,
  LAST_CHANNELS,
  OTPKIT_CODE_PROPERTY,
  OTPKIT_PROPERTIES,
  OTPKIT_PROPERTY_GROUP,
  OTPKIT_PROPERTY_NAMES,
  VERIFICATION_STATUSES,
} from "./crm-properties.js";
import { propertyUpdatesFor } from "./crm-property-updates.js";

const AT = 1_767_225_600_000;
const ev = (type: OtpEventType, extra: Partial<OtpEvent> = {}): OtpEvent => ({
  type,
  at: AT,
  subject: "contact:5101",
  purpose: "login",
  codeId: "c1",
  ...extra,
});
const code = { codeProperty: "otpkit_code" };

describe("definitions", () => {
  const all = [...OTPKIT_PROPERTIES, OTPKIT_CODE_PROPERTY];

  test("one group, every property in it, every name otpkit_-prefixed and unique", () => {
    expect(OTPKIT_PROPERTY_GROUP).toEqual({ name: "otpkit", label: "OTP verification" });
    for (const p of all) {
      expect(p.groupName).toBe("otpkit");
      expect(p.name).toMatch(/^otpkit_[a-z_]+$/);
    }
    expect(new Set(all.map((p) => p.name)).size).toBe(all.length);
    expect(OTPKIT_PROPERTIES.map((p) => p.name)).toEqual(Object.values(OTPKIT_PROPERTY_NAMES));
  });

  test("types and field types as the api-client's enums spell them", () => {
    const byName = Object.fromEntries(all.map((p) => [p.name, [p.type, p.fieldType]]));
    expect(byName).toEqual({
      otpkit_verification_status: ["enumeration", "select"],
      otpkit_verified_at: ["datetime", "date"],
      otpkit_attempts_used: ["number", "number"],
      otpkit_locked_until: ["datetime", "date"],
      otpkit_last_channel: ["enumeration", "select"],
      otpkit_last_outcome: ["enumeration", "select"],
      otpkit_last_outcome_at: ["datetime", "date"],
      otpkit_code: ["string", "text"],
    });
    for (const p of all) {
      expect(Object.values(PropertyCreateTypeEnum)).toContain(p.type);
      expect(Object.values(PropertyCreateFieldTypeEnum)).toContain(p.fieldType);
    }
  });

  test("enumerations list every value the mapping writes, with hidden: false", () => {
    const optionValues = (name: string) => {
      const p = OTPKIT_PROPERTIES.find((d) => d.name === name)!;
      for (const o of p.options ?? []) {
        expect(o.hidden).toBe(false);
        expect(o.label.length).toBeGreaterThan(0);
      }
      return p.options?.map((o) => o.value);
    };
    expect(optionValues("otpkit_verification_status")).toEqual([...VERIFICATION_STATUSES]);
    expect(optionValues("otpkit_last_channel")).toEqual([...LAST_CHANNELS]);
    expect(optionValues("otpkit_last_outcome")).toEqual([
      ...OTP_EVENT_TYPES,
      "not_found",
      "malformed",
    ]);
    for (const p of all) if (p.type !== "enumeration") expect(p.options).toBeUndefined();
  });

  test("none is offered in forms (a visitor could submit 'verified' for themselves)", () => {
    for (const p of all) expect(p.formField).toBe(false);
  });

  test("the definitions are frozen", () => {
    expect(Object.isFrozen(OTPKIT_PROPERTIES)).toBe(true);
    expect(Object.isFrozen(OTPKIT_CODE_PROPERTY)).toBe(true);
    expect(Object.isFrozen(OTPKIT_PROPERTY_GROUP)).toBe(true);
  });
});

describe("propertyUpdatesFor", () => {
  test("issued: pending, attempts reset, channel, lock cleared; the code copy is left alone", () => {
    expect(
      propertyUpdatesFor(ev("issued", { channel: "email", expiresAt: AT + 600_000 }), code),
    ).toEqual({
      otpkit_verification_status: "pending",
      otpkit_attempts_used: "0",
      otpkit_last_channel: "email",
      otpkit_locked_until: "",
      otpkit_last_outcome: "issued",
      otpkit_last_outcome_at: String(AT),
    });
  });

  test("issued: no channel (deliver: false) or a test recipient is 'none'; others 'other'", () => {
    expect(propertyUpdatesFor(ev("issued"))["otpkit_last_channel"]).toBe("none");
    expect(
      propertyUpdatesFor(ev("issued", { channel: "test", test: true }))["otpkit_last_channel"],
    ).toBe("none");
    expect(propertyUpdatesFor(ev("issued", { channel: "sms" }))["otpkit_last_channel"]).toBe(
      "other",
    );
    expect(propertyUpdatesFor(ev("issued", { channel: "whatsapp" }))["otpkit_last_channel"]).toBe(
      "whatsapp",
    );
  });

  test("issued again after a failed delivery (restored) keeps the attempts count", () => {
    const updates = propertyUpdatesFor(ev("issued", { reason: "restored" }));
    expect(updates).not.toHaveProperty("otpkit_attempts_used");
    expect(updates["otpkit_verification_status"]).toBe("pending");
  });

  test("delivered: channel and outcome, never the status", () => {
    expect(
      propertyUpdatesFor(ev("delivered", { channel: "whatsapp", messageKind: "code" }), code),
    ).toEqual({
      otpkit_last_channel: "whatsapp",
      otpkit_last_outcome: "delivered",
      otpkit_last_outcome_at: String(AT),
    });
    expect(propertyUpdatesFor(ev("delivered", { channel: "email", messageKind: "retry" }))).toEqual(
      {
        otpkit_last_channel: "email",
        otpkit_last_outcome: "delivered",
        otpkit_last_outcome_at: String(AT),
      },
    );
  });

  test("delivery_failed: channel and outcome, never the status or the code copy", () => {
    expect(
      propertyUpdatesFor(
        ev("delivery_failed", { channel: "email", messageKind: "code", error: "DELIVERY_FAILED" }),
        code,
      ),
    ).toEqual({
      otpkit_last_channel: "email",
      otpkit_last_outcome: "delivery_failed",
      otpkit_last_outcome_at: String(AT),
    });
  });

  test("lockout and unlock notices change nothing (the lock events already did)", () => {
    for (const type of ["delivered", "delivery_failed"] as const) {
      for (const messageKind of ["lockout", "unlock"]) {
        expect(propertyUpdatesFor(ev(type, { channel: "email", messageKind }), code)).toEqual({});
      }
    }
  });

  test("failed: one more wrong attempt, counted from the current value", () => {
    const failed = ev("failed", { attemptsRemaining: 1 });
    expect(propertyUpdatesFor(failed, { current: { otpkit_attempts_used: "1" } })).toEqual({
      otpkit_attempts_used: "2",
      otpkit_last_outcome: "failed",
      otpkit_last_outcome_at: String(AT),
    });
    for (const value of [undefined, null, "", "junk", "-3"]) {
      const updates = propertyUpdatesFor(failed, { current: { otpkit_attempts_used: value } });
      expect(updates["otpkit_attempts_used"]).toBe("1");
    }
  });

  test("failed: without current values the count is not guessed, and the copy stays", () => {
    expect(propertyUpdatesFor(ev("failed", { attemptsRemaining: 2 }), code)).toEqual({
      otpkit_last_outcome: "failed",
      otpkit_last_outcome_at: String(AT),
    });
  });

  test("verified: status, time as epoch ms, lock cleared, code copy cleared", () => {
    expect(propertyUpdatesFor(ev("verified"), code)).toEqual({
      otpkit_verification_status: "verified",
      otpkit_verified_at: String(AT),
      otpkit_locked_until: "",
      otpkit_last_outcome: "verified",
      otpkit_last_outcome_at: String(AT),
      otpkit_code: "",
    });
  });

  test("expired: status expired, code copy cleared", () => {
    expect(propertyUpdatesFor(ev("expired"), code)).toEqual({
      otpkit_verification_status: "expired",
      otpkit_last_outcome: "expired",
      otpkit_last_outcome_at: String(AT),
      otpkit_code: "",
    });
  });

  test("exhausted: status failed, code copy cleared", () => {
    expect(propertyUpdatesFor(ev("exhausted"), code)).toEqual({
      otpkit_verification_status: "failed",
      otpkit_last_outcome: "exhausted",
      otpkit_last_outcome_at: String(AT),
      otpkit_code: "",
    });
  });

  test("revoked (any reason): no usable code, code copy cleared", () => {
    for (const reason of ["revoked", "replaced", "undelivered"]) {
      expect(propertyUpdatesFor(ev("revoked", { reason }), { codeProperty: "otp_code" })).toEqual({
        otpkit_verification_status: "expired",
        otpkit_last_outcome: "revoked",
        otpkit_last_outcome_at: String(AT),
        otp_code: "",
      });
    }
  });

  test("locked: status, until when, code copy cleared", () => {
    expect(propertyUpdatesFor(ev("locked", { lockedUntil: AT + 900_000 }), code)).toEqual({
      otpkit_verification_status: "locked",
      otpkit_locked_until: String(AT + 900_000),
      otpkit_last_outcome: "locked",
      otpkit_last_outcome_at: String(AT),
      otpkit_code: "",
    });
  });

  test("locked without an end (consecutive-failure cap): until is empty", () => {
    expect(propertyUpdatesFor(ev("locked", { reason: "consecutive" }))["otpkit_locked_until"]).toBe(
      "",
    );
  });

  test("unlocked: no longer locked, no code (none survives a lock)", () => {
    expect(propertyUpdatesFor(ev("unlocked", { codeId: undefined }), code)).toEqual({
      otpkit_verification_status: "failed",
      otpkit_locked_until: "",
      otpkit_last_outcome: "unlocked",
      otpkit_last_outcome_at: String(AT),
    });
  });

  test("without a code property nothing else is written", () => {
    for (const type of ["verified", "expired", "exhausted", "revoked", "locked"] as const) {
      const keys = Object.keys(propertyUpdatesFor(ev(type)));
      for (const key of keys) expect(Object.values(OTPKIT_PROPERTY_NAMES)).toContain(key);
    }
  });

  test("every event type is mapped, every value fits its property", () => {
    const allowed: Record<string, readonly string[]> = {
      otpkit_verification_status: VERIFICATION_STATUSES,
      otpkit_last_channel: LAST_CHANNELS,
      otpkit_last_outcome: OTP_EVENT_TYPES,
    };
    for (const type of OTP_EVENT_TYPES) {
      const updates = propertyUpdatesFor(ev(type, { channel: "email", messageKind: "code" }), {
        ...code,
        current: {},
      });
      // A send refused by the destination quota changes nothing on the contact.
      if (type === "quota_exceeded") {
        expect(updates).toEqual({});
        continue;
      }
      expect(updates["otpkit_last_outcome"]).toBe(type);
      for (const [name, value] of Object.entries(updates)) {
        expect(typeof value).toBe("string");
        if (allowed[name]) expect(allowed[name]).toContain(value);
        if (name.endsWith("_at") || name.endsWith("_until")) expect(value).toMatch(/^(\d+)?$/);
      }
    }
  });

  test("an unknown event type (a newer otp-core) changes nothing", () => {
    expect(propertyUpdatesFor({ ...ev("issued"), type: "audited" as OtpEventType })).toEqual({});
  });

  test("a code property that would overwrite the app's records or HubSpot's is refused", () => {
    for (const name of ["otpkit_verification_status", "hs_lead_status", "Bad Name", ""]) {
      let caught: unknown;
      try {
        propertyUpdatesFor(ev("verified"), { codeProperty: name });
      } catch (error) {
        caught = error;
      }
      expect(isOtpError(caught) && caught.code).toBe("INVALID_ARGUMENT");
    }
  });
});

describe("codePropertyProblem", () => {
  test("accepts the app's own and an admin's property", () => {
    expect(codePropertyProblem("otpkit_code")).toBeUndefined();
    expect(codePropertyProblem("otp_code_2")).toBeUndefined();
  });

  test.each([
    ["", /internal name/],
    ["OTP Code", /internal name/],
    ["1code", /internal name/],
    [42, /internal name/],
    ["hs_lead_status", /HubSpot's own/],
    ["otpkit_last_outcome", /records the verification/],
  ])("%j is refused", (name, message) => {
    expect(codePropertyProblem(name)).toMatch(message);
  });
});
