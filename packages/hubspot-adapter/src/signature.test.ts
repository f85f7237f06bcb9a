import { describe, expect, it } from "vitest";
import type { HubSpotHeaders, VerifyHubSpotSignatureInput } from "./signature.js";
import {
  HUBSPOT_SIGNATURE_MAX_SKEW_MS,
  signatureV2,
  signatureV3,
  verifyHubSpotSignature,
} from "./signature.js";

// The official vectors (HubSpot's backend test, via @hubspot/ui-extensions-dev-server's
// signing.spec.js; reference/hubspot.md §3.1).
const SECRET_A = "f6e94c08-85d0-4608-bcc6-e1850176e7b8";
const SECRET_B = "12345678-aaaa-bbbb-cccc-ddddeeeeffff";
const WEBHOOK = "https://www.hubspot.com/webhook";
const TS_A = 1632188626483;
const FETCH_URL = "https://hubspot.com/?appId=1&portalId=2&userId=3";
const TS_B = 1111111111;
const VECTORS = {
  v3Body: "jf872r5vscVcxCiDRHA4rGrqe/8BPLNVkdJSHdMnGTU=",
  v3Empty: "csXgk7UbrE9F8ZmMvbpuKBxqIvTSqU1EX9pI/SJtxSE=",
  v2Body: "57bb01a6e6ac92919b5e715d68f40265328701bbf1cf3fd73772887069945766",
  v3Get: "zTfXjo07jfzGouo4wvyAj3qEMUTVJ0PPYPACrluQtQI=",
};

function v3Headers(signature: string, timestamp: number | string): Headers {
  return new Headers({
    "X-HubSpot-Signature-v3": signature,
    "X-HubSpot-Request-Timestamp": String(timestamp),
  });
}

function v2Headers(signature: string, version = "v2"): Headers {
  return new Headers({ "X-HubSpot-Signature": signature, "X-HubSpot-Signature-Version": version });
}

/** A correctly signed v3 POST of `body` to `url` at `ts`, checked at `now`. */
function signedV3(
  overrides: Partial<VerifyHubSpotSignatureInput> = {},
  ts = TS_A,
): VerifyHubSpotSignatureInput {
  const url = "https://otp.example.com/hubspot/actions/generate-otp";
  const rawBody = '{"callbackId":"ap-1","origin":{"portalId":99887766}}';
  return {
    method: "POST",
    url,
    rawBody,
    headers: v3Headers(signatureV3(SECRET_A, "POST", url, rawBody, String(ts)), ts),
    clientSecret: SECRET_A,
    now: ts,
    ...overrides,
  };
}

/** `"v3"` / `"v2"` when verified, else the failure reason: one comparable value per check. */
function outcome(input: VerifyHubSpotSignatureInput): string {
  const result = verifyHubSpotSignature(input);
  return result.ok ? result.version : result.reason;
}

