import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { configError } from "./errors.js";
import type { WhatsAppChannelOptions } from "./whatsapp-channel.js";

// Node only (it writes files), hence its own entry point, `@otpkit/delivery-whatsapp/outbox`: the
// channel itself stays runnable on Deno, Bun and edge runtimes.

/** Options of the development outbox ({@link whatsappOutboxOptions}, {@link createWhatsAppOutboxFetch}). */
export interface WhatsAppOutboxOptions {
  /** Folder for the captured requests; created (mode 0700) if missing. */
  dir: string;
}

/** One captured WhatsApp request: exactly the JSON the channel would have POSTed to Meta. */
export interface WhatsAppOutboxEntry {
  /** The file's name without `.json`; sorts by time. */
  id: string;
  /** When it was written, ISO 8601. */
  createdAt: string;
  /** The Graph API path (version and phone-number id), without host or token. */
  path: string;
  /** The recipient, E.164. */
  to: string;
  /** The template's name. */
  template: string;
  /** The request body, as Meta would have received it. It holds the code. */
  body: unknown;
}

// `<time base36, 9>-<8 hex>.json`: sortable by time, and nothing else in the folder is read.
const ENTRY_FILE = /^[0-9a-z]{9}-[0-9a-f]{8}\.json$/;

/**
 * A `fetch` for the WhatsApp channel that writes each request to `<dir>/<id>.json` and answers
 * as the Cloud API does (`wamid.outbox.<id>` as the message id). The channel code is the real
 * one; only the transport differs, as with the e-mail outbox. {@link whatsappOutboxOptions} wraps
 * it with placeholder credentials. Development only: the files hold live codes (mode 0600).
 *
 * @param options `dir`, the folder to write to.
 * @returns A `fetch` that never reaches the network.
 * @throws {OtpError} `CONFIG_INVALID` when `dir` is not a non-empty string; the fs error when
 *   the folder cannot be created.
 * @example
 * ```ts
 * const whatsapp = createWhatsAppChannel({
 *   phoneNumberId: "100000000000000",
 *   accessToken: "dev-outbox-no-real-token",
 *   fetch: createWhatsAppOutboxFetch({ dir: "./data/outbox/whatsapp" }),
 * });
 * ```
 */
export function createWhatsAppOutboxFetch(options: WhatsAppOutboxOptions): typeof fetch {
  const dir = outboxDir(options);
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

/**
 * The options of a development WhatsApp channel: the real channel code, each request written to
 * `dir` instead of going to Meta (the e-mail channel's `outbox: { dir }`, for WhatsApp). No
 * credentials: placeholders stand where Meta's would go, and they are never sent anywhere. Pacing
 * is off (Meta's pair rate limit does not apply to files). Add `templates`, `languages` as usual.
 *
 * @param options `dir`, the folder to write to.
 * @returns Options for `createWhatsAppChannel`.
 * @throws {OtpError} `CONFIG_INVALID` naming `outbox.dir`; the fs error when it cannot be created.
 * @example
 * ```ts
 * import { createWhatsAppChannel } from "@otpkit/delivery-whatsapp";
 * import { readWhatsAppOutbox, whatsappOutboxOptions } from "@otpkit/delivery-whatsapp/outbox";
 *
 * const whatsapp = createWhatsAppChannel(whatsappOutboxOptions({ dir: "./outbox" }));
 * // after a send:
 * readWhatsAppOutbox("./outbox", 1)[0]?.template; // "tmpl_otp_code"
 * ```
 */
export function whatsappOutboxOptions(options: WhatsAppOutboxOptions): WhatsAppChannelOptions {
  return {
    phoneNumberId: OUTBOX_PHONE_NUMBER_ID,
    accessToken: OUTBOX_TOKEN,
    fetch: createWhatsAppOutboxFetch(options),
    pacing: false,
  };
}

// What stands where the Cloud API's credentials go: never sent anywhere.
const OUTBOX_PHONE_NUMBER_ID = "100000000000000";
const OUTBOX_TOKEN = "dev-outbox-no-real-token";

/**
 * The captured requests, newest first. A missing folder is an empty outbox.
 *
 * @param dir The outbox folder.
 * @param limit At most this many entries. @default 100
 * @returns The entries, newest first.
 * @throws {SyntaxError} When an entry file is not JSON (someone edited it).
 * @example
 * ```ts
 * const [latest] = readWhatsAppOutbox("./data/outbox/whatsapp", 1);
 * latest?.template; // "tmpl_otp_code"
 * ```
 */
export function readWhatsAppOutbox(dir: string, limit = 100): WhatsAppOutboxEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => ENTRY_FILE.test(name));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .slice(0, limit)
    .map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as WhatsAppOutboxEntry);
}

function outboxDir(options: WhatsAppOutboxOptions): string {
  const dir = (options as Partial<WhatsAppOutboxOptions> | null | undefined)?.dir;
  if (typeof dir !== "string" || dir.trim() === "") {
    throw configError("outbox.dir", "a folder path", dir, 'e.g. outbox: { dir: "./outbox" }');
  }
  return dir;
}
