import { describe, expect, it } from "vitest";
import type { SubjectRecord } from "./record.js";
import { EMPTY_RECORD } from "./record.js";
import { decodeRecord, encodeRecord } from "./record-codec.js";

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
      replaced: { id: "older", keyId: "k0", mac: "ZyXwVuTsRqPoNmLkJiHgFe", expiresAt: t + 1 },
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

  it("decodes records written before the replaced code was kept (version 2, 16 positions)", () => {
    // Written by the encoder of otp-core before this change (a retry record and a fresh one): a
    // record in the store from before an upgrade must still read, with no replaced code.
    const retried = decodeRecord(
      '[2,1796029200000,["fresh-code-id-02","k1","AbCdEfGhIjKlMnOpQrStUv",0,600000,0,3,"email"],["VjANlN5wXE-gMRT7","k1","AbCdEfGhIjKlMnOpQrStUv",-60000,600000,1,3,"email"],"ana@example.com",0,0,2,-60000,0,1,0,1,0]',
      "redis",
    );
    expect(retried).toEqual({
      ...EMPTY_RECORD,
      code: { ...code, id: "fresh-code-id-02", used: 0, channel: "email" },
      previous: { ...code, issuedAt: t - 60_000, expiresAt: t + 540_000, channel: "email" },
      to: { email: "ana@example.com" },
      failures: 1,
      failuresSince: t,
      consecutive: 1,
      lastFailureAt: t,
      lastSendAt: t,
      sends: 2,
      sendsSince: t - 60_000,
    });
    expect(retried.replaced).toBeUndefined();
    const fresh =
      '[2,1796029200000,["VjANlN5wXE-gMRT7","k1","AbCdEfGhIjKlMnOpQrStUv",0,600000,0,3,"email"],0,"ana@example.com",0,0,1]';
    expect(decodeRecord(fresh, "redis").replaced).toBeUndefined();
    // Without a replaced code the stored form is exactly the old one.
    expect(encodeRecord(decodeRecord(fresh, "redis"))).toBe(fresh);
  });

  it("adds the replaced code at the end, where an older decoder (positions 0..15) ignores it", () => {
    const replaced = { id: "old-id", keyId: "k1", mac: "AbCdEfGhIjKlMnOpQrStUv", expiresAt: t };
    const record: SubjectRecord = {
      ...EMPTY_RECORD,
      code: { ...code, issuedAt: t + 60_000, expiresAt: t + 660_000 },
      replaced,
      failures: 1,
      failuresSince: t + 60_000,
      consecutive: 1,
      lastFailureAt: t + 60_000,
    };
    const fields = JSON.parse(encodeRecord(record)) as unknown[];
    expect(fields).toHaveLength(17);
    expect(fields[16]).toEqual(["old-id", "k1", "AbCdEfGhIjKlMnOpQrStUv", -60_000]);
    // During a rolling deploy an engine not yet upgraded reads the rest as it always did.
    expect(decodeRecord(JSON.stringify(fields.slice(0, 16)), "redis")).toEqual({
      ...record,
      replaced: undefined,
    });
    expect(decodeRecord(encodeRecord(record), "redis")).toEqual(record);
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
      '[2,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"x"]',
      '[2,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,["i","k","m"]]',
      '[2,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,[1,"k","m",5]]',
      '[2,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,["i","k","m",null]]',
    ]) {
      expect(() => decodeRecord(raw, "redis"), raw).toThrow(
        expect.objectContaining({ code: "STORE_DATA_INVALID", source: "redis" }),
      );
    }
  });
});
