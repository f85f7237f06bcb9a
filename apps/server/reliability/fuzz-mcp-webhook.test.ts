import { createHmac, randomUUID } from "node:crypto";
import type { FakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import { startFakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminQuery, databaseUrl } from "../test/support/app-database.js";
import { startConversationServer } from "../test/support/conversations.js";
import type { TestServer } from "../test/support/runtime.js";
import { recordFigures } from "./support/figures.js";
import {
  anyJson,
  contentType,
  headerValue,
  hostileSegment,
  hostileString,
  malformedJson,
  mutated,
  request,
  sizedBody,
} from "./support/fuzz-arbitraries.js";
import type { Fuzzer } from "./support/fuzz-harness.js";
import {
  countsLine,
  createFuzzer,
  expectReady,
  FUZZ_SEED,
  runs,
  stateCount,
} from "./support/fuzz-harness.js";

// Hostile input against the conversation surfaces (/api/v1/conversations/*, the MCP server at
// /mcp) and the WhatsApp webhook, on Redis and PostgreSQL (the production stores): malformed
// JSON-RPC, wrong argument types, unknown tools, arguments past the body limit; webhook posts
// without, with forged and with valid signatures over hostile payloads, and Meta's retries.

const APP_SECRET = "fuzz-whatsapp-app-secret";
const VERIFY_TOKEN = "fuzz-verify-token";
const DATABASE = `otpkit_fuzz_${randomUUID().slice(0, 8)}`;
let graph: FakeGraphApi;
let s: TestServer;
let fz: Fuzzer;
let wamid = "";
const started = Date.now();
const webhook = { retries: 0, recorded: 0 };

beforeAll(async () => {
  graph = await startFakeGraphApi();
  await adminQuery(`CREATE DATABASE "${DATABASE}"`);
  s = await startConversationServer({
    DATABASE_URL: databaseUrl(DATABASE),
    REDIS_URL: "redis://127.0.0.1:6379",
    REDIS_KEY_PREFIX: `fuzz-${randomUUID().slice(0, 8)}:`,
    WHATSAPP_PHONE_NUMBER_ID: graph.phoneNumberId,
    WHATSAPP_ACCESS_TOKEN: graph.accessToken,
    WHATSAPP_API_BASE_URL: graph.url,
    WHATSAPP_GRAPH_VERSION: graph.version,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
  });
  fz = createFuzzer(s.app, s.rt);
  const start = await s.api("/api/v1/verifications", {
    body: { subject: "wa-1", recipient: { phone: "+14155550100" } },
  });
  expect(start.status, await start.clone().text()).toBe(201);
  const audit = (await (await s.api("/api/v1/audit?subject=wa-1")).json()) as {
    events: Array<{ type: string; messageId?: string }>;
  };
  wamid = audit.events.find((e) => e.type === "delivered")!.messageId!;
});
afterAll(async () => {
  await s?.close();
  await graph?.close();
  await adminQuery(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
});

const auth = () => ["authorization", `Bearer ${s.token}`] as [string, string];
const TOOLS = [
  "start_verification",
  "submit_code",
  "session_status",
  "end_session",
  "no_such_tool",
];

/** A JSON-RPC message: the tools' calls with hostile arguments, other methods, broken envelopes. */
const rpc = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...TOOLS),
      mutated({ conversation_id: "c-1", identifier: "4721", text: "123456" }),
      fc.integer(),
    )
    .map(([name, args, id]) =>
      JSON.stringify({
        jsonrpc: "2.0",
        id,
        method: "tools/call",
        params: { name, arguments: args },
      }),
    ),
  fc
    .tuple(
      fc.constantFrom(
        "initialize",
        "tools/list",
        "ping",
        "resources/list",
        "nope",
        "notifications/initialized",
      ),
      anyJson,
    )
    .map(([method, params]) => JSON.stringify({ jsonrpc: "2.0", id: 1, method, params })),
  mutated({
    jsonrpc: "2.0",
    id: 1,
    method: "tools/call",
    params: { name: "session_status", arguments: { conversation_id: "c" } },
  }).map((o) => JSON.stringify(o)),
  fc.array(anyJson, { maxLength: 4 }).map((batch) => JSON.stringify(batch)),
  malformedJson,
  sizedBody("jsonrpc", 16_384),
);
const accept = fc.oneof(
  { weight: 4, arbitrary: fc.constant("application/json, text/event-stream") },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom("application/json", "text/event-stream", "*/*"),
      headerValue,
    ),
  },
);

