import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { ConversationAuth } from "@otpkit/conversation-auth";
import { MESSAGES_EN } from "@otpkit/conversation-auth";
import { afterEach, describe, expect, it } from "vitest";
import { createConversationMcpServer } from "../src/mcp-server.js";
import type { McpTestClient } from "../src/testing.js";
import { connectMcpClient } from "../src/testing.js";
import { setup, wrong } from "./support.js";

// The tools through a real MCP client from the SDK, over the SDK's in-memory transport, with a
// real conversation-auth (memory store, fake channels) behind them.

const clients: McpTestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

async function connect(auth: ConversationAuth, describeError?: (e: unknown) => string) {
  const server = createConversationMcpServer({ auth, ...(describeError ? { describeError } : {}) });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const mcp = await connectMcpClient(clientSide);
  clients.push(mcp);
  return mcp;
}

describe("the conversation MCP tools", () => {
  it("lists four tools whose descriptions, schemas and hints tell the model the rules", async () => {
    const { client } = await connect(setup().auth);
    expect(client.getInstructions()).toContain("only when `state` is `authenticated`");
    const { tools } = await client.listTools();
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual([
      "end_session",
      "session_status",
      "start_verification",
      "submit_code",
    ]);
    const start = byName["start_verification"]!;
    expect(start.description).toContain("ask the user for their identifier");
    expect(start.description).toContain("verbatim");
    expect(start.description).toContain("never tell the user whether a record exists");
    expect(start.inputSchema.required).toEqual(["conversation_id", "identifier"]);
    expect(Object.keys(start.inputSchema.properties ?? {})).toEqual([
      "conversation_id",
      "identifier",
      "locale",
    ]);
    expect(start.annotations).toMatchObject({ readOnlyHint: false, openWorldHint: true });
    const submit = byName["submit_code"]!;
    expect(submit.description).toContain(
      "Never ask the user to send the code anywhere but this chat",
    );
    expect(submit.description).toContain(
      "Only `state` = `authenticated` means the user is verified",
    );
    expect(submit.inputSchema.required).toEqual(["conversation_id", "text"]);
    expect(byName["session_status"]!.description).toContain("right before every answer");
    expect(byName["session_status"]!.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName["end_session"]!.annotations).toMatchObject({ destructiveHint: false });
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.inputSchema.required, tool.name).toContain("conversation_id");
      expect(tool.outputSchema?.required, tool.name).toEqual(["state", "reply", "next"]);
    }
  });

  it("runs the seed's pay-stub conversation: pending with ***78, then authenticated", async () => {
    const flow = setup();
    const client = await connect(flow.auth);
    const started = await client.call("start_verification", {
      conversation_id: "c1",
      identifier: "4721",
    });
    expect(started.result).toMatchObject({
      state: "pending",
      reply:
        "We sent a verification code to the number ***78 registered in your profile. Please enter the code (expires in 5 minutes).",
    });
    expect(JSON.parse(started.text)).toEqual(started.result);
    const code = flow.phoneCode(); // the user reads it on their phone
    const verified = await client.call("submit_code", {
      conversation_id: "c1",
      text: `The code is ${code}.`,
    });
    expect(verified.result).toMatchObject({ state: "authenticated", reply: "Identity verified." });
    expect(verified.result?.next).toContain("you may answer their request");
    for (const call of [started, verified]) expect(call.raw).not.toContain(code);

    const status = await client.call("session_status", { conversation_id: "c1" });
    expect(status.result?.state).toBe("authenticated");
    const ended = await client.call("end_session", { conversation_id: "c1" });
    expect(ended.result).toMatchObject({ state: "ended", reply: MESSAGES_EN.sessionEnded });
    const after = await client.call("session_status", { conversation_id: "c1" });
    expect(after.result?.state).toBe("unauthenticated");
  });

  it("counts wrong codes down, cancels at the third, and never echoes a code", async () => {
    const flow = setup();
    const client = await connect(flow.auth);
    await client.call("start_verification", { conversation_id: "c2", identifier: "4721" });
    const code = flow.phoneCode();
    const bad = wrong(code);
    const submit = (text: string) => client.call("submit_code", { conversation_id: "c2", text });
    const first = await submit(`it is ${bad}`);
    expect(first.result).toMatchObject({
      state: "pending",
      reply: "Incorrect code. You have 2 attempts remaining.",
    });
    const hello = await submit("hello");
    expect(hello.result?.reply).toContain("does not look like a verification code");
    const second = await submit(bad);
    expect(second.result?.reply).toBe("Incorrect code. You have 1 attempt remaining.");
    const third = await submit(bad);
    expect(third.result).toMatchObject({ state: "cancelled", reply: MESSAGES_EN.cancelled });
    expect(third.result?.next).toContain("call start_verification");
    for (const call of [first, second, third]) {
      expect(call.raw).not.toContain(bad);
      expect(call.raw).not.toContain(code);
    }
    expect((await submit(code)).result?.state).not.toBe("authenticated");
  });

  it("relays 'replaced' for the code of an earlier start: still pending, nothing spent", async () => {
    const flow = setup();
    const client = await connect(flow.auth);
    await client.call("start_verification", { conversation_id: "c4", identifier: "4721" });
    const first = flow.phoneCode();
    flow.advance(60_000); // past otp-core's resend cooldown
    await client.call("start_verification", { conversation_id: "c4", identifier: "4721" });
    const submit = (text: string) => client.call("submit_code", { conversation_id: "c4", text });
    const old = await submit(first);
    expect(old.result).toMatchObject({ state: "pending", reply: MESSAGES_EN.replaced });
    expect(old.result?.next).toContain("call submit_code");
    expect(old.raw).not.toContain(first);
    const latest = flow.phoneCode();
    expect((await submit(wrong(latest))).result?.reply).toBe(
      "Incorrect code. You have 2 attempts remaining.",
    );
    expect((await submit(latest)).result?.state).toBe("authenticated");
  });

  it("answers bad arguments with a tool error naming the argument, and keeps serving", async () => {
    const client = await connect(setup().auth);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ["start_verification", { identifier: "4721" }, "conversation_id"],
      ["start_verification", { conversation_id: "c 1", identifier: "4721" }, "conversation_id"],
      ["start_verification", { conversation_id: "c3", identifier: "" }, "identifier"],
      ["start_verification", { conversation_id: "c3", identifier: "4721", locale: "?" }, "locale"],
      ["submit_code", { conversation_id: "c3", text: 483921 }, "text"],
      ["session_status", {}, "conversation_id"],
    ];
    for (const [tool, args, field] of cases) {
      const call = await client.call(tool, args);
      expect(call.isError, JSON.stringify(args)).toBe(true);
      expect(call.text).toContain(field);
      expect(call.raw).not.toContain("483921");
    }
    const ok = await client.call("session_status", { conversation_id: "c3" });
    expect(ok.result?.state).toBe("unauthenticated");
  });

  it("turns a failing flow into a tool error that says the user is not verified", async () => {
    const failing: ConversationAuth = {
      ...setup().auth,
      status: () => Promise.reject(new Error("store down")),
    };
    const seen: unknown[] = [];
    const client = await connect(failing, (error) => {
      seen.push(error);
      return "the verification service is unavailable";
    });
    const call = await client.call("session_status", { conversation_id: "c4" });
    expect(call.isError).toBe(true);
    expect(call.text).toContain("the user is NOT verified");
    expect(call.text).toContain("the verification service is unavailable");
    expect(call.text).not.toContain("store down");
    expect(seen).toHaveLength(1);
  });

  it("refuses an auth without the four methods", () => {
    expect(() => createConversationMcpServer({ auth: {} as ConversationAuth })).toThrow(
      /"auth" expected a ConversationAuth/,
    );
  });
});
