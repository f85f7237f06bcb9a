import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import { startFakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import type { Runtime } from "../src/runtime.js";
import { createRuntime } from "../src/runtime.js";

const APP_SECRET = "whatsapp-app-secret-for-tests";
const VERIFY_TOKEN = "verify-token-for-tests";
const PHONE = "+34600123478";

let graph: FakeGraphApi;
let rt: Runtime;
let app: ReturnType<typeof createApp>;
let token: string;
let dir: string;
let t = Date.UTC(2026, 10, 22, 9, 0, 0);

beforeAll(async () => {
  graph = await startFakeGraphApi();
  dir = mkdtempSync(join(tmpdir(), "otpkit-wa-"));
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dir,
    LOG_LEVEL: "silent",
    WHATSAPP_PHONE_NUMBER_ID: graph.phoneNumberId,
    WHATSAPP_ACCESS_TOKEN: graph.accessToken,
    WHATSAPP_API_BASE_URL: graph.url,
    WHATSAPP_GRAPH_VERSION: graph.version,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    OTP_RETRY_ON_FAILURE: "true",
    OTP_RESEND_COOLDOWN_SECONDS: "0",
    OTP_LOCKOUT_MAX_FAILURES: "3",
  });
  rt = await createRuntime(config, { logger: createLogger("silent"), now: () => t });
  app = createApp(rt);
  token = (await rt.apiKeys.create("whatsapp test")).token;
});

afterAll(async () => {
  await rt?.close();
  await graph?.close();
  rmSync(dir, { recursive: true, force: true });
});

function api(path: string, init: { method?: string; body?: unknown } = {}) {
  return app.request(`/api/v1${path}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
}

function signed(body: string, secret = APP_SECRET) {
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  return app.request("/webhooks/whatsapp", {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signature },
    body,
  });
}

function statusPayload(messageId: string, status: string): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA-1",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: {
                display_phone_number: "15550000000",
                phone_number_id: graph.phoneNumberId,
              },
              statuses: [
                {
                  id: messageId,
                  status,
                  timestamp: String(Math.floor(t / 1000)),
                  recipient_id: PHONE.slice(1),
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

describe("WhatsApp through the server (seed 003)", () => {
  it("code → wrong code → fresh code → lockout notice → unlock notice, all in the audit log", async () => {
    const start = await api("/verifications", {
      body: { subject: "contact-4712", recipient: { phone: PHONE, locale: "es" } },
    });
    expect(start.status).toBe(201);
    const verification = (await start.json()) as {
      id: string;
      channel: string;
      destination: string;
    };
    expect(verification).toMatchObject({ channel: "whatsapp", destination: "***78" });
    expect(graph.accepted.map((m) => m.template)).toEqual(["tmpl_otp_code"]);
    const first = graph.accepted[0]!.code!;

    const wrong = (code: string) => (code === "000000" ? "111111" : "000000");
    // Meta allows one message per number every few seconds; people type slower than that.
    const check = async (code: string) => {
      t += 10_000;
      return (await (
        await api(`/verifications/${verification.id}/check`, { body: { code } })
      ).json()) as {
        status: string;
      };
    };

    expect(await check(wrong(first))).toMatchObject({ status: "invalid", attemptsRemaining: 2 });
    expect(graph.accepted.at(-1)).toMatchObject({ template: "tmpl_otp_retry" });
    const second = graph.accepted.at(-1)!.code!;
    expect(second).not.toBe(first);
    expect(await check(wrong(second))).toMatchObject({ status: "invalid", attemptsRemaining: 1 });
    expect(await check(wrong(graph.accepted.at(-1)!.code!))).toMatchObject({ status: "locked" });
    expect(graph.accepted.at(-1)).toMatchObject({ template: "tmpl_otp_locked" });
    expect(graph.accepted.at(-1)!.code).toBeUndefined();

    // The lock window passes. A look at the subject is read-only: it shows the lock over and
    // sends nothing. The next write for the subject (here a check) notices the end and sends the
    // unlock notice. (A new start would say it with the new code itself, without a notice.)
    t += 15 * 60_000;
    expect((await (await api(`/verifications/${verification.id}`)).json()) as object).toMatchObject(
      { locked: false, lockedUntil: null },
    );
    expect(graph.accepted.map((m) => m.template)).toEqual([
      "tmpl_otp_code",
      "tmpl_otp_retry",
      "tmpl_otp_retry",
      "tmpl_otp_locked",
    ]);
    // The lock ended the last code: it answers not_found, and the check notices the unlock.
    expect(await check(graph.accepted[2]!.code!)).toEqual({ status: "not_found" });
    expect(graph.accepted.map((m) => m.template)).toEqual([
      "tmpl_otp_code",
      "tmpl_otp_retry",
      "tmpl_otp_retry",
      "tmpl_otp_locked",
      "tmpl_otp_unlocked",
    ]);

    const audit = (await (await api("/audit?subject=contact-4712")).json()) as {
      events: Array<{
        type: string;
        messageKind?: string;
        codeId?: string;
        verificationId?: string;
        lockedUntil?: string;
      }>;
    };
    // Each of the three codes (the first and the two fresh ones) names the one verification; the
    // lock's end is ISO 8601 like every time in the API.
    const withCode = audit.events.filter((e) => e.codeId !== undefined);
    expect(new Set(withCode.map((e) => e.codeId)).size).toBe(3);
    for (const e of withCode) expect(e.verificationId, e.type).toBe(verification.id);
    const lock = audit.events.find((e) => e.type === "locked");
    expect(lock?.lockedUntil).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const trail = audit.events.map((e) => e.type).reverse();
    expect(trail.filter((x) => x === "failed")).toHaveLength(3);
    expect(trail).toContain("locked");
    expect(trail).toContain("unlocked");
    expect(
      audit.events
        .filter((e) => e.type === "delivered")
        .map((e) => e.messageKind)
        .reverse(),
    ).toEqual(["code", "retry", "retry", "lockout", "unlock"]);
    // No code ever reaches the audit trail.
    const body = JSON.stringify(audit);
    for (const m of graph.accepted) if (m.code) expect(body).not.toContain(m.code);
  });

  it("status webhooks are signature-checked, de-duplicated, and joined to the subject's audit trail", async () => {
    t += 10_000;
    const start = await api("/verifications", {
      body: { subject: "contact-88", recipient: { phone: PHONE } },
    });
    expect(start.status).toBe(201);
    const audit0 = (await (await api("/audit?subject=contact-88")).json()) as {
      events: Array<{ type: string; messageId?: string }>;
    };
    const wamid = audit0.events.find((e) => e.type === "delivered")!.messageId!;

    const payload = statusPayload(wamid, "delivered");
    expect((await signed(payload, "not-the-secret")).status).toBe(403);
    expect(
      (
        await app.request("/webhooks/whatsapp", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: payload,
        })
      ).status,
    ).toBe(401);
    expect((await signed(payload)).status).toBe(200);
    expect((await signed(payload)).status).toBe(200); // Meta retries: recorded once

    const audit = (await (await api("/audit?subject=contact-88")).json()) as {
      events: Array<{ type: string; reason?: string }>;
    };
    expect(audit.events.filter((e) => e.type === "delivery_status")).toEqual([
      expect.objectContaining({
        type: "delivery_status",
        reason: "delivered",
        channel: "whatsapp",
      }),
    ]);
  });

  it("answers Meta's verification handshake only with the right token", async () => {
    const ok = await app.request(
      `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=12345`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("12345");
    const bad = await app.request(
      "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=12345",
    );
    expect(bad.status).toBe(403);
  });
});