describe("hostile input: /mcp and the conversation endpoints", () => {
  it("/mcp: malformed JSON-RPC, wrong types, unknown tools, huge arguments, wrong headers", async () => {
    const verb = fc.constantFrom("POST", "POST", "POST", "POST", "GET", "DELETE", "PUT");
    await fc.assert(
      fc.asyncProperty(
        verb,
        rpc,
        accept,
        contentType,
        fc.boolean(),
        async (m, body, acc, type, withKey) => {
          const headers: Array<[string, string]> = [["accept", acc]];
          if (withKey) headers.push(auth());
          if (type !== null) headers.push(["content-type", type]);
          await fz.send("mcp", request(m, "/mcp", { headers, body }), withKey ? "json" : "api");
        },
      ),
      runs(1_300),
    );
  });

  it("/api/v1/conversations: hostile conversation ids, bodies and methods", async () => {
    const route = fc.constantFrom("start", "messages", "session");
    const body = fc.oneof(
      mutated({ identifier: "4721", locale: "en" }).map((o) => JSON.stringify(o)),
      mutated({ text: "my code is 123456" }).map((o) => JSON.stringify(o)),
      malformedJson,
      sizedBody("text", 16_384),
    );
    const conversation = fc.oneof(fc.stringMatching(/^[A-Za-z0-9._:-]{1,20}$/), hostileSegment);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "DELETE", "PATCH"),
        conversation,
        route,
        body,
        contentType,
        async (m, c, r, b, type) => {
          const headers: Array<[string, string]> = [auth()];
          if (type !== null) headers.push(["content-type", type]);
          await fz.send(
            "conversations",
            request(m, `/api/v1/conversations/${c}/${r}`, { headers, body: b }),
            "api",
          );
        },
      ),
      runs(900),
    );
  });
});

function signature(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** A status notification of Meta's shape, each field possibly hostile. */
const statusNotification = fc
  .record({
    id: fc.oneof(
      fc.constant(() => wamid),
      hostileString.map((v) => () => v),
    ),
    status: fc.oneof(fc.constantFrom("sent", "delivered", "read", "failed"), hostileString),
    timestamp: fc.oneof(
      fc.constantFrom("1700000000", "1e300", "-5", "NaN", "99999999999999999999"),
      anyJson,
    ),
    recipient_id: fc.oneof(fc.constant("14155550100"), hostileString),
    errors: fc.oneof(
      fc.constant(undefined),
      fc.array(fc.record({ code: anyJson, title: anyJson }), { maxLength: 2 }),
    ),
  })
  .map((st) =>
    JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "WABA",
          changes: [
            {
              field: "messages",
              value: {
                metadata: { phone_number_id: graph.phoneNumberId },
                statuses: [{ ...st, id: st.id() }],
              },
            },
          ],
        },
      ],
    }),
  );

describe("hostile input: the WhatsApp webhook", () => {
  it("GET handshake: only subscribe with the right token echoes the challenge", async () => {
    const q = fc.record({
      mode: fc.oneof(fc.constant("subscribe"), hostileString),
      token: fc.oneof(fc.constant(VERIFY_TOKEN), hostileString),
      challenge: hostileString,
    });
    await fc.assert(
      fc.asyncProperty(q, async ({ mode, token, challenge }) => {
        const clean = (v: string) => v.replace(/[\ud800-\udfff]/g, "?");
        const query = new URLSearchParams({
          "hub.mode": clean(mode),
          "hub.verify_token": clean(token),
          "hub.challenge": clean(challenge),
        });
        const answer = await fz.send("whatsapp webhook", `/webhooks/whatsapp?${query}`, "text");
        const right = mode === "subscribe" && token === VERIFY_TOKEN;
        expect(answer.status).toBe(right ? 200 : 403);
      }),
      runs(300),
    );
  });

  it("POST: missing, forged and valid signatures over hostile payloads; Meta's retries recorded once", async () => {
    const body = fc.oneof(
      statusNotification,
      malformedJson,
      anyJson.map((v) => JSON.stringify(v)),
    );
    const signing = fc.constantFrom("valid", "valid", "none", "forged", "garbage");
    await fc.assert(
      fc.asyncProperty(body, signing, fc.integer({ min: 1, max: 3 }), async (b, how, times) => {
        const headers: Array<[string, string]> = [["content-type", "application/json"]];
        if (how === "valid") headers.push(["x-hub-signature-256", signature(b, APP_SECRET)]);
        if (how === "forged") headers.push(["x-hub-signature-256", signature(b, "not-the-secret")]);
        if (how === "garbage") headers.push(["x-hub-signature-256", "sha256=zz"]);
        const before = await stateCount(s.rt);
        for (let i = 0; i < times; i++) {
          const answer = await fz.send(
            "whatsapp webhook",
            request("POST", "/webhooks/whatsapp", { headers, body: b }),
            "text",
          );
          if (how !== "valid") expect(answer.status).toBe(how === "none" ? 401 : 403);
        }
        const added = (await stateCount(s.rt)).auditEvents - before.auditEvents;
        expect(added, "a notification is recorded at most once").toBeLessThanOrEqual(1);
        webhook.retries += times - 1;
        webhook.recorded += added;
      }),
      runs(700),
    );
  });

  it("the runtime still answers after it all, and records its figures", async () => {
    await expectReady(s.app);
    expect(fz.total()).toBeGreaterThanOrEqual(3_200);
    const seconds = (Date.now() - started) / 1000;
    recordFigures({
      title: "Hostile input: MCP, conversations, WhatsApp webhook (Redis + PostgreSQL)",
      lines: [
        `seed ${FUZZ_SEED} (RELIABILITY_SEED=${FUZZ_SEED} reproduces it)`,
        `${fz.total().toLocaleString("en-US")} generated requests in ${seconds.toFixed(0)} s, 0 5xx, /readyz 200 after`,
        `per surface: ${countsLine(fz.counts)}`,
        `statuses: ${countsLine(fz.statuses)}`,
        `webhook: ${webhook.recorded} status notifications recorded, ${webhook.retries} retries of notifications recorded nothing more`,
      ],
      data: { seed: FUZZ_SEED, requests: fz.total(), fivexx: 0, ...fz.counts, ...webhook },
    });
  });
});
