import { hkdf } from "@noble/hashes/hkdf.js";
import { _HMAC } from "@noble/hashes/hmac.js";
import type { _SHA256 } from "@noble/hashes/sha2.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { configError } from "./assert.js";
import { fromBase64Url, toBase64Url } from "./base64url.js";
import { OtpError } from "./errors.js";
import type { HmacFunction } from "./options.js";
import type { RandomSource } from "./random.js";

/** A server secret with an id, so secrets can rotate without invalidating live codes. */
export interface OtpSecret {
  /** Short stable id stored next to each hash (`"2026-11"`, `"k2"`): 1..32 of `A-Za-z0-9_.-`. */
  id: string;
  /** At least 32 bytes: a string of 32+ characters or a Uint8Array of 32+ bytes. Keep it outside the store. */
  key: string | Uint8Array;
}

/** @internal A validated keyring: the first secret protects new codes, all of them verify old ones. */
export interface Keyring {
  readonly currentId: string;
  mac(keyId: string, message: string): Uint8Array;
  encrypt(message: string, aad: string, random: RandomSource): Promise<SealedText>;
  decrypt(sealed: SealedText, aad: string): Promise<string>;
}

/** @internal AES-GCM ciphertext as stored: key id, nonce and ciphertext+tag, base64url. */
export interface SealedText {
  k: string;
  iv: string;
  ct: string;
}

const SECRET_ID = /^[A-Za-z0-9_.-]{1,32}$/;
const MIN_SECRET_BYTES = 32;

/**
 * @internal The default HMAC-SHA-256: noble's, pre-keyed. Keying (hashing the key into the inner
 * and outer pads) is half the work of a short message; it is done once per key here. Each
 * message then copies the keyed state into one working state kept per key (`_cloneInto`), which
 * allocates nothing, where `clone()` builds two fresh hash objects and their buffers every time.
 * The digest goes into an output array kept per key too, and the caller gets a copy: noble views
 * its output through a DataView, and giving a fresh small array a DataView (or a `subarray`)
 * moves its bytes off the V8 heap — about a microsecond, more than the copy. The working state
 * is wiped by noble after each digest. Keys are the engine's own derived keys: a handful.
 */
export function nobleHmac(): HmacFunction {
  type Keyed = { base: _HMAC<_SHA256>; work: _HMAC<_SHA256>; out: Uint8Array };
  const keyed = new WeakMap<Uint8Array, Keyed>();
  return (key, data) => {
    let k = keyed.get(key);
    if (k === undefined) {
      const base = new _HMAC<_SHA256>(sha256, key);
      k = { base, work: base.clone(), out: new Uint8Array(32) };
      keyed.set(key, k);
    }
    k.base._cloneInto(k.work).update(data).digestInto(k.out);
    const mac = k.out.slice();
    k.out.fill(0);
    return mac;
  };
}

const encoder = new TextEncoder();

/**
 * UTF-8 bytes of `text`. The MAC inputs are almost always ASCII (ids, digits, e-mail
 * addresses): those are copied in a loop, faster than a call into TextEncoder; anything else
 * goes to TextEncoder.
 */
function utf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return encoder.encode(text);
    out[i] = c;
  }
  return out;
}

