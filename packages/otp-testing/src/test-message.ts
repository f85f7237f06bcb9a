import { randomInt, randomUUID } from "node:crypto";
import type { AddressKind, OtpMessage, OtpMessageKind, Recipient } from "@otpkit/otp-core";
import { configError } from "@otpkit/otp-core";

/** Overrides for {@link createTestMessage}: any message field, plus which address to use. */
export type TestMessageOverrides = Partial<OtpMessage> & {
  /**
   * Which recipient field becomes `to` (pass `channel.address`).
   * @default "email" when the recipient has an e-mail address, else "phone"
   */
  address?: AddressKind;
};

/** How long a test code lives: 10 minutes. */
const TEST_CODE_TTL_MS = 10 * 60_000;
/** How long a test lockout lasts: 15 minutes. */
const TEST_LOCKOUT_MS = 15 * 60_000;

/**
 * Builds a complete {@link OtpMessage} of `kind` for `recipient`, the way otp-core would hand it
 * to a channel: `to` from the recipient's e-mail or phone (per `overrides.address`), locale
 * `"en"`, purpose `"login"`, a random `deliveryId`; a random 6-digit `code` with `expiresAt` and
 * `ttlMs` (10 minutes) for `code` and `retry`; `lockedUntil` (15 minutes ahead) for `lockout`.
 * Fields in `overrides` win.
 *
 * @param kind The message kind.
 * @param recipient Who it goes to; must have the field the address kind needs.
 * @param overrides Fields to set explicitly, and `address` to pick `to`.
 * @returns A fresh message.
 * @throws OtpError `CONFIG_INVALID` (field `recipient.email` or `recipient.phone`) when the
 *   recipient has no address of the requested kind (and no `to` override).
 * @example
 * ```ts
 * const message = createTestMessage("code", { email: "ada@example.com" }, { code: "918273" });
 * await channel.send(message);
 * ```
 */
export function createTestMessage(
  kind: OtpMessageKind,
  recipient: Recipient,
  overrides: TestMessageOverrides = {},
): OtpMessage {
  const { address, ...fields } = overrides;
  const now = Date.now();
  const message: OtpMessage = {
    kind,
    to: fields.to ?? pickAddress(recipient, address),
    recipient,
    locale: "en",
    purpose: "login",
    deliveryId: randomUUID(),
  };
  if (kind === "code" || kind === "retry") {
    message.code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    message.expiresAt = now + TEST_CODE_TTL_MS;
    message.ttlMs = TEST_CODE_TTL_MS;
  }
  if (kind === "lockout") message.lockedUntil = now + TEST_LOCKOUT_MS;
  return { ...message, ...fields };
}

function pickAddress(recipient: Recipient, address: AddressKind | undefined): string {
  const kind = address ?? (recipient.email ? "email" : "phone");
  const value = kind === "email" ? recipient.email : recipient.phone;
  if (typeof value !== "string" || value === "") {
    throw configError(`recipient.${kind}`, "a non-empty string", value, "or pass overrides.to", {
      source: "otp-testing",
    });
  }
  return value;
}
