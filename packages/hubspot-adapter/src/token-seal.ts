import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { OtpSecret } from "@otpkit/otp-core";
import { argumentError, configError, OtpError } from "@otpkit/otp-core";

/** Sealed tokens open only with a key derived for this label: never the code MAC's or AES key. */
const LABEL = "otpkit/hubspot/tokens";
const VERSION = "v1";
const SECRET_ID = /^[A-Za-z0-9_.-]{1,32}$/;
const MIN_SECRET_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SOURCE = "hubspot";

/** What {@link HubSpotTokenSealer.open} returns. */
export interface OpenedToken {
  /** The text that was sealed. */
  plaintext: string;
  /** The id of the secret that opened it. */
  keyId: string;
  /** True when that secret is not the current one (the first): seal it again to finish a rotation. */
  stale: boolean;
}

/**
 * Seals a portal's OAuth tokens for storage at rest, and opens them again. Synchronous (node:crypto).
 * @example
 * ```ts
 * const sealer = createHubSpotTokenSealer([{ id: "2026-11", key: process.env.OTPKIT_SECRET! }]);
 * const sealed = sealer.seal(101, JSON.stringify(tokens)); // "v1:2026-11:<iv>:<ciphertext>"
 * sealer.open(101, sealed).plaintext; // the JSON again
 * ```
 */
export interface HubSpotTokenSealer {
  /**
   * Encrypts `plaintext` for `portalId` with the current secret (the first configured).
   * @throws {OtpError} `INVALID_ARGUMENT` for a bad portal id; `CRYPTO_FAILED` when node:crypto fails.
   */
  seal(portalId: number, plaintext: string): string;
  /**
   * Decrypts what {@link seal} returned for the same portal.
   * @throws {OtpError} `INVALID_ARGUMENT` for a bad portal id; `STORE_DATA_INVALID` when `sealed` is not a sealed token;
   *   `SECRET_UNKNOWN` when its secret id is not configured and no configured secret opens it;
   *   `CRYPTO_FAILED` when it was tampered with or sealed for another portal.
   */
  open(portalId: number, sealed: string): OpenedToken;
}

/**
 * Creates the sealer of OAuth tokens at rest: AES-256-GCM under a key derived by HKDF-SHA256
 * from each server secret with the label `otpkit/hubspot/tokens`, a random 96-bit nonce per
 * seal, and the portal id (with the format version and key id) as associated data.
 *
 * Why each choice: GCM authenticates, so a changed byte is refused rather than decrypted to
 * garbage. HKDF with its own label keeps this key apart from every other key made from the same
 * secret (otp-core derives its MAC and code-encryption keys with other labels), so no ciphertext
 * or MAC of one purpose helps against another. The portal id as associated data binds a token to
 * its portal: a row copied from portal A to portal B in the database does not open as B's. The
 * key id is stored in the clear so that secrets can rotate: put the new secret first (it seals
 * from now on) and keep the old ones after it (they still open); `open` tries the named secret
 * first and then every other configured one, and reports `stale` so the caller can seal again.
 *
 * Format: `v1:<keyId>:<nonce base64url>:<ciphertext+tag base64url>`.
 *
 * @param secrets The server secrets, current first: `{ id, key }` with ids of 1..32 of
 *   `A-Za-z0-9_.-`, unique, and keys of at least 32 bytes (string or Uint8Array), as otp-core's.
 * @returns A {@link HubSpotTokenSealer}.
 * @throws {OtpError} `CONFIG_INVALID` naming the secret at fault (never echoing a key).
 * @example
 * ```ts
 * const sealer = createHubSpotTokenSealer([
 *   { id: "2027-01", key: process.env.OTPKIT_SECRET_NEW! }, // seals
 *   { id: "2026-11", key: process.env.OTPKIT_SECRET_OLD! }, // still opens
 * ]);
 * const { plaintext, stale } = sealer.open(101, storedValue);
 * if (stale) await storage.replaceTokens(101, storedValue, sealer.seal(101, plaintext));
 * ```
 */