/** @internal */
export function createKeyring(
  secrets: readonly OtpSecret[] | undefined,
  mac: HmacFunction = nobleHmac(),
): Keyring {
  if (!Array.isArray(secrets) || secrets.length === 0) {
    throw configError(
      "secrets",
      "a non-empty array of { id, key }",
      secrets === undefined ? undefined : typeof secrets,
      "generate one with `openssl rand -base64 48` and keep it outside the store",
    );
  }
  const keys = new Map<string, Uint8Array>();
  secrets.forEach((secret, i) => {
    const field = `secrets[${i}]`;
    // Redacted: a bare key string passed instead of { id, key } is the secret itself.
    if (typeof secret !== "object" || secret === null)
      throw configError(field, "{ id, key }", secret, undefined, { redact: true });
    if (typeof secret.id !== "string" || !SECRET_ID.test(secret.id)) {
      throw configError(`${field}.id`, "1..32 characters of A-Za-z0-9_.-", secret.id);
    }
    if (keys.has(secret.id)) throw configError(`${field}.id`, "a unique id", secret.id);
    const bytes = typeof secret.key === "string" ? utf8ToBytes(secret.key) : secret.key;
    if (!(bytes instanceof Uint8Array) || bytes.length < MIN_SECRET_BYTES) {
      // Never echo the key itself: only its size.
      const size = bytes instanceof Uint8Array ? `${bytes.length} bytes` : typeof secret.key;
      throw configError(
        `${field}.key`,
        `at least ${MIN_SECRET_BYTES} bytes`,
        size,
        "use `openssl rand -base64 48`",
      );
    }
    // Separate keys per purpose (HKDF, RFC 5869): the MAC key and the encryption key never coincide.
    keys.set(secret.id, hkdf(sha256, bytes, undefined, utf8ToBytes("otpkit/v1/mac"), 32));
  });
  const aesKeys = new Map<string, Promise<CryptoKey>>();
  const raw = new Map(
    secrets.map((s) => [s.id, typeof s.key === "string" ? utf8ToBytes(s.key) : s.key]),
  );

  function macKey(id: string): Uint8Array {
    const key = keys.get(id);
    if (!key) throw new OtpError("SECRET_UNKNOWN", `No secret with id "${id}" is configured`);
    return key;
  }

  function aesKey(id: string): Promise<CryptoKey> {
    let key = aesKeys.get(id);
    if (!key) {
      const material = raw.get(id);
      if (!material)
        throw new OtpError("SECRET_UNKNOWN", `No secret with id "${id}" is configured`);
      const bytes = hkdf(sha256, material, undefined, utf8ToBytes("otpkit/v1/aes-gcm"), 32);
      key = globalThis.crypto.subtle.importKey("raw", bytes, "AES-GCM", false, [
        "encrypt",
        "decrypt",
      ]);
      aesKeys.set(id, key);
    }
    return key;
  }

  return {
    currentId: secrets[0]!.id,
    mac: function codeMac(keyId, message) {
      return mac(macKey(keyId), utf8(message));
    },
    async encrypt(message, aad, random) {
      const iv = new Uint8Array(12);
      random(iv);
      try {
        const ct = await globalThis.crypto.subtle.encrypt(
          { name: "AES-GCM", iv, additionalData: bytes(aad) },
          await aesKey(secrets[0]!.id),
          bytes(message),
        );
        return { k: secrets[0]!.id, iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
      } catch (cause) {
        throw new OtpError("CRYPTO_FAILED", "Encrypting the code failed", { cause });
      }
    },
    async decrypt(sealed, aad) {
      const key = await aesKey(sealed.k);
      try {
        const plain = await globalThis.crypto.subtle.decrypt(
          { name: "AES-GCM", iv: fromBase64Url(sealed.iv), additionalData: bytes(aad) },
          key,
          fromBase64Url(sealed.ct),
        );
        return new TextDecoder().decode(plain);
      } catch (cause) {
        throw new OtpError(
          "CRYPTO_FAILED",
          "Decrypting the code failed (tampered data or wrong secret)",
          { cause },
        );
      }
    },
  };
}

/** UTF-8 bytes backed by a plain ArrayBuffer, as WebCrypto's typings want. */
function bytes(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/**
 * Compares two byte arrays in time that depends only on their length, never on where they differ.
 *
 * Why: `===` on strings stops at the first differing character, and that timing difference has
 * leaked codes before (CVE-2022-29185). We only ever compare fixed-length HMAC outputs, so the
 * length itself reveals nothing.
 *
 * @returns true when both arrays hold the same bytes.
 * @example
 * ```ts
 * constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])); // true
 * ```
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** @internal Names records and fingerprints requests with the naming key. */
export interface Namer {
  /** The record key's digest of (subject, purpose): 16 bytes, base64url. */
  subject(subject: string, purpose: string): string;
  /** A 16-byte keyed digest of `text` (idempotency keys, request fingerprints), base64url. */
  digest(text: string): string;
}

/**
 * @internal Store keys are a keyed digest of (subject, purpose). Why keyed: with a plain hash,
 * whoever reads the store (a backup, a shared Redis) can confirm a guessed e-mail address by
 * hashing it. Why its own key, not the code secrets: those rotate, and a rotation must not
 * forget every subject's budget and lock.
 */
export function createNamer(namingKey: unknown, mac: HmacFunction = nobleHmac()): Namer {
  const bytes = typeof namingKey === "string" ? utf8ToBytes(namingKey) : namingKey;
  if (!(bytes instanceof Uint8Array) || bytes.length < MIN_SECRET_BYTES) {
    const sized = bytes instanceof Uint8Array;
    // Never echo the key: only its size, or only its kind.
    throw configError(
      "namingKey",
      `at least ${MIN_SECRET_BYTES} bytes`,
      sized ? `${bytes.length} bytes` : namingKey,
      "generate one with `openssl rand -base64 48`; keep it stable: changing it forgets every subject's state",
      { redact: !sized },
    );
  }
  const subjectKey = hkdf(sha256, bytes, undefined, utf8ToBytes("otpkit/v2/subject"), 32);
  const digestKey = hkdf(sha256, bytes, undefined, utf8ToBytes("otpkit/v2/digest"), 32);
  // Named functions, so that a CPU profile (the bench's breakdown) tells the two digests apart.
  function subjectDigest(subject: string, purpose: string): string {
    return toBase64Url(mac(subjectKey, utf8(`${purpose}\0${subject}`)).slice(0, 16));
  }
  function keyedDigest(text: string): string {
    return toBase64Url(mac(digestKey, utf8(text)).slice(0, 16));
  }
  return { subject: subjectDigest, digest: keyedDigest };
}
