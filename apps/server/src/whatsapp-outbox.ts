import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One captured WhatsApp request: exactly the JSON the channel would have POSTed to Meta. */
export interface WhatsAppOutboxEntry {
  id: string;
  createdAt: string;
  /** The Graph API path (version and phone-number id), without host or token. */
  path: string;
  to: string;
  template: string;
  body: unknown;
}

/**
 * A `fetch` for the WhatsApp channel that writes each request to `<dir>/<id>.json` and answers
 * like the Cloud API does. The channel code is the real one; only the transport differs, as with
 * the e-mail outbox. Development only: the files contain codes (mode 0600).
 */
export function createWhatsAppOutboxFetch(dir: string): typeof fetch {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = (await request.json()) as { to?: string; template?: { name?: string } };
    const id = `${Date.now().toString(36).padStart(9, "0")}-${randomBytes(4).toString("hex")}`;
    const entry: WhatsAppOutboxEntry = {
      id,
      createdAt: new Date().toISOString(),
      path: new URL(request.url).pathname,
      to: String(body.to ?? ""),
      template: String(body.template?.name ?? ""),
      body,
    };
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(entry, null, 2), { mode: 0o600 });
    return Response.json({
      messaging_product: "whatsapp",
      contacts: [{ input: entry.to, wa_id: entry.to.replace(/^\+/, "") }],
      messages: [{ id: `wamid.outbox.${id}` }],
    });
  }) as typeof fetch;
}

/** The captured WhatsApp requests, newest first. */
export function readWhatsAppOutbox(dir: string, limit = 100): WhatsAppOutboxEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^[0-9a-z]{9}-[0-9a-f]{8}\.json$/.test(n));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .slice(0, limit)
    .map((n) => JSON.parse(readFileSync(join(dir, n), "utf8")) as WhatsAppOutboxEntry);
}
