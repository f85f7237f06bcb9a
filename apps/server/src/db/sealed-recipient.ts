import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Recipient } from "@otpkit/otp-core";

/** Where a verification's codes go: what `otp.issue` needs to send it a new one. */
export interface ResendTarget {
  /** The recipient the verification was created for (address, name, locale). */
  recipient: Recipient;
  /** The channels the caller named (`["whatsapp"]`), or `null` for the engine's default order. */
  channels: readonly string[] | null;
}

const VERSION = "v1";

/**
 * Seals a verification's recipient for the app database: AES-256-GCM under `key`, with the
 * verification id as additional data.
 *
 * Why sealed: the verifications table keeps rows long after their codes end, and the database
 * may be a separate service (`DATABASE_URL`) with its own backups; a copy of it should not be a
 * list of people's e-mail addresses and phone numbers. Why the id as additional data: a sealed
 * value copied onto another row does not open there, so one verification can never be made to
 * send codes to another's recipient.
 *
 * @param key 32 bytes (the runtime derives it from the naming key, which is stable across restarts).
 * @param id The verification id the value belongs to.
 * @returns `v1.<iv>.<ciphertext and tag>`, base64url.
 * @throws {RangeError} When `key` is not 32 bytes.
 * @example
 * const sealed = sealRecipient(key, v.id, { recipient: { email: "ana@example.com" }, channels: null });
 */
export function sealRecipient(key: Buffer, id: string, target: ResendTarget): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(id));
  const body = Buffer.concat([
    cipher.update(JSON.stringify({ r: target.recipient, c: target.channels }), "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `${VERSION}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

/**
 * Opens what {@link sealRecipient} sealed for the same id.
 *
 * @returns The target, or `null` when the value does not open (another key, another row, damage):
 *   the hosted page then offers no new code rather than failing.
 * @throws {never}
 * @example
 * const target = openRecipient(key, v.id, row.recipient); // { recipient, channels } or null
 */
export function openRecipient(key: Buffer, id: string, sealed: string): ResendTarget | null {
  const [version, iv, body] = sealed.split(".");
  if (version !== VERSION || !iv || !body) return null;
  try {
    const bytes = Buffer.from(body, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const text = Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - 16)),
      decipher.final(),
    ]).toString("utf8");
    const parsed = JSON.parse(text) as { r?: unknown; c?: unknown };
    if (typeof parsed.r !== "object" || parsed.r === null) return null;
    const channels = Array.isArray(parsed.c) ? parsed.c.filter((c) => typeof c === "string") : null;
    return { recipient: parsed.r as Recipient, channels };
  } catch {
    return null;
  }
}
