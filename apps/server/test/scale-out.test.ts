import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { readOutbox, readOutboxMessage } from "@otpkit/delivery-email";
import { Redis } from "ioredis";
import { simpleParser } from "mailparser";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { adminQuery, databaseUrl } from "./support/app-database.js";
import type { ProcessExit, ServerProcess } from "./support/processes.js";
import { createApiKey, startServer } from "./support/processes.js";

// Two real server processes on one Redis (OTP state) and one PostgreSQL (app data), as they would
// run behind a load balancer: whatever one process starts, the other finishes, and the failure
// budget is one budget. Redis and PostgreSQL are required: without them every test FAILS.

const REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
const RUN = randomUUID().slice(0, 8);
const DATABASE = `otpkit_scale_${RUN}`;
const KEY_PREFIX = `otpkit-scale-${RUN}:`;
const PUBLIC_URL = "https://otp.example.test";
const SECRET = randomBytes(48).toString("base64");
const NAMING_KEY = randomBytes(48).toString("base64");

let redis: Redis | undefined;
let databaseCreated = false;
let a: ServerProcess | undefined;
let b: ServerProcess | undefined;
/** Every code a test saw, to prove none reached a log. */
const codes: string[] = [];

/**
 * The environment both processes share: production, one secret, one naming key, one Redis, one
 * PostgreSQL.
 */
function sharedEnv(): Record<string, string> {
  return {
    NODE_ENV: "production",
    // Staging-like: no SMTP relay here, so codes go to each process's outbox folder (never served).
    ALLOW_DEV_OUTBOX_IN_PRODUCTION: "true",
    PUBLIC_URL,
    OTPKIT_SECRETS: `k1:${SECRET}`,
    OTP_NAMING_KEY: NAMING_KEY,
    REDIS_URL,
    REDIS_KEY_PREFIX: KEY_PREFIX,
    DATABASE_URL: databaseUrl(DATABASE),
    LOG_LEVEL: "info",
    // A second code right away, so the lockout test can spread failures over two codes.
    OTP_RESEND_COOLDOWN_SECONDS: "0",
    // The rate-limit test speaks for distinct clients through X-Forwarded-For.
    TRUST_PROXY: "true",
  };
}

async function prepare(): Promise<void> {
  const client = new Redis(REDIS_URL, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    lazyConnect: true,
  });
  client.on("error", () => {
    // Reported by the failing connect below.
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new Error(
      `Redis is not reachable at ${REDIS_URL} (${(error as Error).message}): start it ` +
        "(redis-server --daemonize yes --port 6379) or set REDIS_URL. The scale-out test never skips.",
      { cause: error },
    );
  }
  redis = client;
  await adminQuery(`CREATE DATABASE "${DATABASE}"`);
  databaseCreated = true;

  // One API key for both (a verification belongs to the key that started it); the CLI also
  // migrates the fresh database before either server starts.
  const env = sharedEnv();
  const token = await createApiKey(env, "scale-out test");
  const [first, second] = await Promise.allSettled([
    startServer({ env, token, name: "A" }).then((p) => {
      a = p;
    }),
    startServer({ env, token, name: "B" }).then((p) => {
      b = p;
    }),
  ]);
  if (first.status === "rejected") throw first.reason;
  if (second.status === "rejected") throw second.reason;
}

let ready: Promise<void> | undefined;

// beforeEach, not beforeAll: a failing setup then FAILS every test with its message.
beforeEach(async () => {
  ready ??= prepare();
  await ready;
});