describe("official HubSpot test vectors", () => {
  it("v3 with a body", () => {
    expect(signatureV3(SECRET_A, "POST", WEBHOOK, "REQUEST_BODY", String(TS_A))).toBe(
      VECTORS.v3Body,
    );
    const result = verifyHubSpotSignature({
      method: "POST",
      url: WEBHOOK,
      rawBody: "REQUEST_BODY",
      headers: v3Headers(VECTORS.v3Body, TS_A),
      clientSecret: SECRET_A,
      now: TS_A,
    });
    expect(result).toEqual({ ok: true, version: "v3" });
  });

  it("v3 with an empty body", () => {
    expect(signatureV3(SECRET_A, "POST", WEBHOOK, "", String(TS_A))).toBe(VECTORS.v3Empty);
    const result = verifyHubSpotSignature({
      method: "POST",
      url: WEBHOOK,
      rawBody: "",
      headers: v3Headers(VECTORS.v3Empty, TS_A),
      clientSecret: SECRET_A,
      now: TS_A + 1000,
    });
    expect(result).toEqual({ ok: true, version: "v3" });
  });

  it("v2 (hex SHA-256 of secret + method + uri + body)", () => {
    expect(signatureV2(SECRET_A, "POST", WEBHOOK, "REQUEST_BODY")).toBe(VECTORS.v2Body);
    const result = verifyHubSpotSignature({
      method: "POST",
      url: WEBHOOK,
      rawBody: "REQUEST_BODY",
      headers: v2Headers(VECTORS.v2Body),
      clientSecret: SECRET_A,
      now: Date.UTC(2030, 0, 1), // v2 carries no timestamp: any time verifies
    });
    expect(result).toEqual({ ok: true, version: "v2" });
  });

  it("v3 of a hubspot.fetch GET with identity parameters", () => {
    expect(signatureV3(SECRET_B, "GET", FETCH_URL, "", String(TS_B))).toBe(VECTORS.v3Get);
    const result = verifyHubSpotSignature({
      method: "GET",
      url: FETCH_URL,
      rawBody: "",
      headers: v3Headers(VECTORS.v3Get, TS_B),
      clientSecret: SECRET_B,
      now: TS_B,
    });
    expect(result).toEqual({ ok: true, version: "v3" });
  });

  it("the vectors fail with another secret", () => {
    const result = verifyHubSpotSignature({
      method: "GET",
      url: FETCH_URL,
      rawBody: "",
      headers: v3Headers(VECTORS.v3Get, TS_B),
      clientSecret: SECRET_A,
      now: TS_B,
    });
    expect(result).toEqual({ ok: false, reason: "bad_signature" });
  });
});

describe("what the v3 signature covers", () => {
  it("accepts the untouched request", () => {
    expect(outcome(signedV3())).toBe("v3");
  });

  it("refuses a tampered body, even by one character or trailing whitespace", () => {
    const base = signedV3();
    for (const rawBody of [
      base.rawBody.replace("99887766", "99887767"),
      `${base.rawBody} `,
      base.rawBody.slice(0, -1),
      "",
    ]) {
      expect(outcome({ ...base, rawBody })).toBe("bad_signature");
    }
  });

  it("refuses another method, and compares the method upper-cased", () => {
    expect(outcome(signedV3({ method: "PUT" }))).toBe("bad_signature");
    expect(outcome(signedV3({ method: "post" }))).toBe("v3");
  });

  it("refuses another URL: scheme, host, path, query, trailing slash", () => {
    const base = signedV3();
    for (const url of [
      base.url.replace("https:", "http:"),
      base.url.replace("otp.example.com", "otp.example.org"),
      base.url.replace("generate-otp", "verify-otp"),
      `${base.url}?portalId=1`,
      `${base.url}/`,
    ]) {
      expect(outcome({ ...base, url })).toBe("bad_signature");
    }
  });

  it("refuses the same query in another order", () => {
    const result = verifyHubSpotSignature({
      method: "GET",
      url: "https://hubspot.com/?portalId=2&appId=1&userId=3",
      rawBody: "",
      headers: v3Headers(VECTORS.v3Get, TS_B),
      clientSecret: SECRET_B,
      now: TS_B,
    });
    expect(result).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a shifted timestamp (the timestamp is signed)", () => {
    const base = signedV3();
    const headers = new Headers(base.headers as Headers);
    headers.set("X-HubSpot-Request-Timestamp", String(TS_A + 1));
    expect(outcome({ ...base, headers })).toBe("bad_signature");
  });
});

