import { createCipheriv, hkdfSync } from "node:crypto";
import type { OtpErrorCode } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import { createHubSpotTokenSealer } from "./token-seal.js";

const OLD = { id: "2026-11", key: "old-secret-old-secret-old-secret-0123" };
const NEW = { id: "2027.01_a", key: new Uint8Array(32).fill(7) };
const TOKENS = JSON.stringify({ a: "CNaccess-é-🙂", r: "refresh-uuid", e: 1_800_000_000_000 });

/** The error code `call` throws, or "none". */
function codeOf(call: () => unknown): OtpErrorCode | "none" | "other" {
  try {
    call();
    return "none";
  } catch (error) {
    return isOtpError(error) ? error.code : "other";
  }
}

/** `sealed` with one character of its `index`-th part changed. */
function flip(sealed: string, index: number): string {
  const parts = sealed.split(":");
  const part = parts[index]!;
  const at = Math.floor(part.length / 2);
  parts[index] = part.slice(0, at) + (part[at] === "A" ? "B" : "A") + part.slice(at + 1);
  return parts.join(":");
}

describe("createHubSpotTokenSealer", () => {
  it("round-trips, with the current key id in the clear and a fresh nonce each time", () => {
    const sealer = createHubSpotTokenSealer([OLD]);
    const a = sealer.seal(101, TOKENS);
    const b = sealer.seal(101, TOKENS);
    expect(a).toMatch(/^v1:2026-11:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("CNaccess");
    expect(sealer.open(101, a)).toEqual({ plaintext: TOKENS, keyId: "2026-11", stale: false });
    expect(sealer.open(101, b).plaintext).toBe(TOKENS);
    expect(sealer.open(101, sealer.seal(101, "")).plaintext).toBe("");
  });

  it("refuses any changed byte: CRYPTO_FAILED for nonce or ciphertext, never garbage", () => {
    const sealer = createHubSpotTokenSealer([OLD]);
    const sealed = sealer.seal(101, TOKENS);
    expect(
      codeOf(() => sealer.open(101, flip(sealed, 2))),
      "nonce",
    ).toBe("CRYPTO_FAILED");
    expect(
      codeOf(() => sealer.open(101, flip(sealed, 3))),
      "ciphertext",
    ).toBe("CRYPTO_FAILED");
    expect(
      codeOf(() => sealer.open(101, sealed.slice(0, -2))),
      "truncated tag",
    ).toBe("CRYPTO_FAILED");
    expect(codeOf(() => sealer.open(101, sealed.replace("v1:2026-11", "v1:other")))).toBe(
      "SECRET_UNKNOWN",
    );
  });

  it("binds a token to its portal: sealed for portal A, it does not open as portal B's", () => {
    const sealer = createHubSpotTokenSealer([OLD]);
    const sealed = sealer.seal(101, TOKENS);
    expect(codeOf(() => sealer.open(102, sealed))).toBe("CRYPTO_FAILED");
    expect(codeOf(() => sealer.open(1010, sealed))).toBe("CRYPTO_FAILED");
    expect(sealer.open(101, sealed).plaintext).toBe(TOKENS);
  });

  it("rotates: the new first secret seals, the old one still opens (stale), removed it fails", () => {
    const before = createHubSpotTokenSealer([OLD]).seal(101, TOKENS);
    const rotated = createHubSpotTokenSealer([NEW, OLD]);
    expect(rotated.open(101, before)).toEqual({ plaintext: TOKENS, keyId: OLD.id, stale: true });
    const resealed = rotated.seal(101, TOKENS);
    expect(resealed.startsWith("v1:2027.01_a:")).toBe(true);
    expect(rotated.open(101, resealed)).toEqual({ plaintext: TOKENS, keyId: NEW.id, stale: false });

    const newOnly = createHubSpotTokenSealer([NEW]);
    expect(newOnly.open(101, resealed).plaintext).toBe(TOKENS);
    expect(
      codeOf(() => newOnly.open(101, before)),
      "old secret gone",
    ).toBe("SECRET_UNKNOWN");
  });

  it("tries every configured secret when the stored id was renamed", () => {
    const before = createHubSpotTokenSealer([OLD]).seal(101, TOKENS);
    const renamed = createHubSpotTokenSealer([NEW, { id: "renamed", key: OLD.key }]);
    expect(renamed.open(101, before)).toEqual({ plaintext: TOKENS, keyId: "renamed", stale: true });
  });

  it("derives the key with HKDF-SHA256 and the label otpkit/hubspot/tokens (not the raw secret)", () => {
    // Seal by hand with the documented construction: the sealer must open it.
    const key = Buffer.from(
      hkdfSync("sha256", Buffer.from(OLD.key), new Uint8Array(0), "otpkit/hubspot/tokens", 32),
    );
    const iv = Buffer.alloc(12, 1);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from(`otpkit/hubspot/tokens\u0000v1\u0000${OLD.id}\u0000101`));
    const ct = Buffer.concat([cipher.update("hello"), cipher.final(), cipher.getAuthTag()]);
    const sealed = `v1:${OLD.id}:${iv.toString("base64url")}:${ct.toString("base64url")}`;
    expect(createHubSpotTokenSealer([OLD]).open(101, sealed).plaintext).toBe("hello");

    // The raw secret (truncated to 32 bytes) as the key does not open it.
    const raw = createCipheriv("aes-256-gcm", Buffer.from(OLD.key).subarray(0, 32), iv);
    raw.setAAD(Buffer.from(`otpkit/hubspot/tokens\u0000v1\u0000${OLD.id}\u0000101`));
    const rawCt = Buffer.concat([raw.update("hello"), raw.final(), raw.getAuthTag()]);
    const rawSealed = `v1:${OLD.id}:${iv.toString("base64url")}:${rawCt.toString("base64url")}`;
    expect(codeOf(() => createHubSpotTokenSealer([OLD]).open(101, rawSealed))).toBe(
      "CRYPTO_FAILED",
    );
  });

  it("refuses values that are not sealed tokens as STORE_DATA_INVALID", () => {
    const sealer = createHubSpotTokenSealer([OLD]);
    const good = sealer.seal(101, TOKENS);
    const bad = [
      "",
      "plain access token",
      good.replace(/^v1/, "v2"),
      `${good}:extra`,
      good.split(":").slice(0, 3).join(":"),
      good
        .split(":")
        .map((part, i) => (i === 2 ? "AAAA" : part))
        .join(":"), // a short nonce
      `v1:${OLD.id}:${Buffer.alloc(12).toString("base64url")}:AAAA`, // shorter than a tag
      good.replace(/:([^:]+)$/, ":not base64!"),
    ];
    for (const value of bad)
      expect(
        codeOf(() => sealer.open(101, value)),
        value,
      ).toBe("STORE_DATA_INVALID");
  });

  it("refuses bad secrets as CONFIG_INVALID naming the field, never echoing a key", () => {
    const cases: Array<[unknown, string]> = [
      [[], "secrets"],
      [undefined, "secrets"],
      [["a-bare-secret-string-of-plenty-of-characters"], "secrets[0]"],
      [[{ id: "bad id", key: OLD.key }], "secrets[0].id"],
      [[OLD, { id: OLD.id, key: NEW.key }], "secrets[1].id"],
      [[{ id: "short", key: "too-short-secret" }], "secrets[0].key"],
      [[{ id: "short", key: new Uint8Array(31) }], "secrets[0].key"],
    ];
    for (const [secrets, field] of cases) {
      let error: unknown;
      try {
        createHubSpotTokenSealer(secrets as never);
      } catch (e) {
        error = e;
      }
      expect(isOtpError(error) && error.code, field).toBe("CONFIG_INVALID");
      expect(isOtpError(error) && error.field, field).toBe(field);
      expect(String((error as Error).message)).not.toContain("too-short-secret");
      expect(String((error as Error).message)).not.toContain("a-bare-secret");
    }
  });

  it("refuses a portal id that is not a positive safe integer", () => {
    const sealer = createHubSpotTokenSealer([OLD]);
    for (const portalId of [0, -1, 1.5, Number.NaN, 2 ** 53]) {
      expect(
        codeOf(() => sealer.seal(portalId, "x")),
        String(portalId),
      ).toBe("INVALID_ARGUMENT");
      expect(
        codeOf(() => sealer.open(portalId, "x")),
        String(portalId),
      ).toBe("INVALID_ARGUMENT");
    }
  });
});
