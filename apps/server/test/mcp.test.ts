import type { McpTestClient } from "@otpkit/conversation-mcp/testing";
import { connectOverHttp, connectOverStdio } from "@otpkit/conversation-mcp/testing";
import { afterEach, describe, expect, it } from "vitest";
import { ANA_PHONE, call, listen, startConversationServer } from "./support/conversations.js";
import { lastWhatsAppCode } from "./support/outbox.js";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

// The conversation MCP tools through a real MCP client of the SDK (conversation-mcp's testing
// entry) against the real server on a loopback port: streamable HTTP at /mcp, and the
// otpkit-mcp bin over stdio (its own process, calling /api/v1/conversations). The user's code is
// read from the dev outbox, as from a phone.

const TOOLS = ["end_session", "session_status", "start_verification", "submit_code"];

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(server?: TestServer) {
  const s = server ?? (await startConversationServer());
  cleanups.push(() => s.close());
  const http = await listen(s);
  cleanups.push(() => http.close());
  return { s, url: http.url };
}

type Connect = (url: string, token: string) => Promise<McpTestClient>;
const overHttp: Connect = (url, token) => connectOverHttp(`${url}/mcp`, token);
const overStdio: Connect = (url, token) =>
  connectOverStdio({ OTPKIT_URL: url, OTPKIT_API_KEY: token });

async function connect(how: Connect, url: string, token: string): Promise<McpTestClient> {
  const mcp = await how(url, token);
  cleanups.push(() => mcp.close());
  return mcp;
}

describe.each([
  ["streamable HTTP (/mcp)", overHttp],
  ["stdio (otpkit-mcp)", overStdio],
])("the MCP tools over %s", (_name, how) => {
  it("lists the four tools and runs the seed's conversation: wrong, then right", async () => {
    const { s, url } = await serve();
    const client = await connect(how, url, s.token);
    const { tools } = await client.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
    for (const t of tools) {
      expect(t.description?.length, t.name).toBeGreaterThan(200);
      expect(t.inputSchema.required, t.name).toContain("conversation_id");
    }

    const started = await client.call("start_verification", {
      conversation_id: "m1",
      identifier: "4721",
    });
    expect(started.result?.state).toBe("pending");
    expect(started.result?.reply).toContain("***78 registered in your profile");
    const code = lastWhatsAppCode(s.rt, ANA_PHONE); // the user reads their phone
    const wrong = code === "111111" ? "222222" : "111111";
    const miss = await client.call("submit_code", { conversation_id: "m1", text: wrong });
    expect(miss.result).toEqual(
      expect.objectContaining({
        state: "pending",
        reply: "Incorrect code. You have 2 attempts remaining.",
      }),
    );
    const hit = await client.call("submit_code", {
      conversation_id: "m1",
      text: `The code is ${code}.`,
    });
    expect(hit.result?.state).toBe("authenticated");
    for (const answer of [started, miss, hit]) {
      expect(answer.raw).not.toContain(code);
      expect(answer.raw).not.toContain(wrong);
    }
    // The MCP conversation is the API key's: the REST endpoints see the same session.
    expect((await call(s, "m1", "session")).body.state).toBe("authenticated");
    expect((await client.call("session_status", { conversation_id: "m1" })).result?.state).toBe(
      "authenticated",
    );
    expect((await client.call("end_session", { conversation_id: "m1" })).result?.state).toBe(
      "ended",
    );
    expect((await call(s, "m1", "session")).body.state).toBe("unauthenticated");
  });

  it("answers bad arguments with a tool error naming the argument, and keeps serving", async () => {
    const { s, url } = await serve();
    const client = await connect(how, url, s.token);
    const bad = await client.call("start_verification", { conversation_id: "m 2" });
    expect(bad.isError).toBe(true);
    expect(bad.text).toContain("conversation_id");
    expect((await client.call("session_status", { conversation_id: "m2" })).isError).toBe(false);
  });
});

describe("otpkit-mcp against the server", () => {
  it("turns a refused API key into a tool error naming 401 and OTPKIT_API_KEY", async () => {
    const { url } = await serve();
    const client = await connect(overStdio, url, "otpk_not_a_real_key");
    const call = await client.call("session_status", { conversation_id: "m4" });
    expect(call.isError).toBe(true);
    expect(call.text).toContain("NOT verified");
    expect(call.text).toContain("401 UNAUTHORIZED");
    expect(call.text).toContain("OTPKIT_API_KEY");
  });
});

describe("/mcp over HTTP", () => {
  it("refuses a bad API key: the client's connect fails with 401", async () => {
    const { url } = await serve();
    await expect(overHttp(url, "otpk_not_a_real_key")).rejects.toMatchObject({ code: 401 });
  });

  it("keeps each key's conversations apart", async () => {
    const { s, url } = await serve();
    const mine = await connect(overHttp, url, s.token);
    await mine.call("start_verification", { conversation_id: "m3", identifier: "4721" });
    const code = lastWhatsAppCode(s.rt, ANA_PHONE);
    expect(
      (await mine.call("submit_code", { conversation_id: "m3", text: code })).result?.state,
    ).toBe("authenticated");
    const other = await s.rt.apiKeys.create("other agent");
    const theirs = await connect(overHttp, url, other.token);
    const seen = await theirs.call("session_status", { conversation_id: "m3" });
    expect(seen.result?.state).toBe("unauthenticated");
  });

  it("answers malformed requests with a 4xx, never a 500", async () => {
    const { s, url } = await serve();
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${url}/mcp`, {
        method: "POST",
        headers: { authorization: `Bearer ${s.token}`, ...headers },
        body,
      });
    const both = "application/json, text/event-stream";
    const init = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: {} });
    expect((await post({ accept: both, "content-type": "text/plain" }, init)).status).toBe(415);
    expect((await post({ accept: both, "content-type": "application/json" }, "{no")).status).toBe(
      400,
    );
    const notRpc = await post({ accept: both, "content-type": "application/json" }, '{"a":1}');
    expect(notRpc.status).toBe(400);
    expect((await post({ "content-type": "application/json" }, init)).status).toBe(406);
    const huge = JSON.stringify({ jsonrpc: "2.0", method: "x", params: { p: "x".repeat(20_000) } });
    expect((await post({ accept: both, "content-type": "application/json" }, huge)).status).toBe(
      413,
    );
    const get = await fetch(`${url}/mcp`, {
      headers: { authorization: `Bearer ${s.token}`, accept: "text/event-stream" },
    });
    expect(get.status).toBe(405);
    const anonymous = await fetch(`${url}/mcp`, { method: "POST", body: init });
    expect(anonymous.status).toBe(401);
  });

  it("answers 404 naming the variable when no directory is configured", async () => {
    const { s, url } = await serve(await createTestServer());
    const res = await fetch(`${url}/mcp`, {
      method: "POST",
      headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.message).toContain("CONVERSATION_DIRECTORY_FILE");
  });
});
