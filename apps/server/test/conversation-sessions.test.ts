import { MESSAGES_EN } from "@otpkit/conversation-auth";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import {
  ANA_PHONE,
  call,
  EVA_PHONE,
  say,
  startConversationServer,
} from "./support/conversations.js";
import { emails, lastWhatsAppCode, whatsappMessages } from "./support/outbox.js";
import type { TestServer } from "./support/runtime.js";

// Seed 004 through the server with the test's clock: code expiry, restart after a cancelled
// verification, the session's inactivity timeout and 24-hour limit, the channel choice.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startConversationServer(env);
  servers.push(server);
  return server;
}

/** Verifies Ana in `conversation`: the code from the WhatsApp outbox, as she reads her phone. */
async function verifyAna(s: TestServer, conversation: string): Promise<void> {
  expect((await call(s, conversation, "start", { identifier: "4721" })).body.state).toBe("pending");
  const code = lastWhatsAppCode(s.rt, ANA_PHONE);
  expect((await say(s, conversation, `The code is ${code}`)).state).toBe("authenticated");
}

const status = async (s: TestServer, conversation: string) =>
  (await call(s, conversation, "session")).body;

describe("conversation codes and sessions over time (injected clock)", () => {
  it("answers a code entered after 5 minutes with the seed's expiry message", async () => {
    const s = await start();
    await call(s, "x1", "start", { identifier: "4721" });
    const code = lastWhatsAppCode(s.rt, ANA_PHONE);
    s.clock.advance(5 * MINUTE + SECOND);
    expect(await say(s, "x1", code)).toEqual({
      state: "expired",
      reply: "The code has expired. Please message me again and I will send you a new one.",
    });
    expect((await status(s, "x1")).state).not.toBe("authenticated");
  });

  it("restarts after a cancelled verification: a new code (after the resend wait) verifies", async () => {
    const s = await start();
    await call(s, "x2", "start", { identifier: "4721" });
    const first = lastWhatsAppCode(s.rt, ANA_PHONE);
    const wrong = first === "111111" ? "222222" : "111111";
    for (let i = 0; i < 3; i++) await say(s, "x2", wrong);
    expect((await status(s, "x2")).state).toBe("unauthenticated");
    // "Message me again to restart": at once, the resend cooldown holds the new code back.
    const early = await call(s, "x2", "start", { identifier: "4721" });
    expect(early.body.state).toBe("throttled");
    s.clock.advance(30 * SECOND);
    const again = await call(s, "x2", "start", { identifier: "4721" });
    expect(again.body.state).toBe("pending");
    const second = lastWhatsAppCode(s.rt, ANA_PHONE);
    expect((await say(s, "x2", first)).state).not.toBe("authenticated");
    expect((await say(s, "x2", second)).state).toBe("authenticated");
  });

  it("ends a session after 30 minutes without activity; activity keeps it alive", async () => {
    const s = await start();
    await verifyAna(s, "x3");
    s.clock.advance(29 * MINUTE);
    expect((await status(s, "x3")).state).toBe("authenticated"); // activity: the timer restarts
    s.clock.advance(29 * MINUTE);
    expect((await status(s, "x3")).state).toBe("authenticated");
    s.clock.advance(30 * MINUTE + SECOND);
    expect(await status(s, "x3")).toEqual({
      state: "session_expired",
      reply: MESSAGES_EN.sessionExpired,
    });
    expect((await status(s, "x3")).state).toBe("unauthenticated");
    await verifyAna(s, "x3"); // a new verification opens a new session
  });

  it("ends even an active session 24 hours after verification", async () => {
    const s = await start({ CONVERSATION_SESSION_INACTIVITY_MINUTES: "600" });
    await verifyAna(s, "x4");
    for (let elapsed = 0; elapsed < 18 * HOUR; elapsed += 9 * HOUR) {
      s.clock.advance(9 * HOUR); // within the 10-hour inactivity timeout configured above
      expect((await status(s, "x4")).state).toBe("authenticated");
    }
    s.clock.advance(6 * HOUR - MINUTE); // 23:59 after verification
    expect((await status(s, "x4")).state).toBe("authenticated");
    s.clock.advance(MINUTE);
    expect((await status(s, "x4")).state).toBe("session_expired");
  });

  it("chooses the channel from the record: phone only → WhatsApp, e-mail only → e-mail, both → WhatsApp", async () => {
    const s = await start();
    const sent = async () => ({ whatsapp: whatsappMessages(s.rt), email: await emails(s.rt) });

    const phone = await call(s, "x5", "start", { identifier: "4721" });
    expect(phone.body.reply).toContain("to the number ***78");
    expect((await sent()).whatsapp.map((m) => m.to)).toEqual([ANA_PHONE]);

    const email = await call(s, "x6", "start", { identifier: "5100" });
    expect(email.body.reply).toContain("l***@example.test");
    const afterEmail = await sent();
    expect(afterEmail.email.map((m) => m.entry.to)).toEqual(["luis@example.test"]);
    expect(afterEmail.whatsapp).toHaveLength(1);

    const both = await call(s, "x7", "start", { identifier: "6200" });
    expect(both.body.reply).toContain("to the number ***62");
    const afterBoth = await sent();
    expect(afterBoth.whatsapp.map((m) => m.to)).toEqual([EVA_PHONE, ANA_PHONE]);
    expect(afterBoth.email).toHaveLength(1); // nothing to eva@example.test
  });

  it("names no destination with CONVERSATION_HIDE_DESTINATION=true: known and unknown read alike", async () => {
    const s = await start({ CONVERSATION_HIDE_DESTINATION: "true" });
    const known = await call(s, "x8", "start", { identifier: "4721" });
    const unknown = await call(s, "x9", "start", { identifier: "9999" });
    expect(known.body).toEqual(unknown.body);
    expect(known.body.reply).not.toContain("***");
    expect(whatsappMessages(s.rt)).toHaveLength(1); // the known one still gets the code
  });
});

describe("conversation settings", () => {
  it("refuses bad CONVERSATION_* values at start, naming the variable", () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ CONVERSATION_HIDE_DESTINATION: "maybe" }, "CONVERSATION_HIDE_DESTINATION"],
      [{ CONVERSATION_SESSION_INACTIVITY_MINUTES: "0" }, "CONVERSATION_SESSION_INACTIVITY_MINUTES"],
      [
        { CONVERSATION_SESSION_INACTIVITY_MINUTES: "1441" },
        "CONVERSATION_SESSION_INACTIVITY_MINUTES",
      ],
      [{ CONVERSATION_HUBSPOT_PORTAL_ID: "abc" }, "CONVERSATION_HUBSPOT_PORTAL_ID"],
      [
        { CONVERSATION_HUBSPOT_PORTAL_ID: "101", CONVERSATION_DIRECTORY_FILE: "people.json" },
        "CONVERSATION_HUBSPOT_PORTAL_ID",
      ],
      [
        { CONVERSATION_HUBSPOT_PORTAL_ID: "101", CONVERSATION_IDENTIFIER_FIELD: "employee_number" },
        "HUBSPOT_CLIENT_ID",
      ],
      [
        {
          CONVERSATION_HUBSPOT_PORTAL_ID: "101",
          HUBSPOT_CLIENT_ID: "client-id-1",
          HUBSPOT_CLIENT_SECRET: "client-secret-1",
        },
        "CONVERSATION_IDENTIFIER_FIELD",
      ],
    ];
    for (const [env, variable] of cases) {
      let thrown: unknown;
      try {
        loadConfig(env);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).variable, JSON.stringify(env)).toBe(variable);
      expect((thrown as ConfigError).message).toContain(variable);
    }
  });
});
