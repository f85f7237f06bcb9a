import { describe, expect, it } from "vitest";
import type { SubjectRecord } from "./record.js";
import { decodeRecord, EMPTY_RECORD, encodeRecord } from "./record.js";

const t = Date.UTC(2026, 10, 30, 9, 0, 0);
const code = {
  id: "VjANlN5wXE-gMRT7",
  keyId: "k1",
  mac: "AbCdEfGhIjKlMnOpQrStUv",
  issuedAt: t,
  expiresAt: t + 600_000,
  used: 1,
  max: 3,
};

describe("the subject record's stored form", () => {
  it("round-trips every field", () => {
    const full: SubjectRecord = {
      code: {
        ...code,
        channel: "whatsapp",
        sealed: { k: "k1", iv: "aXY", ct: "Y3Q" },
        test: true,
        ended: "exhausted",
      },
      previous: { ...code, id: "older", ended: "expired" },
      to: { phone: "+34600123478", email: "ana@example.com", name: "Ana", locale: "es" },
      channels: ["whatsapp", "email"],
      test: true,
      failures: 2,
      failuresSince: t - 1,
      consecutive: 7,
      lastFailureAt: t - 2,
      locks: 1,
      lock: { until: t + 900_000 },
      lastSendAt: t,
      sends: 3,
      sendsSince: t - 3,
    };
    expect(decodeRecord(encodeRecord(full), "memory")).toEqual(full);
    const hard: SubjectRecord = { ...EMPTY_RECORD, lock: { until: null }, consecutive: 50 };
    // The last failure at the record's base time is an offset of 0, not "never" (model test find).
    const latest: SubjectRecord = { ...EMPTY_RECORD, consecutive: 1, lastFailureAt: t, code };
    expect(decodeRecord(encodeRecord(latest), "memory")).toEqual(latest);
    const sentOnly: SubjectRecord = { ...EMPTY_RECORD, lastSendAt: t };
    expect(decodeRecord(encodeRecord(sentOnly), "memory")).toEqual(sentOnly);
    expect(decodeRecord(encodeRecord(hard), "memory")).toEqual(hard);
    expect(decodeRecord(encodeRecord(EMPTY_RECORD), "memory")).toEqual(EMPTY_RECORD);
  });

  it("is compact: a fresh code sent by e-mail fits in about 120 bytes", () => {
    const fresh: SubjectRecord = {
      ...EMPTY_RECORD,
      code: { ...code, used: 0, channel: "email" },
      to: { email: "jane.doe@example.com" },
      lastSendAt: t,
      sends: 1,
      sendsSince: t,
    };
    const raw = encodeRecord(fresh);
    expect(raw.length).toBeLessThanOrEqual(125);
    // An e-mail address alone is stored bare, not as an object.
    expect(raw).toContain('"jane.doe@example.com"');
    expect(raw).not.toContain("email:");
  });

  it("refuses anything it did not write, rather than guessing at a budget or a lock", () => {
    for (const raw of [
      "",
      "{}",
      "[1]",
      '[2,["id"]]',
      '[2,1,0,0,0,0,0,"x"]',
      '[2,1,0,0,0,["a",1]]',
      '[2,1,0,0,{"evil":"x"}]',
      '[2,1,["i","k","m",1,2,3,4,0,["a"]]]',
      "[2,1,0,0,0,0,0,Infinity]",
      '[2,1,0,0,0,0,0,0,0,0,0,0,0,0,0,"x"]',
      '["2",1]',
    ]) {
      expect(() => decodeRecord(raw, "redis"), raw).toThrow(
        expect.objectContaining({ code: "STORE_DATA_INVALID", source: "redis" }),
      );
    }
  });
});
