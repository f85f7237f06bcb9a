import type { OutboxEntry } from "@otpkit/delivery-email";
import { readOutbox, readOutboxMessage } from "@otpkit/delivery-email";
import { ALPHABETS, OTP_LIMITS } from "@otpkit/otp-core";
import { simpleParser } from "mailparser";
import type { OutboxRow } from "../channel-entry.js";

// A code as the channels write it: a run of the alphabets' symbols as long as the engine allows.
const SYMBOLS = [...new Set(Object.values(ALPHABETS).join(""))].join("");
const CODE_LINE = new RegExp(
  `^[${SYMBOLS}]{${OTP_LIMITS.codeLength[0]},${OTP_LIMITS.codeLength[1]}}$`,
);

/**
 * The e-mail dev outbox (delivery-email's `.eml` + `.json` files) as outbox rows, each with the
 * code its text part carries. Development pages only: it returns codes.
 *
 * @throws {Error} When a file cannot be read.
 * @example
 * const [latest] = await readEmailOutbox(dir, 1);
 */
export async function readEmailOutbox(dir: string, limit: number): Promise<OutboxRow[]> {
  const rows: OutboxRow[] = [];
  for (const e of await readOutbox(dir, { limit })) {
    rows.push({
      id: e.id,
      createdAt: e.createdAt,
      to: e.to,
      kind: e.kind === "unknown" ? null : e.kind,
      title: e.subject,
      messageId: e.messageId,
      code: await emailCode(dir, e),
    });
  }
  return rows;
}

/** The code of a code or retry e-mail: the line of its text part that is a code. */
async function emailCode(dir: string, entry: OutboxEntry): Promise<string | null> {
  if (entry.kind !== "code" && entry.kind !== "retry") return null;
  const message = await readOutboxMessage(dir, entry.id);
  if (!message) return null;
  const text = (await simpleParser(message.raw)).text ?? "";
  for (const line of text.split(/\r?\n/)) {
    if (CODE_LINE.test(line.trim())) return line.trim();
  }
  return null;
}
