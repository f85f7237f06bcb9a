import { createHash, timingSafeEqual } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { VerifyHubSpotSignatureInput } from "./signature.js";
import {
  safeEqual,
  signatureV2,
  signatureV3,
  v3SignedUri,
  verifyHubSpotSignature,
} from "./signature.js";

// The v2 fallback, the downgrade it must not allow, and the constant-time comparison.

// A pass-through spy: the real timingSafeEqual runs, and the test sees that it ran.
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

const SECRET_A = "f6e94c08-85d0-4608-bcc6-e1850176e7b8";
const TS_A = 1632188626483;
// Official vector: a valid v3 signature, but of another request than the ones below.
const VECTORS = { v3Body: "jf872r5vscVcxCiDRHA4rGrqe/8BPLNVkdJSHdMnGTU=" };

function v3Headers(signature: string, timestamp: number | string): Headers {
  return new Headers({
    "X-HubSpot-Signature-v3": signature,
    "X-HubSpot-Request-Timestamp": String(timestamp),
  });
}

function v2Headers(signature: string, version = "v2"): Headers {
  return new Headers({ "X-HubSpot-Signature": signature, "X-HubSpot-Signature-Version": version });
}

/** A correctly signed v3 POST, checked at its own timestamp. */
function signedV3(
  overrides: Partial<VerifyHubSpotSignatureInput> = {},
): VerifyHubSpotSignatureInput {
  const url = "https://otp.example.com/hubspot/actions/generate-otp";
  const rawBody = '{"callbackId":"ap-1","origin":{"portalId":99887766}}';
  return {
    method: "POST",
    url,
    rawBody,
    headers: v3Headers(signatureV3(SECRET_A, "POST", url, rawBody, String(TS_A)), TS_A),
    clientSecret: SECRET_A,
    now: TS_A,
    ...overrides,
  };
}

/** `"v3"` / `"v2"` when verified, else the failure reason. */
function outcome(input: VerifyHubSpotSignatureInput): string {
  const result = verifyHubSpotSignature(input);
  return result.ok ? result.version : result.reason;
}

describe("v2, the fallback", () => {
  const url = "https://otp.example.com/hubspot/actions/generate-otp";
  const rawBody = '{"callbackId":"ap-2"}';
  const input = { method: "POST", url, rawBody, clientSecret: SECRET_A, now: TS_A };
  const v2 = signatureV2(SECRET_A, "POST", url, rawBody);

  it("verifies a v2-only request", () => {
    expect(outcome({ ...input, headers: v2Headers(v2) })).toBe("v2");
  });

  it("is refused when allowV2 is false", () => {
    expect(outcome({ ...input, headers: v2Headers(v2), allowV2: false })).toBe("v2_not_allowed");
  });

  it("refuses a tampered body, method or URL", () => {
    const headers = v2Headers(v2);
    for (const change of [{ rawBody: "{}" }, { method: "PUT" }, { url: `${url}?x=1` }]) {
      expect(outcome({ ...input, ...change, headers })).toBe("bad_signature");
    }
  });

  it("uses the URL exactly as received: no decoding", () => {
    const received = "https://otp.example.com/card?userEmail=jane%40example.org";
    const decoded = signatureV2(SECRET_A, "GET", v3SignedUri(received), "");
    const exact = signatureV2(SECRET_A, "GET", received, "");
    const get = { ...input, method: "GET", url: received, rawBody: "" };
    expect(outcome({ ...get, headers: v2Headers(decoded) })).toBe("bad_signature");
    expect(outcome({ ...get, headers: v2Headers(exact) })).toBe("v2");
  });

  it("never rescues a wrong v3: v3 present-but-wrong with a correct v2 fails", () => {
    const headers = new Headers({
      "X-HubSpot-Signature-v3": VECTORS.v3Body, // another request's signature
      "X-HubSpot-Request-Timestamp": String(TS_A),
      "X-HubSpot-Signature": v2,
      "X-HubSpot-Signature-Version": "v2",
    });
    expect(outcome({ ...input, headers })).toBe("bad_signature");
    // ...nor a stale v3.
    const good = signatureV3(SECRET_A, "POST", url, rawBody, String(TS_A));
    headers.set("X-HubSpot-Signature-v3", good);
    expect(outcome({ ...input, headers, now: TS_A + 600_000 })).toBe("stale_timestamp");
  });

  it("refuses v1 and an unversioned X-HubSpot-Signature", () => {
    const v1 = createHash("sha256")
      .update(SECRET_A + rawBody)
      .digest("hex");
    expect(outcome({ ...input, headers: v2Headers(v1, "v1") })).toBe("unsupported_version");
    const unversioned = new Headers({ "X-HubSpot-Signature": v2 });
    expect(outcome({ ...input, headers: unversioned })).toBe("unsupported_version");
  });
});

describe("constant-time comparison", () => {
  const spy = vi.mocked(timingSafeEqual);
  // Braces matter: a function returned from beforeEach is run as its teardown.
  beforeEach(() => {
    spy.mockClear();
  });

  it("compares a same-length signature with timingSafeEqual", () => {
    const base = signedV3();
    const good = (base.headers as Headers).get("x-hubspot-signature-v3")!;
    const wrong = `${good.startsWith("A") ? "B" : "A"}${good.slice(1)}`;
    expect(verifyHubSpotSignature({ ...base, headers: v3Headers(wrong, TS_A) }).ok).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(verifyHubSpotSignature(base).ok).toBe(true);
    expect(spy).toHaveBeenCalledTimes(2);
    const [a, b] = spy.mock.calls[1]!;
    expect(Buffer.from(a as Uint8Array).toString()).toBe(good);
    expect(Buffer.from(b as Uint8Array).toString()).toBe(good);
  });

  it("answers false for another length without throwing", () => {
    expect(safeEqual("abc", "abcd")).toBe(false);
    expect(safeEqual("abc", "")).toBe(false);
    expect(safeEqual("abc", "abc")).toBe(true);
    // Same number of characters, more bytes: still false, still no throw.
    expect(safeEqual("abc", "ab\u00e9")).toBe(false);
    const base = signedV3();
    for (const sig of ["", "x", "é".repeat(44), "A".repeat(10_000)]) {
      expect(outcome({ ...base, headers: v3Headers(sig, TS_A) })).toBe("bad_signature");
    }
  });
});