describe("the 5-minute window", () => {
  const skew = HUBSPOT_SIGNATURE_MAX_SKEW_MS;

  it("is 300000 ms", () => {
    expect(skew).toBe(300_000);
  });

  it("accepts a timestamp exactly 5 minutes old and refuses one 1 ms older", () => {
    expect(outcome(signedV3({ now: TS_A + skew }))).toBe("v3");
    expect(outcome(signedV3({ now: TS_A + skew + 1 }))).toBe("stale_timestamp");
  });

  it("accepts a timestamp exactly 5 minutes ahead and refuses one 1 ms further", () => {
    expect(outcome(signedV3({ now: TS_A - skew }))).toBe("v3");
    expect(outcome(signedV3({ now: TS_A - skew - 1 }))).toBe("future_timestamp");
  });

  it("refuses a stale request even when its signature is right (the window is checked first)", () => {
    expect(outcome(signedV3({ now: TS_A + 86_400_000 }))).toBe("stale_timestamp");
  });
});

describe("missing and malformed headers", () => {
  it("no signature at all", () => {
    expect(outcome(signedV3({ headers: new Headers() }))).toBe("missing_signature");
  });

  it("v3 without a timestamp", () => {
    const headers = new Headers({ "X-HubSpot-Signature-v3": VECTORS.v3Body });
    expect(outcome(signedV3({ headers }))).toBe("missing_timestamp");
  });

  it("v3 with a timestamp that is not plain digits", () => {
    for (const ts of ["", "abc", "-1", "1.6e12", "1632188626483.0", " 0x10", "1".repeat(17)]) {
      const headers = v3Headers(VECTORS.v3Body, ts);
      expect(outcome(signedV3({ headers })), ts).toBe("malformed_timestamp");
    }
  });

  it("v3 with an empty signature fails (it is present, so no fallback to v2)", () => {
    const base = signedV3();
    const headers = new Headers({
      "X-HubSpot-Signature-v3": "",
      "X-HubSpot-Request-Timestamp": String(TS_A),
      "X-HubSpot-Signature": signatureV2(SECRET_A, "POST", base.url, base.rawBody),
      "X-HubSpot-Signature-Version": "v2",
    });
    expect(outcome({ ...base, headers })).toBe("bad_signature");
  });

  it("reads plain-object headers (Node's IncomingHttpHeaders) case-insensitively", () => {
    const base = signedV3();
    const h = base.headers as Headers;
    const plain: HubSpotHeaders = {
      "x-hubspot-signature-v3": h.get("x-hubspot-signature-v3")!,
      "X-HUBSPOT-REQUEST-TIMESTAMP": h.get("x-hubspot-request-timestamp")!,
      "content-type": undefined,
    };
    expect(outcome({ ...base, headers: plain })).toBe("v3");
    // Another realm's Headers (a framework's own undici copy) is read through its get().
    const foreign = { get: (name: string) => h.get(name) } as unknown as Headers;
    expect(outcome({ ...base, headers: foreign })).toBe("v3");
    // A repeated header is joined as Headers joins it, which no signature matches.
    const repeated: HubSpotHeaders = { ...plain, "x-hubspot-signature-v3": ["a", "b"] };
    expect(outcome({ ...base, headers: repeated })).toBe("bad_signature");
  });
});

describe("arguments", () => {
  it("refuses an empty or non-string client secret without showing it", () => {
    expect(() => verifyHubSpotSignature(signedV3({ clientSecret: "" }))).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", field: "clientSecret" }),
    );
    const secretLike = 123456789 as unknown as string;
    try {
      verifyHubSpotSignature(signedV3({ clientSecret: secretLike }));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field: "clientSecret" });
      expect((error as Error).message).not.toContain("123456789");
    }
  });

  it("refuses a non-finite now, a non-string url and a non-boolean allowV2", () => {
    expect(() => verifyHubSpotSignature(signedV3({ now: Number.NaN }))).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", field: "now" }),
    );
    expect(() => verifyHubSpotSignature(signedV3({ url: undefined as unknown as string }))).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", field: "url" }),
    );
    expect(() => verifyHubSpotSignature(signedV3({ allowV2: "no" as unknown as boolean }))).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", field: "allowV2" }),
    );
  });
});
