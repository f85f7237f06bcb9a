import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminQuery, databaseUrl } from "../test/support/app-database.js";
import type { TestServer } from "../test/support/runtime.js";
import { createTestServer } from "../test/support/runtime.js";
import { recordFigures } from "./support/figures.js";
import {
  anyJson,
  contentType,
  forwardedChain,
  headerValue,
  hostileQuery,
  hostileSegment,
  malformedJson,
  method,
  mutated,
  request,
  sizedBody,
} from "./support/fuzz-arbitraries.js";
import type { Fuzzer } from "./support/fuzz-harness.js";
import { countsLine, createFuzzer, expectReady, FUZZ_SEED, runs } from "./support/fuzz-harness.js";

// Hostile input against the JSON API (/api/v1/*), the ops endpoints and the dev outbox, in
// process (app.request: the real runtime on Redis and PostgreSQL, the dev outbox as the channel).
// Every answer: never a 5xx, every 4xx the API's error body, a refused request leaves no state.

const DATABASE = `otpkit_fuzz_api_${randomUUID().slice(0, 8)}`;
let s: TestServer;
let fz: Fuzzer;
const ids: string[] = [];
const started = Date.now();

beforeAll(async () => {
  await adminQuery(`CREATE DATABASE "${DATABASE}"`);
  s = await createTestServer({
    DATABASE_URL: databaseUrl(DATABASE),
    REDIS_URL: "redis://127.0.0.1:6379",
    REDIS_KEY_PREFIX: `fuzz-api-${DATABASE.slice(-8)}:`,
    API_BODY_LIMIT_BYTES: "16384",
    RETURN_URL_ALLOWLIST: "https://app.example.com",
  });
  fz = createFuzzer(s.app, s.rt);
  for (let i = 0; i < 3; i++) {
    const res = await s.api("/api/v1/verifications", {
      body: { subject: `fuzz-${i}`, recipient: { email: `fuzz${i}@example.com` } },
    });
    expect(res.status).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
});
afterAll(async () => {
  await s?.close();
  await adminQuery(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
});

/** Authorization as clients get it wrong: missing, forged, duplicated, another scheme. */
const auth = fc.oneof(
  { weight: 6, arbitrary: fc.constant<"valid">("valid") },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constant(null),
      fc.constant("Bearer otpk_forged0000000000000000000000"),
      fc.constant("Basic dXNlcjpwYXNz"),
      headerValue,
      fc.constant<"twice">("twice"),
    ),
  },
);

function headersOf(a: string | null, type: string | null, extra: Array<[string, string]> = []) {
  const h: Array<[string, string]> = [...extra];
  const bearer = `Bearer ${s.token}`;
  if (a === "valid") h.push(["authorization", bearer]);
  else if (a === "twice") h.push(["authorization", bearer], ["authorization", bearer]);
  else if (a !== null) h.push(["authorization", a]);
  if (type !== null) h.push(["content-type", type]);
  return h;
}

const startBody = fc.oneof(
  mutated({
    subject: "fuzz-subject",
    purpose: "login",
    recipient: { email: "fuzz@example.com" },
    channel: "email",
    returnUrl: "https://app.example.com/done",
    idempotencyKey: "k",
  }).map((o) => JSON.stringify(o)),
  mutated({ email: "fuzz@example.com", phone: "+14155550100", locale: "en", name: "A" }).map(
    (recipient) => JSON.stringify({ subject: "fuzz-r", recipient }),
  ),
  malformedJson,
  sizedBody("subject", 16_384),
);