afterAll(async () => {
  await Promise.allSettled([a?.stop(), b?.stop()]);
  if (redis) {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${KEY_PREFIX}*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
    redis.disconnect();
  }
  if (databaseCreated) await adminQuery(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
});

// ------------------------------------------------------------------ helpers

function both(): [ServerProcess, ServerProcess] {
  if (!a || !b) throw new Error("the two server processes did not start");
  return [a, b];
}

interface Issued {
  id: string;
  status: string;
  verifyUrl: string;
}

interface Outcome {
  status: string;
  attemptsRemaining?: number;
  lockedUntil?: string;
}

interface ApiError {
  error: { code: string };
}

async function api<T>(
  server: ServerProcess,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server.token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

function person(label: string): { subject: string; email: string } {
  const tag = `${label}-${randomUUID().slice(0, 8)}`;
  return { subject: `user-${tag}`, email: `ana.${tag}@example.com` };
}

async function issue(server: ServerProcess, who: { subject: string; email: string }) {
  const response = await api<Issued>(server, "POST", "/verifications", {
    subject: who.subject,
    recipient: { email: who.email },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

function check(server: ServerProcess, id: string, code: string) {
  return api<Outcome>(server, "POST", `/verifications/${id}/check`, { code });
}

/** The newest message of `kind` to `email` in one process's own outbox (its DATA_DIR), or null. */
async function sentBy(
  server: ServerProcess,
  email: string,
  kind: "code" | "lockout",
): Promise<{ text: string; code: string | null } | null> {
  const dir = join(server.dataDir, "outbox", "email");
  for (const entry of await readOutbox(dir)) {
    if (!entry.to.includes(email) || entry.kind !== kind) continue;
    const message = await readOutboxMessage(dir, entry.id);
    if (!message) continue;
    const text = (await simpleParser(message.raw)).text ?? "";
    const code = /^\s*(\d{6})\s*$/m.exec(text)?.[1] ?? null;
    if (code) codes.push(code);
    return { text, code };
  }
  return null;
}

async function codeSentBy(server: ServerProcess, email: string): Promise<string> {
  const code = (await sentBy(server, email, "code"))?.code;
  if (!code) throw new Error(`no code e-mail to ${email} in ${server.dataDir}/outbox/email`);
  return code;
}

function wrong(code: string): string {
  return code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
}

// ------------------------------------------------------------------ tests

describe("two server processes on one Redis and one PostgreSQL", () => {
  it("a code issued through A verifies through B, once", async () => {
    const [A, B] = both();
    const who = person("cross");
    const issued = await issue(A, who);
    expect(issued.verifyUrl).toBe(`${PUBLIC_URL}/verify/${issued.id}`);

    // Only A sent it (each process has its own outbox).
    const code = await codeSentBy(A, who.email);
    expect(await sentBy(B, who.email, "code")).toBeNull();

    // B knows the verification (PostgreSQL) and its live code (Redis).
    const seen = await api<{ status: string; active: boolean; attemptsRemaining: number }>(
      B,
      "GET",
      `/verifications/${issued.id}`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: "pending", active: true, attemptsRemaining: 3 });

    const verified = await check(B, issued.id, code);
    expect(verified).toEqual({ status: 200, body: { status: "verified" } });
    // Single use holds across processes.
    expect((await check(A, issued.id, code)).body.status).toBe("not_found");
    const after = await api<{ status: string }>(A, "GET", `/verifications/${issued.id}`);
    expect(after.body.status).toBe("verified");

    // The hosted page on A shows the success B recorded.
    const page = await fetch(`${A.url}/verify/${issued.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<h1>You(?:'|&#39;)re verified<\/h1>/);
  });

  it("the failure budget and the lockout hold across both: the 5th failure, wherever it lands, locks", async () => {
    const [A, B] = both();
    const who = person("budget");

    // Code 1 (through A): failures 1-3 alternate A, B, A; the third uses the code up.
    const first = await issue(A, who);
    const code1 = await codeSentBy(A, who.email);
    expect((await check(A, first.id, wrong(code1))).body).toEqual({
      status: "invalid",
      attemptsRemaining: 2,
    });
    expect((await check(B, first.id, wrong(code1))).body).toEqual({
      status: "invalid",
      attemptsRemaining: 1,
    });
    expect((await check(A, first.id, wrong(code1))).body).toEqual({ status: "exhausted" });

    // Code 2 (through B): the budget is the person's, not the code's or the process's.
    const second = await issue(B, who);
    const code2 = await codeSentBy(B, who.email);
    expect((await check(A, second.id, wrong(code2))).body).toEqual({
      status: "invalid",
      attemptsRemaining: 1,
    });
    const locked = await check(B, second.id, wrong(code2));
    expect(locked.body.status).toBe("locked");
    const lockedUntil = locked.body.lockedUntil;
    expect(Date.parse(lockedUntil ?? "")).toBeGreaterThan(Date.now());

    // Both answer locked, even to the right code, with the same end of the pause.
    for (const server of [A, B]) {
      const answer = await check(server, second.id, code2);
      expect(answer.body).toEqual({
        status: "locked",
        lockedUntil,
        retryAfterSeconds: expect.any(Number),
      });
    }
    // Neither hands out a new code, and the hosted page on either says so.
    for (const server of [A, B]) {
      const refused = await api<ApiError>(server, "POST", "/verifications", {
        subject: who.subject,
        recipient: { email: who.email },
      });
      expect(refused.status).toBe(423);
      expect(refused.body.error.code).toBe("LOCKED");
      const page = await fetch(`${server.url}/verify/${second.id}`);
      expect(await page.text()).toContain("Sign-in is paused");
    }
    // The process that took the 5th failure sent the lockout notice.
    expect(await sentBy(B, who.email, "lockout")).not.toBeNull();
    expect(await sentBy(A, who.email, "lockout")).toBeNull();
  });

  it("50 concurrent correct submissions split across both verify exactly once", async () => {
    const [A, B] = both();
    const who = person("race");
    const issued = await issue(B, who);
    const code = await codeSentBy(B, who.email);

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => check(i % 2 === 0 ? A : B, issued.id, code)),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200));
    const statuses = answers.map((r) => r.body.status);
    expect(statuses.filter((s) => s === "verified")).toHaveLength(1);
    // The rest lost the race: the attempt was not reserved (exhausted) or the code was gone.
    const rest = [...new Set(statuses.filter((s) => s !== "verified"))];
    expect(
      rest.every((s) => s === "exhausted" || s === "not_found"),
      rest.join(", "),
    ).toBe(true);

    const audit = await api<{ events: Array<{ type: string }> }>(
      A,
      "GET",
      `/audit?subject=${encodeURIComponent(who.subject)}`,
    );
    expect(audit.body.events.filter((e) => e.type === "verified")).toHaveLength(1);
    expect(audit.body.events.filter((e) => e.type === "failed")).toHaveLength(0);
    const after = await api<{ status: string }>(B, "GET", `/verifications/${issued.id}`);
    expect(after.body.status).toBe("verified");
  });

  it("the audit trail read through B shows what A wrote, and the same as A reads", async () => {
    const [A, B] = both();
    const who = person("audit");
    const issued = await issue(A, who);
    const code = await codeSentBy(A, who.email);
    expect((await check(A, issued.id, wrong(code))).body.status).toBe("invalid");
    expect((await check(A, issued.id, code)).body.status).toBe("verified");

    const path = `/audit?subject=${encodeURIComponent(who.subject)}`;
    const throughB = await api<{ events: Array<{ type: string; subject: string }> }>(
      B,
      "GET",
      path,
    );
    const throughA = await api<{ events: Array<{ type: string; subject: string }> }>(
      A,
      "GET",
      path,
    );
    expect(throughB.status).toBe(200);
    expect(throughB.body).toEqual(throughA.body);
    // Newest first.
    const types = throughB.body.events.map((e) => e.type).reverse();
    expect(types).toEqual(["issued", "delivered", "failed", "verified"]);
    expect(throughB.body.events.every((e) => e.subject === who.subject)).toBe(true);
    // The trail never carries the code.
    expect(JSON.stringify(throughB.body)).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
  });

  it("the hosted page's rate limit is one count per client across both processes", async () => {
    const [A, B] = both();
    const limit = 30; // HOSTED_PAGE_RATE_LIMIT_PER_MINUTE's default
    const page = (server: ServerProcess, client: string) =>
      fetch(`${server.url}/verify/AAAAAAAAAAAAAAAAAAAAAA`, {
        headers: { "x-forwarded-for": client },
      }).then((r) => r.status);
    // The limit counts per clock minute: a run that a minute boundary cut in two says nothing,
    // so it runs again for a new client (two boundaries in a row cannot happen in one minute).
    for (let run = 0; run < 2; run++) {
      const client = `198.51.100.${run + 1}`;
      const minute = Math.floor(Date.now() / 60_000);
      const statuses: number[] = [];
      for (let i = 0; i <= limit; i++) statuses.push(await page(i % 2 === 0 ? A : B, client));
      if (Math.floor(Date.now() / 60_000) !== minute) continue;
      expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(404));
      expect(statuses[limit]).toBe(429);
      expect(await page(A, client)).toBe(429);
      expect(await page(B, `${client}0`)).toBe(404); // another client has its own count
      return;
    }
    throw new Error("a minute boundary cut both runs");
  });

  it("Redis holds keyed digests only: no subject, address or client IP in any key", async () => {
    const [A] = both();
    const who = person("keys");
    await issue(A, who);
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, found] = await redis!.scan(cursor, "MATCH", `${KEY_PREFIX}*`, "COUNT", 500);
      keys.push(...found.map((k) => k.slice(KEY_PREFIX.length)));
      cursor = next;
    } while (cursor !== "0");
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      // otp-core's records ({digest}, {digest}:i:…, a destination's quota {digest}:d), the hosted
      // page's counters and the API keys' send quotas (by key id), nothing else.
      expect(key).toMatch(
        /^(\{[A-Za-z0-9_-]{22}\}(:i:.+|:d)?|rl:hosted:[A-Za-z0-9_-]{22}:\d+|q:key:[A-Za-z0-9]{12})$/,
      );
      expect(key).not.toContain(who.subject);
      expect(key).not.toContain("@");
      expect(key).not.toContain("127.0.0.1");
    }
  });

  it("neither process logged the secret, the API key or a code", async () => {
    const [A, B] = both();
    // At least one code of this test's own, issued on A and checked (wrong, right) on B.
    const who = person("logs");
    const issued = await issue(A, who);
    const code = await codeSentBy(A, who.email);
    expect((await check(B, issued.id, wrong(code))).body.status).toBe("invalid");
    expect((await check(B, issued.id, code)).body.status).toBe("verified");
    const logs = A.output() + B.output();
    expect(logs).toContain('"msg":"request"'); // the logs are there (LOG_LEVEL=info)
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toContain(NAMING_KEY);
    expect(logs).not.toContain(A.token);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(logs).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
  });

  it("a process refuses to start when Redis or PostgreSQL is unreachable, naming the variable", async () => {
    const env = sharedEnv();
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ REDIS_URL: "redis://127.0.0.1:1" }, /REDIS_URL/],
      [{ DATABASE_URL: "postgres://postgres@127.0.0.1:1/otpkit" }, /DATABASE_URL/],
      [{ DATABASE_URL: databaseUrl(`${DATABASE}_missing`) }, /DATABASE_URL/],
    ];
    for (const [broken, message] of cases) {
      const start = startServer({
        env: { ...env, ...broken },
        token: "otpk_unused",
        name: "broken",
      });
      const error = await start.then(
        async (server) => {
          await server.stop();
          return new Error("started although a service is unreachable");
        },
        (e: unknown) => e as Error,
      );
      expect(error.message).toContain("exited before listening (1)");
      expect(error.message).toMatch(new RegExp(`otpkit: .*${message.source}`));
    }
  });

  it("both stop gracefully on SIGTERM", async () => {
    const [A, B] = both();
    const exits: ProcessExit[] = await Promise.all([A.stop(), B.stop()]);
    expect(exits, A.output() + B.output()).toEqual([
      { code: 0, signal: null, killed: false },
      { code: 0, signal: null, killed: false },
    ]);
  });
});
