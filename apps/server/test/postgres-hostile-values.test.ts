import { createHmac, randomUUID } from "node:crypto";
import type { FakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import { startFakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminQuery, databaseUrl } from "./support/app-database.js";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

// Found by the hostile-input suite (reliability/fuzz-*.test.ts), on PostgreSQL only: values its
// columns refuse reached them and answered 500. A signed WhatsApp status whose `timestamp` is no
// time (1e300 seconds, a fraction of a millisecond) broke the audit row's BIGINT, and one whose
// message id holds a NUL broke the lookup: 500, and Meta retries for days. A NUL in an API
// subject failed the verification row after the code was sent (500), and in /audit's query too.

const APP_SECRET = "hostile-values-app-secret";
const DATABASE = `otpkit_hostile_${randomUUID().slice(0, 8)}`;
let graph: FakeGraphApi;
let s: TestServer;

beforeAll(async () => {
  graph = await startFakeGraphApi();
  await adminQuery(`CREATE DATABASE "${DATABASE}"`);
  s = await createTestServer({
    DATABASE_URL: databaseUrl(DATABASE),
    WHATSAPP_PHONE_NUMBER_ID: graph.phoneNumberId,
    WHATSAPP_ACCESS_TOKEN: graph.accessToken,
    WHATSAPP_API_BASE_URL: graph.url,
    WHATSAPP_GRAPH_VERSION: graph.version,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: "hostile-values-verify-token",
  });
});
afterAll(async () => {
  await s?.close();
  await graph?.close();
  await adminQuery(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
});

function status(messageId: string, status: string, timestamp: string): string {
  const value = {
    metadata: { phone_number_id: graph.phoneNumberId },
    statuses: [{ id: messageId, status, timestamp, recipient_id: "14155550100" }],
  };
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "WABA", changes: [{ field: "messages", value }] }],
  });
}

function signedPost(body: string): Promise<Response> {
  const signature = `sha256=${createHmac("sha256", APP_SECRET).update(body).digest("hex")}`;
  return Promise.resolve(
    s.app.request("/webhooks/whatsapp", {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signature },
      body,
    }),
  );
}

describe("hostile values on PostgreSQL", () => {
  it("a timestamp that is no time is recorded at the arrival time, never a 500", async () => {
    const start = await s.api("/api/v1/verifications", {
      body: { subject: "ts-1", recipient: { phone: "+14155550100" } },
    });
    expect(start.status).toBe(201);
    const trail = async () =>
      (
        (await (await s.api("/api/v1/audit?subject=ts-1")).json()) as {
          events: Array<{ type: string; messageId?: string; reason?: string; at: string }>;
        }
      ).events;
    const wamid = (await trail()).find((e) => e.type === "delivered")!.messageId!;

    for (const [state, timestamp] of [
      ["sent", "1e300"],
      ["delivered", "0.0001"],
    ] as const) {
      const res = await signedPost(status(wamid, state, timestamp));
      expect(res.status, await res.text()).toBe(200);
    }
    const reports = (await trail()).filter((e) => e.type === "delivery_status");
    expect(reports.map((e) => e.reason).sort()).toEqual(["delivered", "sent"]);
    for (const e of reports) expect(e.at).toBe(new Date(s.clock.now()).toISOString());
  });

  it("a status for a message id with a NUL is none of ours: 200, nothing recorded", async () => {
    const res = await signedPost(status("wamid.a\u0000b", "read", "1750030073"));
    expect(res.status, await res.text()).toBe(200);
  });

  it("a NUL in an API subject or query is a 400 naming the field; nothing is sent", async () => {
    const start = await s.api("/api/v1/verifications", {
      body: { subject: "a\u0000b", recipient: { phone: "+14155550101" } },
    });
    expect(start.status).toBe(400);
    expect(await start.json()).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: "subject: remove the NUL character (\\u0000)",
        field: "subject",
      },
    });
    expect(graph.accepted.filter((m) => m.to === "14155550101")).toEqual([]);
    const audit = await s.api("/api/v1/audit?subject=a%00b");
    expect(audit.status).toBe(400);
    expect(((await audit.json()) as { error: { field: string } }).error.field).toBe("subject");
  });
});
