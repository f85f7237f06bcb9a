import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { constantTimeEqual, createKeyring, nobleHmac } from "./crypto.js";
import { cryptoRandom } from "./random.js";

describe("constantTimeEqual", () => {
  it("compares bytes", () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});

describe("nobleHmac (pre-keyed, one working state per key)", () => {
  it("equals HMAC-SHA-256 message after message, key after key, whatever the lengths", () => {
    const mac = nobleHmac();
    const keys = [new Uint8Array(32).fill(1), new Uint8Array(64).fill(2), new Uint8Array(100)];
    for (let i = 0; i < 300; i++) {
      const key = keys[i % keys.length]!;
      // Lengths around the 64-byte block and the 55-byte padding edge, and longer.
      const data = cryptoRandom(new Uint8Array((i * 7) % 200));
      expect(mac(key, data)).toEqual(hmac(sha256, key, data));
    }
  });
});

describe("keyring", () => {
  const key = "k".repeat(40);

  it("refuses short or duplicate secrets without echoing them", () => {
    const short = "hunter2-short-secret";
    const error = (() => {
      try {
        createKeyring([{ id: "a", key: short }]);
      } catch (e) {
        return e as Error & { field?: string };
      }
    })();
    expect(error?.message).toBe(
      '"secrets[0].key" expected at least 32 bytes, got "20 bytes" (use `openssl rand -base64 48`)',
    );
    expect(error?.field).toBe("secrets[0].key");
    expect(error?.message).not.toContain(short);
    expect(() => createKeyring([])).toThrow(/"secrets" expected a non-empty array/);
    expect(() =>
      createKeyring([
        { id: "a", key },
        { id: "a", key },
      ]),
    ).toThrow(/"secrets\[1\]\.id" expected a unique id/);
    expect(() => createKeyring([{ id: "has space", key }])).toThrow(/"secrets\[0\]\.id"/);
    // A bare key where { id, key } belongs is the secret itself: only its kind is shown.
    expect(() => createKeyring([key as never])).toThrow(
      '"secrets[0]" expected { id, key }, got a string',
    );
  });

  it("derives different MACs per secret and verifies under any configured one", () => {
    const ring = createKeyring([
      { id: "new", key: "n".repeat(40) },
      { id: "old", key },
    ]);
    expect(ring.currentId).toBe("new");
    expect(constantTimeEqual(ring.mac("new", "m"), ring.mac("old", "m"))).toBe(false);
    expect(() => ring.mac("gone", "m")).toThrow(
      expect.objectContaining({ code: "SECRET_UNKNOWN" }),
    );
  });

  it("seals text with AES-GCM bound to its context; tampering is detected", async () => {
    const ring = createKeyring([{ id: "a", key }]);
    const sealed = await ring.encrypt("482913", "ctx-1", cryptoRandom);
    expect(JSON.stringify(sealed)).not.toContain("482913");
    expect(await ring.decrypt(sealed, "ctx-1")).toBe("482913");
    await expect(ring.decrypt(sealed, "ctx-2")).rejects.toMatchObject({ code: "CRYPTO_FAILED" });
    const flipped = { ...sealed, ct: (sealed.ct[0] === "A" ? "B" : "A") + sealed.ct.slice(1) };
    await expect(ring.decrypt(flipped, "ctx-1")).rejects.toMatchObject({ code: "CRYPTO_FAILED" });
  });
});