describe("hostile input: the JSON API", () => {
  it("POST /api/v1/verifications: wrong types, malformed JSON, huge bodies, bad auth", async () => {
    await fc.assert(
      fc.asyncProperty(startBody, auth, contentType, async (body, a, type) => {
        await fz.send(
          "api: start",
          request("POST", "/api/v1/verifications", { headers: headersOf(a, type), body }),
          "api",
        );
      }),
      runs(1_200),
    );
  });

  it("the verification routes: hostile ids, codes of every type, replayed idempotency keys", async () => {
    const id = fc.oneof(fc.constantFrom(...ids), hostileSegment);
    const checkBody = fc.oneof(
      mutated({ code: "123456", idempotencyKey: "k" }).map((o) => JSON.stringify(o)),
      anyJson.map((v) => JSON.stringify({ code: v })),
      malformedJson,
      sizedBody("code", 16_384),
    );
    const route = fc.oneof(
      fc.tuple(id, checkBody).map(([i, b]) => ["POST", `/api/v1/verifications/${i}/check`, b]),
      id.map((i) => ["GET", `/api/v1/verifications/${i}`, null]),
      id.map((i) => ["DELETE", `/api/v1/verifications/${i}`, null]),
    );
    await fc.assert(
      fc.asyncProperty(route, auth, contentType, async ([verb, path, body], a, type) => {
        await fz.send(
          "api: verification",
          request(verb as string, path as string, { headers: headersOf(a, type), body }),
          "api",
        );
      }),
      runs(1_000),
    );
  });

  it("unlock, audit, unknown routes and methods under /api/v1", async () => {
    const call = fc.oneof(
      fc
        .oneof(
          mutated({ subject: "fuzz-0", purpose: "login" }).map((o) => JSON.stringify(o)),
          malformedJson,
        )
        .map((b) => ["POST", "/api/v1/subjects/unlock", b]),
      hostileQuery.map((q) => ["GET", `/api/v1/audit${q}`, null]),
      fc
        .tuple(method, hostileSegment, hostileSegment)
        .map(([m, a, b]) => [m, `/api/v1/${a}/${b}`, "{}"]),
      method.map((m) => [m, "/api/v1/verifications", "{}"]),
    );
    await fc.assert(
      fc.asyncProperty(call, auth, contentType, async ([verb, path, body], a, type) => {
        await fz.send(
          "api: unlock, audit, unknown",
          request(verb as string, path as string, { headers: headersOf(a, type), body }),
          "api",
        );
      }),
      runs(800),
    );
  });

  it("header abuse: forged forwarding chains, duplicated and lying headers", async () => {
    const abuse = fc.array(
      fc.tuple(
        fc.constantFrom(
          "x-forwarded-for",
          "forwarded",
          "x-real-ip",
          "host",
          "idempotency-key",
          "accept",
          "accept-language",
          "content-length",
          "transfer-encoding",
        ),
        fc.oneof(forwardedChain, headerValue),
      ),
      { maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(abuse, auth, startBody, async (extra, a, body) => {
        const headers = headersOf(a, "application/json", extra);
        await fz.send(
          "api: header abuse",
          request("POST", "/api/v1/verifications", { headers, body }),
          "api",
        );
      }),
      runs(400),
    );
  });
});

describe("hostile input: ops and the dev outbox", () => {
  it("/, /healthz, /readyz, /metrics, /assets: any method, query and headers", async () => {
    const path = fc.constantFrom("/", "/healthz", "/readyz", "/metrics", "/assets/otpkit.css");
    await fc.assert(
      fc.asyncProperty(method, path, hostileQuery, forwardedChain, async (m, p, q, xff) => {
        const headers: Array<[string, string]> = [["x-forwarded-for", xff]];
        await fz.send("ops", request(m, `${p}${q}`, { headers, body: "x" }), "text");
      }),
      runs(400),
    );
  });

  it("/dev/outbox: hostile limits, channels, ids and parts never leave the outbox folder", async () => {
    const path = fc.oneof(
      hostileQuery.map((q) => `/dev/outbox.json${q}`),
      hostileQuery.map((q) => `/dev/outbox${q}`),
      fc
        .tuple(fc.oneof(fc.constantFrom("email", "whatsapp"), hostileSegment), hostileSegment)
        .map(([c, i]) => `/dev/outbox/${c}/${i}`),
      fc
        .tuple(fc.constantFrom("email", "whatsapp"), hostileSegment, hostileSegment)
        .map(([c, i, p]) => `/dev/outbox/${c}/${i}/${p}`),
    );
    await fc.assert(
      fc.asyncProperty(path, async (p) => {
        const answer = await fz.send("dev outbox", request("GET", p), "text");
        expect(answer.text, p).not.toMatch(/root:.*:0:0:/);
      }),
      runs(500),
    );
  });

  it("the runtime still answers after it all, and records its figures", async () => {
    await expectReady(s.app);
    expect(fz.total()).toBeGreaterThanOrEqual(4_300);
    const seconds = (Date.now() - started) / 1000;
    recordFigures({
      title: "Hostile input: API, ops, dev outbox (Redis + PostgreSQL)",
      lines: [
        `seed ${FUZZ_SEED} (RELIABILITY_SEED=${FUZZ_SEED} reproduces it)`,
        `${fz.total().toLocaleString("en-US")} generated requests in ${seconds.toFixed(0)} s, 0 5xx, /readyz 200 after`,
        `per surface: ${countsLine(fz.counts)}`,
        `statuses: ${countsLine(fz.statuses)}`,
      ],
      data: { seed: FUZZ_SEED, requests: fz.total(), fivexx: 0, ...fz.counts },
    });
  });
});
