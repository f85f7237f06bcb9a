import type { WhatsAppOutboxEntry } from "@otpkit/delivery-whatsapp/outbox";
import { readWhatsAppOutbox } from "@otpkit/delivery-whatsapp/outbox";
import { markup } from "../../pages/html.js";
import type { OutboxPage, OutboxRow } from "../channel-entry.js";

/** How many of the newest requests a message's page looks its id up in (the list's maximum). */
const PAGE_LOOKUP = 500;

/**
 * The WhatsApp dev outbox (delivery-whatsapp's `.json` request files) as outbox rows, each with
 * the code of its authentication template. Development pages only: it returns codes.
 *
 * @throws {SyntaxError} When a file is not JSON.
 * @example
 * const [latest] = await readWhatsAppOutboxRows(dir, 1);
 */
export async function readWhatsAppOutboxRows(dir: string, limit: number): Promise<OutboxRow[]> {
  return readWhatsAppOutbox(dir, limit).map((w) => ({
    id: w.id,
    createdAt: w.createdAt,
    to: w.to,
    kind: null,
    title: w.template,
    // What the outbox answered with: the channel's receipt, the audit trail's key.
    messageId: `wamid.outbox.${w.id}`,
    code: whatsappCode(w),
  }));
}

/**
 * One WhatsApp request's page: its template, the Graph path and recipient, and the request body
 * as JSON. Null for an id that is not one of the newest 500 requests (ids are looked up among
 * the files read, never joined into a path).
 *
 * @throws {SyntaxError} When a file is not JSON.
 * @example
 * const page = await whatsappOutboxPage(dir, id);
 */
export async function whatsappOutboxPage(dir: string, id: string): Promise<OutboxPage | null> {
  const entry = readWhatsAppOutbox(dir, PAGE_LOOKUP).find((e) => e.id === id);
  if (!entry) return null;
  return {
    title: `WhatsApp ${entry.template}`,
    body: markup`<h1>WhatsApp: ${entry.template}</h1>
<p>POST ${entry.path} · to ${entry.to} · ${entry.createdAt}</p>
<pre data-part="json">${JSON.stringify(entry.body, null, 2)}</pre>`,
  };
}

/** The code of a WhatsApp authentication template: its body parameter (lockout/unlock have none). */
function whatsappCode(entry: WhatsAppOutboxEntry): string | null {
  const body = entry.body as {
    template?: { components?: Array<{ type?: string; parameters?: Array<{ text?: unknown }> }> };
  };
  const text = body.template?.components?.find((c) => c.type === "body")?.parameters?.[0]?.text;
  return typeof text === "string" ? text : null;
}
