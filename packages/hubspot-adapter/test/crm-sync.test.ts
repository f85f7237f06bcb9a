// The CRM side of the event sink in isolation: which writes an event, a Verify outcome and a
// stored code copy lead to, and the copy emptied when its code expires unused.
import type { Otp, OtpEvent, OtpStatus } from "@otpkit/otp-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CrmSyncDeps } from "../src/actions/crm-sync.js";
import { createCrmSync } from "../src/actions/crm-sync.js";
import { OTPKIT_PROPERTIES, OTPKIT_PROPERTY_NAMES as P } from "../src/crm-properties.js";
import type { PortalSettings } from "../src/settings.js";
import { DEFAULT_PORTAL_SETTINGS } from "../src/settings.js";

const SUBJECT = "hubspot:101:contact:5101";
const settings = DEFAULT_PORTAL_SETTINGS as PortalSettings;

function setup(active: OtpStatus["active"] = null) {
  const writes: [number, string, Record<string, string>][] = [];
  const errors: string[] = [];
  let clock = 1_767_225_600_000;
  const otp = { lookup: async () => ({ active }) as OtpStatus } as unknown as Otp;
  const deps: CrmSyncDeps = {
    writesFor: (portalId) => ({
      enqueue(contactId, properties) {
        writes.push([portalId, contactId, { ...properties }]);
        return true;
      },
    }),
    engines: {
      engineFor: async () => ({ otp, snapshot: { portalId: 101, settings, version: "" } }),
    },
    now: () => clock,
    onError: (_e, context) => errors.push(context.operation),
  };
  return { sync: createCrmSync(deps), writes, errors, tick: (ms: number) => (clock += ms) };
}

const event = (type: OtpEvent["type"], extra: Partial<OtpEvent> = {}): OtpEvent => ({
  type,
  at: 1_767_225_600_000,
  subject: SUBJECT,
  purpose: "hubspot",
  ...extra,
});

afterEach(() => {
  vi.useRealTimers();
});

describe("createCrmSync", () => {
  it("writes a contact's events, and nothing for deals or foreign subjects", () => {
    const { sync, writes } = setup();
    sync.onEvent(101, event("verified"), settings);
    sync.onEvent(101, event("verified", { subject: "hubspot:101:deal:7" }), settings);
    sync.onEvent(101, event("verified", { subject: "hubspot:202:contact:5101" }), settings);
    sync.onEvent(101, event("verified", { subject: "user-42" }), settings);
    expect(writes).toEqual([
      [
        101,
        "5101",
        expect.objectContaining({ [P.status]: "verified", [P.lastOutcome]: "verified" }),
      ],
    ]);
  });

  it("counts a wrong guess from the values the workflow sent", async () => {
    const { sync, writes } = setup();
    await sync.withCurrent(SUBJECT, { [P.attemptsUsed]: "1" }, async () => {
      sync.onEvent(101, event("failed"), settings);
    });
    sync.onEvent(101, event("failed"), settings); // outside: the count is not known
    expect(writes.map(([, , w]) => w[P.attemptsUsed])).toEqual(["2", undefined]);
  });

  it("records a Verify outcome only when the last-outcome property offers it", () => {
    const { sync, writes } = setup();
    const offered = new Set(
      OTPKIT_PROPERTIES.find((p) => p.name === P.lastOutcome)?.options?.map((o) => o.value),
    );
    for (const outcome of ["not_found", "malformed", "verified"])
      sync.recordOutcome(101, "5101", outcome);
    expect(writes.map(([, , w]) => w[P.lastOutcome])).toEqual(
      ["not_found", "malformed", "verified"].filter((o) => offered.has(o)),
    );
  });

  it("empties the code copy when its code expires unused", async () => {
    vi.useFakeTimers();
    const { sync, writes } = setup(null);
    sync.storeCode({
      portalId: 101,
      contactId: "5101",
      subject: SUBJECT,
      property: "otp_code",
      code: "123456",
      codeId: "c1",
      expiresAt: 1_767_225_600_000 + 600_000,
    });
    expect(writes).toEqual([[101, "5101", { otp_code: "123456" }]]);
    await vi.advanceTimersByTimeAsync(600_000 + 1_000);
    expect(writes.at(-1)).toEqual([101, "5101", { otp_code: "" }]);
    sync.close();
  });

  it("keeps the copy of a newer code", async () => {
    vi.useFakeTimers();
    const newer = { codeId: "c2" } as NonNullable<OtpStatus["active"]>;
    const { sync, writes } = setup(newer);
    sync.storeCode({
      portalId: 101,
      contactId: "5101",
      subject: SUBJECT,
      property: "otp_code",
      code: "123456",
      codeId: "c1",
      expiresAt: 1_767_225_600_000 + 60_000,
    });
    await vi.advanceTimersByTimeAsync(61_000);
    expect(writes).toHaveLength(1);
    sync.close();
  });
});
