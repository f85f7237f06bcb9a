import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerType } from "@hono/node-server";
import { serve } from "@hono/node-server";
import { expect } from "vitest";
import type { TestServer, TestServerOptions } from "./runtime.js";
import { createTestServer } from "./runtime.js";

/**
 * Seed 004's people, as an HR system exports them (national-format phones, an employee number):
 * 4721 has a phone (***78), 5100 only an e-mail, 6200 both.
 */
export const PEOPLE = [
  { id: "e-4721", employee: "4721", name: "Ana", phone: "(415) 555-2678", locale: "en" },
  { id: "e-5100", employee: "5100", name: "Luis", email: "luis@example.test", locale: "es" },
  {
    id: "e-6200",
    employee: "6200",
    name: "Eva",
    phone: "(415) 555-0162",
    email: "eva@example.test",
  },
];
export const ANA_PHONE = "+14155552678";
export const EVA_PHONE = "+14155550162";

/** `{ state, reply }`: every answer of the conversation endpoints. */
export interface Result {
  state: string;
  reply: string;
}

/**
 * A test server whose directory file (PEOPLE, identified by `employee`) is written into a temp
 * dir before it starts; `close()` removes that dir too.
 */
export async function startConversationServer(
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "otpkit-people-"));
  const file = join(dir, "people.json");
  writeFileSync(file, JSON.stringify(PEOPLE));
  try {
    const server = await createTestServer(
      { CONVERSATION_DIRECTORY_FILE: file, CONVERSATION_IDENTIFIER_FIELD: "employee", ...env },
      options,
    );
    return {
      ...server,
      async close() {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The app served on a loopback port, for clients that speak real HTTP (MCP, the bin). */
export async function listen(server: TestServer): Promise<{ url: string; close(): Promise<void> }> {
  const http: ServerType = serve({ fetch: server.app.fetch, port: 0, hostname: "127.0.0.1" });
  await once(http, "listening");
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ("closeAllConnections" in http) http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** One call of `/api/v1/conversations/:conversation/…` with the server's API key. */
export async function call(
  s: TestServer,
  conversation: string,
  route: "start" | "messages" | "session",
  body?: unknown,
  method?: string,
): Promise<{ status: number; body: Result }> {
  const res = await s.api(`/api/v1/conversations/${conversation}/${route}`, {
    ...(body === undefined ? {} : { body }),
    ...(method ? { method } : {}),
  });
  return { status: res.status, body: (await res.json()) as Result };
}

/** What the agent gets after the user typed `text`. */
export async function say(s: TestServer, conversation: string, text: string): Promise<Result> {
  const res = await call(s, conversation, "messages", { text });
  expect(res.status).toBe(200);
  return res.body;
}
