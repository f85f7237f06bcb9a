import type { OutboxEntry } from "@otpkit/delivery-email";
import { readOutbox, readOutboxMessage } from "@otpkit/delivery-email";
import { ALPHABETS, OTP_LIMITS } from "@otpkit/otp-core";
import { simpleParser } from "mailparser";
import type { Runtime } from "../runtime.js";
import type { WhatsAppOutboxEntry } from "../whatsapp-outbox.js";
import { readWhatsAppOutbox } from "../whatsapp-outbox.js";

/** One message of the dev outbox, with what the audit trail knows of it. */
export interface OutboxMessageView {
  /** The outbox id (the message's page: `/dev/outbox/<channel>/<id>`). */
  id: string;
  channel: "email" | "whatsapp";
  /** When it was written, ISO 8601. */
  createdAt: string;
  to: string;
  /** `code`, `retry`, `lockout` or `unlock`; null for a message the audit trail does not know. */
  kind: string | null;
  /** The e-mail's subject line, or the WhatsApp template's name. */
  title: string;
  /** The provider message id, as in the audit trail's `delivered` entry. */
  messageId: string;
  /** The code the message carries (code and retry messages). Development only. */
  code: string | null;
  /** The verification the code belongs to, when one was started for it through the API. */
  verificationId: string | null;
  /** The message's own page. */
  href: string;
}

// A code as the channels write it: a run of the alphabets' symbols as long as the engine allows.
const SYMBOLS = [...new Set(Object.values(ALPHABETS).join(""))].join("");
const CODE_LINE = new RegExp(
  `^[${SYMBOLS}]{${OTP_LIMITS.codeLength[0]},${OTP_LIMITS.codeLength[1]}}$`,
);

/**
 * The dev outbox, newest first: e-mails and WhatsApp requests, each joined to the audit trail by
 * its provider message id (the kind, the code id, the verification) and with the code it
 * carries, read from the message itself. For the development pages only: it returns codes.
 *
 * @throws {Error} When the database fails.
 * @example
 * const [latest] = await listOutbox(rt, 1);
 * latest?.code; // "483921"
 */
export async function listOutbox(rt: Runtime, limit: number): Promise<OutboxMessageView[]> {
  const email = rt.outbox.email ? await readOutbox(rt.outbox.email, { limit }) : [];
  const whatsapp = rt.outbox.whatsapp ? readWhatsAppOutbox(rt.outbox.whatsapp, limit) : [];
  const sent = await rt.audit.sent([
    ...email.map((e) => e.messageId),
    ...whatsapp.map((w) => whatsappMessageId(w)),
  ]);
  const rows: OutboxMessageView[] = [];
  for (const e of email) {
    const known = sent.get(e.messageId);
    rows.push({
      id: e.id,
      channel: "email",
      createdAt: e.createdAt,
      to: e.to,
      kind: known?.messageKind ?? (e.kind === "unknown" ? null : e.kind),
      title: e.subject,
      messageId: e.messageId,
      code: await emailCode(rt.outbox.email!, e),
      verificationId: known?.verificationId ?? null,
      href: `/dev/outbox/email/${encodeURIComponent(e.id)}`,
    });
  }
  for (const w of whatsapp) {
    const known = sent.get(whatsappMessageId(w));
    rows.push({
      id: w.id,
      channel: "whatsapp",
      createdAt: w.createdAt,
      to: w.to,
      kind: known?.messageKind ?? null,
      title: w.template,
      messageId: whatsappMessageId(w),
      code: whatsappCode(w),
      verificationId: known?.verificationId ?? null,
      href: `/dev/outbox/whatsapp/${encodeURIComponent(w.id)}`,
    });
  }
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
}

/** The message id the WhatsApp outbox answered with (the channel's receipt, the audit's). */
function whatsappMessageId(entry: WhatsAppOutboxEntry): string {
  return `wamid.outbox.${entry.id}`;
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

/** The code of a WhatsApp authentication template: its body parameter (lockout/unlock have none). */
function whatsappCode(entry: WhatsAppOutboxEntry): string | null {
  const body = entry.body as {
    template?: { components?: Array<{ type?: string; parameters?: Array<{ text?: unknown }> }> };
  };
  const text = body.template?.components?.find((c) => c.type === "body")?.parameters?.[0]?.text;
  return typeof text === "string" ? text : null;
}
