import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { v3SignedUri, verifyHubSpotSignature } from "./signature.js";

// The URL as v3 signs it: only HubSpot's twelve listed escapes are decoded.

const SECRET_A = "f6e94c08-85d0-4608-bcc6-e1850176e7b8";
const TS_A = 1632188626483;

function v3Headers(signature: string, timestamp: number): Headers {
  return new Headers({
    "X-HubSpot-Signature-v3": signature,
    "X-HubSpot-Request-Timestamp": String(timestamp),
  });
}

/** `"v3"` when verified, else the failure reason. */
function outcome(input: Parameters<typeof verifyHubSpotSignature>[0]): string {
  const result = verifyHubSpotSignature(input);
  return result.ok ? result.version : result.reason;
}

describe("HubSpot's limited URL decoding", () => {
  const LIST: Array<[string, string]> = [
    ["%3A", ":"],
    ["%2F", "/"],
    ["%3F", "?"],
    ["%40", "@"],
    ["%21", "!"],
    ["%24", "$"],
    ["%27", "'"],
    ["%28", "("],
    ["%29", ")"],
    ["%2A", "*"],
    ["%2C", ","],
    ["%3B", ";"],
  ];

  it("decodes exactly the twelve listed escapes, in either case", () => {
    for (const [encoded, char] of LIST) {
      expect(v3SignedUri(`https://x.test/p?v=a${encoded}b`)).toBe(`https://x.test/p?v=a${char}b`);
      expect(v3SignedUri(`https://x.test/p?v=a${encoded.toLowerCase()}b`)).toBe(
        `https://x.test/p?v=a${char}b`,
      );
    }
  });

  it("leaves every other escape alone (%20, %26, %3D, %2B, %25, %23, %22)", () => {
    const url = "https://x.test/p?q=a%20b%26c%3Dd%2Be%25f%23g%22h";
    expect(v3SignedUri(url)).toBe(url);
    // Not a double decode: %2540 is "%40" literally, encoded once.
    expect(v3SignedUri("https://x.test/p?e=a%2540b")).toBe("https://x.test/p?e=a%2540b");
  });

  it("verifies a URL whose listed characters arrive encoded (HubSpot signed them decoded)", () => {
    const signedAs = "https://otp.example.com/card?userEmail=jane@example.org&note=(a,b)";
    const received = "https://otp.example.com/card?userEmail=jane%40example.org&note=%28a%2Cb%29";
    const signature = createHmac("sha256", SECRET_A)
      .update(`GET${signedAs}${TS_A}`)
      .digest("base64");
    const input = {
      method: "GET",
      rawBody: "",
      headers: v3Headers(signature, TS_A),
      clientSecret: SECRET_A,
      now: TS_A,
    };
    expect(outcome({ ...input, url: received })).toBe("v3");
    expect(outcome({ ...input, url: signedAs })).toBe("v3");
  });

  it("keeps %20: a signature over a space does not verify %20, and %20 verifies %20", () => {
    const withSpace = "https://otp.example.com/card?name=Jane Doe";
    const encoded = "https://otp.example.com/card?name=Jane%20Doe";
    const over = (url: string) =>
      createHmac("sha256", SECRET_A).update(`GET${url}${TS_A}`).digest("base64");
    const input = { method: "GET", url: encoded, rawBody: "", clientSecret: SECRET_A, now: TS_A };
    expect(outcome({ ...input, headers: v3Headers(over(withSpace), TS_A) })).toBe("bad_signature");
    expect(outcome({ ...input, headers: v3Headers(over(encoded), TS_A) })).toBe("v3");
  });

  it("does not let %26 stand for & (no new parameter can be smuggled)", () => {
    const signedAs = "https://otp.example.com/card?a=1&portalId=2";
    const signature = createHmac("sha256", SECRET_A)
      .update(`GET${signedAs}${TS_A}`)
      .digest("base64");
    const result = verifyHubSpotSignature({
      method: "GET",
      url: "https://otp.example.com/card?a=1%26portalId=2",
      rawBody: "",
      headers: v3Headers(signature, TS_A),
      clientSecret: SECRET_A,
      now: TS_A,
    });
    expect(result).toEqual({ ok: false, reason: "bad_signature" });
  });
});
