import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import type { OtpMessageKind } from "@otpkit/otp-core";
import type { MailMessage, SentMessageInfo, Transport } from "nodemailer";
import type { NodemailerError } from "nodemailer/lib/errors";
import type { StreamSentMessageInfo } from "nodemailer/lib/stream-transport";
import StreamTransport from "nodemailer/lib/stream-transport";
import { configError } from "./smtp-errors.js";
import { MESSAGE_KINDS } from "./templates.js";

/** Options of the dev outbox. */
export interface OutboxOptions {
  /** Folder the messages are written to; created (mode 0700) when missing. */
  dir: string;
}

/** One message in the outbox, as listed by {@link readOutbox}. */
export interface OutboxEntry {
  /** Outbox id, sortable by time; also the receipt's `serverMessageId`. */
  id: string;
  /** The `Message-ID` header (with angle brackets). */
  messageId: string;
  /** The one recipient. */
  to: string;
  /** The subject line. */
  subject: string;
  /** The message kind, or `"unknown"` for a message not sent by the e-mail channel. */
  kind: OtpMessageKind | "unknown";
  /** When it was written, ISO 8601. */
  createdAt: string;
  /** File name of the raw message (`<id>.eml`) inside the outbox folder. */
  file: string;
}

/** An outbox entry with its raw RFC 5322 source. */
export interface OutboxMessage {
  entry: OutboxEntry;
  /** The `.eml` content, as it would have gone over SMTP. */
  raw: string;
}

/** @internal Header the channel sets so the outbox can list the kind without parsing the body. */
export const KIND_HEADER = "X-Otpkit-Kind";

const ID = /^[a-z0-9]{1,16}-[a-f0-9]{12}$/;

/**
 * A nodemailer transport that writes each message to `dir` as `<id>.eml` plus `<id>.json`
 * (the index entry) instead of sending it. For development only.
 *
 * It is nodemailer's own `streamTransport` (`buffer: true`) followed by a file write, so the
 * e-mail channel runs exactly the same code as with SMTP: same rendering, same headers, same
 * recipient checks. Files are created with mode 0600 and the folder with 0700 because they
 * contain live codes.
 *
 * @throws {OtpError} `CONFIG_INVALID` when `dir` is not a non-empty string.
 * @example
 * ```ts
 * const channel = createEmailChannel({ from: "no-reply@acme.test", outbox: { dir: ".outbox" } });
 * ```
 */
export function createOutboxTransport(options: OutboxOptions): Transport<SentMessageInfo> {
  const dir = checkDir("outbox.dir", options?.dir);
  const stream = new StreamTransport({ buffer: true });
  return {
    name: "otpkit-outbox",
    version: "1",
    send(mail: MailMessage<SentMessageInfo>, callback) {
      // StreamTransport is typed for its own result; the MailMessage is the same object.
      stream.send(mail as unknown as MailMessage<StreamSentMessageInfo>, (err, info) => {
        if (err || info === undefined) {
          callback(err as NodemailerError);
          return;
        }
        writeMessage(dir, mail, info).then(
          (entry) =>
            // Phrased like a Postfix reply so the channel reads the id exactly as it reads an
            // SMTP server's queue id: one code path for both transports.
            callback(null, {
              ...info,
              response: `250 2.0.0 Ok: queued as ${entry.id}`,
              outboxEntry: entry,
            }),
          (error: unknown) => callback(error as NodemailerError),
        );
      });
    },
  };
}

function checkDir(field: string, dir: unknown): string {
  if (typeof dir !== "string" || dir.trim() === "" || dir.includes("\0")) {
    throw configError(field, "a folder path", dir);
  }
  return isAbsolute(dir) ? dir : resolve(dir);
}

async function writeMessage(
  dir: string,
  mail: MailMessage<SentMessageInfo>,
  info: StreamSentMessageInfo,
): Promise<OutboxEntry> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Time first (base 36, fixed width) so names sort by creation; random suffix for uniqueness.
  const id = `${Date.now().toString(36).padStart(9, "0")}-${randomBytes(6).toString("hex")}`;
  const raw = Buffer.isBuffer(info.message) ? info.message : Buffer.from(String(info.message));
  const headers = mail.data.headers as Record<string, unknown> | undefined;
  const kindHeader = headers?.[KIND_HEADER];
  const entry: OutboxEntry = {
    id,
    messageId: info.messageId,
    to: info.envelope.to[0] ?? "",
    subject: typeof mail.data.subject === "string" ? mail.data.subject : "",
    kind: (MESSAGE_KINDS as readonly unknown[]).includes(kindHeader)
      ? (kindHeader as OtpMessageKind)
      : "unknown",
    createdAt: new Date().toISOString(),
    file: `${id}.eml`,
  };
  // Why 0600: the files hold live codes. `wx` never overwrites an existing file.
  await writeFile(join(dir, entry.file), raw, { mode: 0o600, flag: "wx" });
  // The index entry is written to a temporary name and renamed, so a reader listing the folder
  // at the same moment never sees half a JSON file.
  const tmp = join(dir, `.${id}.json.tmp`);
  await writeFile(tmp, `${JSON.stringify(entry, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  await rename(tmp, join(dir, `${id}.json`));
  return entry;
}

/**
 * Lists the outbox, newest first. A missing folder is an empty outbox; unreadable entries are
 * skipped.
 *
 * @param dir The folder given as `outbox.dir`.
 * @param options `limit`: at most this many entries (the newest).
 * @example
 * ```ts
 * for (const entry of await readOutbox(".outbox")) console.log(entry.createdAt, entry.subject);
 * ```
 */
export async function readOutbox(
  dir: string,
  options: { limit?: number } = {},
): Promise<OutboxEntry[]> {
  const folder = checkDir("dir", dir);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .filter((id) => ID.test(id))
    .sort()
    .reverse();
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const entries: OutboxEntry[] = [];
  for (const id of ids) {
    if (entries.length >= limit) break;
    const entry = await readEntry(folder, id);
    if (entry !== undefined) entries.push(entry);
  }
  return entries;
}

/**
 * Reads one outbox message: its entry and raw `.eml` source, or `undefined` when there is no
 * such id. Ids are checked against the outbox's own format, so a path cannot be smuggled in.
 *
 * @example
 * ```ts
 * const message = await readOutboxMessage(".outbox", id);
 * if (message) response.end(message.raw);
 * ```
 */
export async function readOutboxMessage(
  dir: string,
  id: string,
): Promise<OutboxMessage | undefined> {
  const folder = checkDir("dir", dir);
  if (typeof id !== "string" || !ID.test(id)) return undefined;
  const entry = await readEntry(folder, id);
  if (entry === undefined) return undefined;
  try {
    return { entry, raw: await readFile(join(folder, entry.file), "utf8") };
  } catch {
    return undefined;
  }
}

async function readEntry(folder: string, id: string): Promise<OutboxEntry | undefined> {
  try {
    const value = JSON.parse(await readFile(join(folder, `${id}.json`), "utf8")) as unknown;
    if (typeof value !== "object" || value === null) return undefined;
    const e = value as Record<string, unknown>;
    if (
      e["id"] !== id ||
      e["file"] !== `${id}.eml` ||
      typeof e["messageId"] !== "string" ||
      typeof e["to"] !== "string" ||
      typeof e["subject"] !== "string" ||
      typeof e["kind"] !== "string" ||
      typeof e["createdAt"] !== "string"
    ) {
      return undefined;
    }
    return value as OutboxEntry;
  } catch {
    return undefined;
  }
}
