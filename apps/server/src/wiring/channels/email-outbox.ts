import type { OutboxEntry } from "@otpkit/delivery-email";
import { readOutbox, readOutboxMessage } from "@otpkit/delivery-email";
import { ALPHABETS, OTP_LIMITS } from "@otpkit/otp-core";
import type { ParsedMail } from "mailparser";
import { simpleParser } from "mailparser";
import { markup } from "../../pages/html.js";
import type { OutboxPage, OutboxRow } from "../channel-entry.js";

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

/**
 * One e-mail's page: its subject, recipient and kind, the plain-text part, and the HTML part in a
 * sandboxed frame (`<href>/html`, {@link emailOutboxPart}). Null for an unknown id (delivery-email
 * checks ids against its own format, so no path gets through).
 *
 * @throws {Error} When the message cannot be parsed.
 * @example
 * const page = await emailOutboxPage(dir, id, `/dev/outbox/email/${id}`);
 */
export async function emailOutboxPage(
  dir: string,
  id: string,
  href: string,
): Promise<OutboxPage | null> {
  const message = await parsedMessage(dir, id);
  if (!message) return null;
  const { entry, parsed } = message;
  return {
    title: parsed.subject ?? "Message",
    body: markup`<h1>${parsed.subject ?? "(no subject)"}</h1>
<p>To ${entry.to} · ${entry.kind} · ${entry.createdAt}</p>
<h2>Plain text</h2>
<pre data-part="text">${parsed.text ?? ""}</pre>
<h2>HTML</h2>
<iframe sandbox title="HTML part" src="${href}/html"></iframe>`,
  };
}

/**
 * The HTML part of one e-mail (the only part it frames: `html`), as the message has it; the
 * route serves it sandboxed. Null for an unknown id or part.
 *
 * @throws {Error} When the message cannot be parsed.
 * @example
 * const html = await emailOutboxPart(dir, id, "html");
 */
export async function emailOutboxPart(
  dir: string,
  id: string,
  part: string,
): Promise<string | null> {
  const message = part === "html" ? await parsedMessage(dir, id) : null;
  if (!message) return null;
  const { html } = message.parsed;
  return typeof html === "string" ? html : "<p>(no HTML part)</p>";
}

/** The code of a code or retry e-mail: the line of its text part that is a code. */
async function emailCode(dir: string, entry: OutboxEntry): Promise<string | null> {
  if (entry.kind !== "code" && entry.kind !== "retry") return null;
  const message = await parsedMessage(dir, entry.id);
  if (!message) return null;
  const text = message.parsed.text ?? "";
  for (const line of text.split(/\r?\n/)) {
    if (CODE_LINE.test(line.trim())) return line.trim();
  }
  return null;
}

/** One outbox e-mail, parsed; null for an unknown id. */
async function parsedMessage(
  dir: string,
  id: string,
): Promise<{ entry: OutboxEntry; parsed: ParsedMail } | null> {
  const message = await readOutboxMessage(dir, id);
  return message ? { entry: message.entry, parsed: await simpleParser(message.raw) } : null;
}
