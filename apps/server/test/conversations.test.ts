import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { MESSAGES_EN } from "@otpkit/conversation-auth";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import type { Result } from "./support/conversations.js";
import { ANA_PHONE, call, say, startConversationServer } from "./support/conversations.js";
import { emails, lastEmailCode, lastWhatsAppCode, whatsappMessages } from "./support/outbox.js";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

const C = "/api/v1/conversations";

interface ApiError {
  error: { code: string; message: string; field?: string };
}

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startConversationServer(env);
  servers.push(server);
  return server;
}

describe("/api/v1/conversations (seed 004 through the server)", () => {
  it("verifies the pay-stub conversation: WhatsApp code from the outbox, then a session", async () => {
    const s = await start();
    const started = await call(s, "c1", "start", { identifier: "4721" });
    expect(started.status).toBe(200);
    expect(started.body.state).toBe("pending");
    expect(started.body.reply).toContain("***78");
    const code = lastWhatsAppCode(s.rt, ANA_PHONE); // the user reads their phone
    expect(code).toMatch(/^\d{6}$/);
    expect(started.body.reply).not.toContain(code);

    const verified = await say(s, "c1", `The code is ${code}.`);
    expect(verified.state).toBe("authenticated");
    expect(verified.reply).not.toContain(code);
    expect((await call(s, "c1", "session")).body.state).toBe("authenticated");

    const ended = await call(s, "c1", "session", undefined, "DELETE");
    expect(ended).toMatchObject({ status: 200, body: { state: "ended" } });
    expect((await call(s, "c1", "session")).body.state).not.toBe("authenticated");
  });

  it("sends to the e-mail of a record without a phone, in the record's language", async () => {
    const s = await start();
    const started = await call(s, "c2", "start", { identifier: "5100" });
    expect(started.body.state).toBe("pending");
    const code = await lastEmailCode(s.rt, "luis@example.test");
    expect((await say(s, "c2", `mi código es ${code}`)).state).toBe("authenticated");
  });

  it("counts two wrong codes down, then accepts the right one", async () => {
    const s = await start();
    await call(s, "c3", "start", { identifier: "4721" });
    const code = lastWhatsAppCode(s.rt, ANA_PHONE);
    const wrong = code === "111111" ? "222222" : "111111";
    expect(await say(s, "c3", wrong)).toEqual({
      state: "pending",
      reply: "Incorrect code. You have 2 attempts remaining.",
    });
    expect(await say(s, "c3", wrong)).toEqual({
      state: "pending",
      reply: "Incorrect code. You have 1 attempt remaining.",
    });
    expect((await say(s, "c3", code)).state).toBe("authenticated");
  });

  it("cancels at the third wrong code: the right one no longer works", async () => {
    const s = await start();
    await call(s, "c4", "start", { identifier: "4721" });
    const code = lastWhatsAppCode(s.rt, ANA_PHONE);
    const wrong = code === "111111" ? "222222" : "111111";
    await say(s, "c4", wrong);
    await say(s, "c4", wrong);
    expect(await say(s, "c4", wrong)).toEqual({ state: "cancelled", reply: MESSAGES_EN.cancelled });
    expect((await say(s, "c4", code)).state).not.toBe("authenticated");
    expect((await call(s, "c4", "session")).body.state).not.toBe("authenticated");
  });

  it("answers a malformed reply helpfully without spending an attempt", async () => {
    const s = await start();
    await call(s, "c5", "start", { identifier: "4721" });
    const code = lastWhatsAppCode(s.rt, ANA_PHONE);
    const wrong = code === "111111" ? "222222" : "111111";
    for (let i = 0; i < 3; i++) {
      expect(await say(s, "c5", "hello")).toEqual({
        state: "pending",
        reply:
          "That does not look like a verification code. Please enter the 6-digit code we sent you.",
      });
    }
    expect((await say(s, "c5", wrong)).reply).toBe(
      "Incorrect code. You have 2 attempts remaining.",
    );
    const spaced = `my code is ${code.slice(0, 2)} ${code.slice(2, 4)} ${code.slice(4)}`;
    expect((await say(s, "c5", spaced)).state).toBe("authenticated");
  });

  it("answers an unknown identifier with the neutral reply, sends nothing, counts down alike", async () => {
    const s = await start();
    const before = whatsappMessages(s.rt).length + (await emails(s.rt)).length;
    const started = await call(s, "c6", "start", { identifier: "9999" });
    expect(started).toEqual({
      status: 200,
      body: { state: "pending", reply: MESSAGES_EN.codeSentGeneric.replaceAll("{minutes}", "5") },
    });
    expect(whatsappMessages(s.rt).length + (await emails(s.rt)).length).toBe(before);
    expect((await say(s, "c6", "123456")).reply).toBe(
      "Incorrect code. You have 2 attempts remaining.",
    );
  });

  it("refuses bad bodies and ids with 400 (415 for another content type), naming the field", async () => {
    const s = await start();
    const cases: Array<[string, unknown, string]> = [
      ["start", {}, "identifier"],
      ["start", { identifier: "" }, "identifier"],
      ["start", { identifier: "4721", locale: "not a tag" }, "locale"],
      ["start", { identifier: "4721", extra: 1 }, "body"],
      ["messages", { text: "" }, "text"],
      ["messages", { text: 483921 }, "text"],
    ];
    for (const [route, body, field] of cases) {
      const res = await s.api(`${C}/c7/${route}`, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = ((await res.json()) as ApiError).error;
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.field ?? "body").toBe(field);
    }
    const badJson = await s.api(`${C}/c7/start`, { body: "{not json" });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as ApiError).error.code).toBe("INVALID_JSON");
    const text = await s.api(`${C}/c7/start`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    const badId = await s.api(`${C}/${"x".repeat(129)}/session`);
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as ApiError).error.field).toBe("conversationId");
    const anonymous = await s.app.request(`${C}/c7/session`);
    expect(anonymous.status).toBe(401);
  });

  it("keeps each API key's conversations to itself (tenant isolation)", async () => {
    const s = await start();
    await call(s, "shared", "start", { identifier: "4721" });
    const code = lastWhatsAppCode(s.rt, ANA_PHONE);
    expect((await say(s, "shared", code)).state).toBe("authenticated");

    const other = await s.rt.apiKeys.create("other service");
    const asOther = (path: string, init: RequestInit = {}) =>
      s.app.request(path, {
        ...init,
        headers: { authorization: `Bearer ${other.token}`, "content-type": "application/json" },
      });
    const seen = (await (await asOther(`${C}/shared/session`)).json()) as Result;
    expect(seen.state).toBe("unauthenticated");
    const ended = await asOther(`${C}/shared/session`, { method: "DELETE" });
    expect(ended.status).toBe(200);
    // The other key cannot spend the first key's code either.
    const spent = await asOther(`${C}/shared/messages`, {
      method: "POST",
      body: JSON.stringify({ text: code }),
    });
    expect(((await spent.json()) as Result).state).not.toBe("authenticated");
    expect((await call(s, "shared", "session")).body.state).toBe("authenticated");
  });

  it("answers 404 naming the variable when no directory is configured", async () => {
    const s = await createTestServer();
    servers.push(s);
    const res = await s.api(`${C}/c8/start`, { body: { identifier: "4721" } });
    expect(res.status).toBe(404);
    const error = ((await res.json()) as ApiError).error;
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toContain("CONVERSATION_DIRECTORY_FILE");
  });
});

describe("CONVERSATION_DIRECTORY_FILE", () => {
  it("refuses a missing or malformed file at start, naming the variable", async () => {
    const s = await createTestServer({}, { noApiKey: true });
    servers.push(s);
    const bad = join(s.dataDir, "bad.json");
    writeFileSync(bad, "{not json");
    const noId = join(s.dataDir, "no-id.json");
    writeFileSync(noId, JSON.stringify([{ employee: "1" }]));
    for (const path of [join(s.dataDir, "absent.json"), bad, noId]) {
      let thrown: unknown;
      try {
        loadConfig({ CONVERSATION_DIRECTORY_FILE: path });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, path).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).variable).toBe("CONVERSATION_DIRECTORY_FILE");
      expect((thrown as ConfigError).message).toMatch(/^Invalid CONVERSATION_DIRECTORY_FILE: /);
    }
  });
});
