import { randomBytes, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { adminQuery, databaseUrl } from "./support/app-database.js";
import type { ServerProcess } from "./support/processes.js";
import { createApiKey, runCli, startServer } from "./support/processes.js";

// Two server processes on one Redis and one PostgreSQL (both required: without them this FAILS),
// each caching the API keys it has seen (API_KEY_CACHE_TTL_MS, its longest, 5 minutes, here so that only the
// revocation signal can end an entry): a key revoked by a third process, the CLI, is refused by
// both on their next request.

const REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
const RUN = randomUUID().slice(0, 8);
const DATABASE = `otpkit_revocation_${RUN}`;
const KEY_PREFIX = `otpkit-revocation-${RUN}:`;

const env: Record<string, string> = {
  NODE_ENV: "production",
  ALLOW_DEV_OUTBOX_IN_PRODUCTION: "true",
  PUBLIC_URL: "https://otp.example.test",
  OTPKIT_SECRETS: `k1:${randomBytes(48).toString("base64")}`,
  OTP_NAMING_KEY: randomBytes(48).toString("base64"),
  REDIS_URL,
  REDIS_KEY_PREFIX: KEY_PREFIX,
  DATABASE_URL: databaseUrl(DATABASE),
  API_KEY_CACHE_TTL_MS: "300000",
};

const servers: ServerProcess[] = [];
let created = false;

afterAll(async () => {
  await Promise.allSettled(servers.map((s) => s.stop()));
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    const keys = await redis.keys(`${KEY_PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
  if (created) await adminQuery(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
});

const idOf = (token: string) => /^otpk_([A-Za-z0-9]{12})_/.exec(token)![1]!;

function status(server: ServerProcess, token: string): Promise<number> {
  return fetch(`${server.url}/api/v1/audit?subject=user-1`, {
    headers: { authorization: `Bearer ${token}` },
  }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });
}

describe("API key revocation across processes (Redis + PostgreSQL)", () => {
  it("a key revoked with the CLI gets 401 from both servers on their next request", async () => {
    await adminQuery(`CREATE DATABASE "${DATABASE}"`);
    created = true;
    const doomed = await createApiKey(env, "doomed");
    const kept = await createApiKey(env, "kept");
    const [a, b] = await Promise.all(
      ["A", "B"].map((name) => startServer({ env, token: doomed, name })),
    );
    servers.push(a!, b!);

    for (const server of [a!, b!]) {
      expect(await status(server, doomed)).toBe(200);
      expect(await status(server, kept)).toBe(200);
    }
    // Both LISTEN now (started by their first authentication): the keys are served from cache.
    await expect
      .poll(
        async () =>
          (
            await adminQuery(
              "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'otpkit-api-key-revocations'",
              [DATABASE],
            )
          ).rows[0].n,
        { timeout: 10_000, interval: 50 },
      )
      .toBe(2);
    for (const server of [a!, b!]) expect(await status(server, doomed)).toBe(200);

    expect(await runCli(["keys", "revoke", idOf(doomed)], env)).toBe(`Revoked ${idOf(doomed)}\n`);
    expect(await status(b!, doomed)).toBe(401);
    expect(await status(a!, doomed)).toBe(401);
    for (const server of [a!, b!]) expect(await status(server, kept)).toBe(200);
  });
});
