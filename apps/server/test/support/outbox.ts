import type { OutboxEntry } from "@otpkit/delivery-email";
import { readOutbox, readOutboxMessage } from "@otpkit/delivery-email";
import type { WhatsAppOutboxEntry } from "@otpkit/delivery-whatsapp/outbox";
import { readWhatsAppOutbox } from "@otpkit/delivery-whatsapp/outbox";
import { simpleParser } from "mailparser";
import type { Runtime } from "../../src/runtime.js";

/** One e-mail from the dev outbox, parsed. */
export interface OutboxEmail {
  entry: OutboxEntry;
  raw: string;
  subject: string;
  text: string;
  html: string;
  /** The code in the text part (`code` and `retry` messages), else null. */
  code: string | null;
}

/** Every e-mail in the dev outbox, newest first (optionally only those to `to`). */
export async function emails(rt: Runtime, to?: string): Promise<OutboxEmail[]> {
  if (!rt.outbox.email) throw new Error("the e-mail outbox is not active");
  const out: OutboxEmail[] = [];
  for (const entry of await readOutbox(rt.outbox.email)) {
    if (to !== undefined && entry.to !== to) continue;
    const message = await readOutboxMessage(rt.outbox.email, entry.id);
    if (!message) continue;
    const parsed = await simpleParser(message.raw);
    const text = parsed.text ?? "";
    out.push({
      entry,
      raw: message.raw,
      subject: parsed.subject ?? "",
      text,
      html: typeof parsed.html === "string" ? parsed.html : "",
      code: codeIn(rt, text),
    });
  }
  return out;
}

/** The code of the newest code e-mail to `to`. */
export async function lastEmailCode(rt: Runtime, to: string): Promise<string> {
  const found = (await emails(rt, to)).find((e) => e.code !== null);
  if (!found?.code) throw new Error(`no code e-mail to ${to} in the outbox`);
  return found.code;
}

/** Every captured WhatsApp request, newest first. */
export function whatsappMessages(rt: Runtime): WhatsAppOutboxEntry[] {
  if (!rt.outbox.whatsapp) throw new Error("the WhatsApp outbox is not active");
  return readWhatsAppOutbox(rt.outbox.whatsapp, 1000);
}

/** The code of the newest WhatsApp code message to `to` (the body parameter). */
export function lastWhatsAppCode(rt: Runtime, to: string): string {
  for (const entry of whatsappMessages(rt)) {
    if (entry.to !== to) continue;
    const body = entry.body as {
      template?: { components?: Array<{ type: string; parameters?: Array<{ text?: string }> }> };
    };
    const text = body.template?.components?.find((c) => c.type === "body")?.parameters?.[0]?.text;
    if (text) return text;
  }
  throw new Error(`no WhatsApp code message to ${to} in the outbox`);
}

/** A line of the text part that is exactly one code of the server's policy. */
function codeIn(rt: Runtime, text: string): string | null {
  const { symbols, length } = rt.otp.policy;
  for (const line of text.split(/\r?\n/)) {
    const candidate = line.trim();
    if (candidate.length === length && [...candidate].every((c) => symbols.includes(c))) {
      return candidate;
    }
  }
  return null;
}

/** A code of the policy that is certainly not `code`. */
export function wrongCode(rt: Runtime, code: string): string {
  const { symbols, length } = rt.otp.policy;
  const a = symbols[0]!;
  const b = symbols[1]!;
  const candidate = a.repeat(length);
  return candidate === code ? b.repeat(length) : candidate;
}
