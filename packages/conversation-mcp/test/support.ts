import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ConversationAuth } from "@otpkit/conversation-auth";
import {
  CONVERSATION_OTP_OPTIONS,
  createConversationAuth,
  createMemoryDirectory,
} from "@otpkit/conversation-auth";
import { createMemoryStore, createOtp } from "@otpkit/otp-core";
import { createFakeChannel } from "@otpkit/otp-testing";

/** Seed 004's people: 4721 has a phone (***78), 5100 only an e-mail. */
export const PEOPLE = [
  { id: "e-4721", employee: "4721", phone: "(415) 555-2678", name: "Ana", locale: "en" },
  { id: "e-5100", employee: "5100", email: "luis@example.com", locale: "es" },
];

/** The API key the loopback server accepts. */
export const API_KEY = "otpk_testkey00001_secret";

/** A conversation-auth over otp-core's memory store and fake WhatsApp and e-mail channels. */
export function setup() {
  let clock = Date.parse("2026-03-01T10:00:00Z");
  const now = () => clock;
  const store = createMemoryStore({ now });
  const whatsapp = createFakeChannel({ name: "whatsapp", address: "phone" });
  const email = createFakeChannel({ name: "email", address: "email" });
  const otp = createOtp({
    ...CONVERSATION_OTP_OPTIONS,
    store,
    secrets: [{ id: "k1", key: "conversation-mcp-test-secret-0123456789" }],
    namingKey: "conversation-mcp-test-naming-key-0123456789",
    channels: [whatsapp, email],
    now,
    scheduleUnlocks: false,
  });
  const directory = createMemoryDirectory(PEOPLE, { field: "employee" });
  const auth = createConversationAuth({ otp, store, directory, defaultCountry: "US", now });
  return {
    auth,
    whatsapp,
    email,
    advance(ms: number) {
      clock += ms;
    },
    /** The code as the user reads it on their phone. */
    phoneCode(): string {
      const code = whatsapp.lastCode();
      if (code === undefined) throw new Error("no code was sent by WhatsApp");
      return code;
    },
  };
}

/** A wrong code: the right one with its first digit changed. */
export function wrong(code: string): string {
  return `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;
}

/** A loopback HTTP server speaking the otpkit server's conversation API over `auth`. */
export interface ConversationApiServer {
  readonly url: string;
  close(): Promise<void>;
}

const ROUTE = /^\/api\/v1\/conversations\/([^/]+)\/(start|messages|session)$/;

/**
 * The conversation endpoints of apps/server, reduced to their contract (Bearer key, JSON bodies,
 * `{ state, reply }`, `{ error: { code, message, field } }`) so this package's HTTP client and
 * bin are tested without depending on the app. apps/server's own tests run them against the
 * real server.
 */
export async function startConversationApi(auth: ConversationAuth): Promise<ConversationApiServer> {
  const server = createServer((req, res) => {
    handle(auth, req, res).catch((error: Error) => send(res, 500, fail("INTERNAL", error.message)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function fail(code: string, message: string, field?: string) {
  return { error: { code, message, ...(field ? { field } : {}) } };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function handle(auth: ConversationAuth, req: IncomingMessage, res: ServerResponse) {
  if (req.headers.authorization !== `Bearer ${API_KEY}`) {
    return send(res, 401, fail("UNAUTHORIZED", "Send a valid API key"));
  }
  const match = ROUTE.exec(new URL(req.url ?? "/", "http://x").pathname);
  if (!match) return send(res, 404, fail("NOT_FOUND", "No such endpoint"));
  const conversationId = decodeURIComponent(match[1]!);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as never) : {};
  const { identifier, locale, text } = body as Record<string, unknown>;
  const key = `${req.method} ${match[2]}`;
  if (key === "POST start") {
    if (typeof identifier !== "string" || identifier === "") {
      return send(res, 400, fail("VALIDATION_FAILED", "identifier: required", "identifier"));
    }
    const request = { conversationId, identifier, ...(locale ? { locale: String(locale) } : {}) };
    return send(res, 200, await auth.start(request));
  }
  if (key === "POST messages") {
    if (typeof text !== "string" || text === "") {
      return send(res, 400, fail("VALIDATION_FAILED", "text: required", "text"));
    }
    return send(res, 200, await auth.submit({ conversationId, text }));
  }
  if (key === "GET session") return send(res, 200, await auth.status({ conversationId }));
  if (key === "DELETE session") return send(res, 200, await auth.end({ conversationId }));
  return send(res, 404, fail("NOT_FOUND", "No such endpoint"));
}
