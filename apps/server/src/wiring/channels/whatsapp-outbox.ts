import type { WhatsAppOutboxEntry } from "@otpkit/delivery-whatsapp/outbox";
import { readWhatsAppOutbox } from "@otpkit/delivery-whatsapp/outbox";
import type { OutboxRow } from "../channel-entry.js";

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

/** The code of a WhatsApp authentication template: its body parameter (lockout/unlock have none). */
function whatsappCode(entry: WhatsAppOutboxEntry): string | null {
  const body = entry.body as {
    template?: { components?: Array<{ type?: string; parameters?: Array<{ text?: unknown }> }> };
  };
  const text = body.template?.components?.find((c) => c.type === "body")?.parameters?.[0]?.text;
  return typeof text === "string" ? text : null;
}