export function createHubSpotTokenSealer(secrets: readonly OtpSecret[]): HubSpotTokenSealer {
  const keys = deriveKeys(secrets);
  const currentId = keys.keys().next().value as string;

  return {
    seal(portalId, plaintext) {
      checkPortal(portalId);
      if (typeof plaintext !== "string") {
        throw argumentError("plaintext", "a string", plaintext, { source: SOURCE, redact: true });
      }
      const iv = randomBytes(IV_BYTES);
      try {
        const cipher = createCipheriv("aes-256-gcm", keys.get(currentId)!, iv);
        cipher.setAAD(aad(currentId, portalId));
        const ct = Buffer.concat([
          cipher.update(plaintext, "utf8"),
          cipher.final(),
          cipher.getAuthTag(),
        ]);
        return `${VERSION}:${currentId}:${iv.toString("base64url")}:${ct.toString("base64url")}`;
      } catch (cause) {
        throw new OtpError("CRYPTO_FAILED", "Sealing the HubSpot tokens failed", {
          cause,
          source: SOURCE,
        });
      }
    },
    open(portalId, sealed) {
      checkPortal(portalId);
      const parts = parse(sealed);
      // The named secret first; then the others, in case the id was renamed in a rotation.
      const order = [...keys.keys()].sort(
        (a, b) => Number(b === parts.keyId) - Number(a === parts.keyId),
      );
      for (const keyId of order) {
        const plaintext = tryOpen(keys.get(keyId)!, aad(parts.keyId, portalId), parts);
        if (plaintext !== undefined) return { plaintext, keyId, stale: keyId !== currentId };
      }
      if (!keys.has(parts.keyId)) {
        throw new OtpError(
          "SECRET_UNKNOWN",
          `No configured secret opens these HubSpot tokens (sealed with secret id "${parts.keyId}")`,
          { source: SOURCE, details: { keyId: parts.keyId } },
        );
      }
      throw new OtpError(
        "CRYPTO_FAILED",
        "Opening the HubSpot tokens failed (tampered data, or sealed for another portal)",
        { source: SOURCE },
      );
    },
  };
}

function checkPortal(portalId: number): void {
  if (!Number.isSafeInteger(portalId) || portalId < 1) {
    throw argumentError("portalId", "a positive safe integer", portalId, { source: SOURCE });
  }
}

/** Associated data: what the ciphertext is bound to besides the key. */
function aad(keyId: string, portalId: number): Buffer {
  return Buffer.from(`${LABEL}\u0000${VERSION}\u0000${keyId}\u0000${portalId}`, "utf8");
}

interface SealedParts {
  keyId: string;
  iv: Buffer;
  ct: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

function parse(sealed: string): SealedParts {
  const parts = typeof sealed === "string" ? sealed.split(":") : [];
  const [version, keyId = "", iv = "", ct = ""] = parts;
  const ok =
    parts.length === 4 &&
    version === VERSION &&
    SECRET_ID.test(keyId) &&
    B64URL.test(iv) &&
    B64URL.test(ct);
  const ivBytes = ok ? Buffer.from(iv, "base64url") : Buffer.alloc(0);
  const ctBytes = ok ? Buffer.from(ct, "base64url") : Buffer.alloc(0);
  if (!ok || ivBytes.length !== IV_BYTES || ctBytes.length < TAG_BYTES) {
    throw new OtpError("STORE_DATA_INVALID", "The stored HubSpot tokens are not a sealed value", {
      source: SOURCE,
    });
  }
  return { keyId, iv: ivBytes, ct: ctBytes };
}

/** The plaintext, or undefined when this key (or this associated data) does not authenticate. */
function tryOpen(key: Buffer, associated: Buffer, parts: SealedParts): string | undefined {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, parts.iv);
    decipher.setAAD(associated);
    decipher.setAuthTag(parts.ct.subarray(parts.ct.length - TAG_BYTES));
    const body = parts.ct.subarray(0, parts.ct.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

/** One derived key per secret id, in the configured order (the current one first). */
function deriveKeys(secrets: readonly OtpSecret[]): Map<string, Buffer> {
  const source = { source: SOURCE } as const;
  if (!Array.isArray(secrets) || secrets.length === 0) {
    throw configError(
      "secrets",
      "a non-empty array of { id, key }",
      secrets === undefined ? undefined : typeof secrets,
      "the server's secrets: the HubSpot tokens are sealed with a key derived from them",
      source,
    );
  }
  const keys = new Map<string, Buffer>();
  secrets.forEach((secret, i) => {
    const field = `secrets[${i}]`;
    // Redacted: a bare string passed instead of { id, key } is the secret itself.
    if (typeof secret !== "object" || secret === null) {
      throw configError(field, "{ id, key }", secret, undefined, { ...source, redact: true });
    }
    if (typeof secret.id !== "string" || !SECRET_ID.test(secret.id)) {
      throw configError(
        `${field}.id`,
        "1..32 characters of A-Za-z0-9_.-",
        secret.id,
        undefined,
        source,
      );
    }
    if (keys.has(secret.id))
      throw configError(`${field}.id`, "a unique id", secret.id, undefined, source);
    const bytes =
      typeof secret.key === "string"
        ? Buffer.from(secret.key, "utf8")
        : secret.key instanceof Uint8Array
          ? secret.key
          : undefined;
    if (bytes === undefined || bytes.length < MIN_SECRET_BYTES) {
      // Never echo the key itself: only its size.
      const size = bytes === undefined ? typeof secret.key : `${bytes.length} bytes`;
      throw configError(
        `${field}.key`,
        `at least ${MIN_SECRET_BYTES} bytes`,
        size,
        "use `openssl rand -base64 48`",
        source,
      );
    }
    keys.set(secret.id, Buffer.from(hkdfSync("sha256", bytes, new Uint8Array(0), LABEL, 32)));
  });
  return keys;
}
