import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { adminQuery, databaseUrl } from "../../test/support/app-database.js";
import type { ServerProcess, StartServerOptions } from "../../test/support/processes.js";
import { createApiKey, startServer } from "../../test/support/processes.js";
import type { MailSink } from "./mail-sink.js";
import { startMailSink } from "./mail-sink.js";
import { tokenNeedles } from "./secret-scan.js";

/** The fixed code every test recipient gets (TEST_RECIPIENTS); never a delivered code. */
export const TEST_CODE = "000000";
/** The TEST_RECIPIENTS pattern: any address at this domain gets {@link TEST_CODE}. */
export const TEST_DOMAIN = "qa.example.test";
/** How many people the conversation directory has (`emp-0` … ), each with an own e-mail. */
export const PEOPLE = 4000;

/** Production-like servers on one Redis prefix and one PostgreSQL database of their own. */
export interface Stack {
  /** The API key every process shares (created with the CLI, which also migrates). */
  readonly token: string;
  readonly servers: ServerProcess[];
  /** The run's own PostgreSQL database URL (dropped by `close`). */
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** The run's Redis key prefix (its keys are deleted by `close`). */
  readonly keyPrefix: string;
  /** The loopback SMTP server the e-mail channel delivers to. */
  readonly mail: MailSink;
  /** The run's id (names the database, the prefix and the directory's e-mail addresses). */
  readonly run: string;
  /** The e-mail of directory person `i` (identifier `emp-<i>`). */
  personEmail(i: number): string;
  /** The environment every process gets. */
  readonly env: Record<string, string>;
  /** Every secret of the run: OTPKIT_SECRETS' secret, the naming key, the API key (token, secret part). */
  readonly secrets: Array<{ label: string; value: string }>;
  /** Starts one more process on the same stores (a second instance behind a balancer). */
  start(name: string, options?: Partial<StartServerOptions>): Promise<ServerProcess>;
  /** Stops every process, drops the database, deletes the Redis keys, closes the sink. */
  close(): Promise<void>;
}

export interface StackOptions {
  /** Names the database (`otpkit_rel_<label>_<random>`) and the Redis prefix. */
  label: string;
  /** How many server processes to start. @default 1 */
  processes?: number;
  /** Extra server environment (limits, TTLs…), on top of the production defaults here. */
  env?: Record<string, string>;
  /** @default redis://127.0.0.1:6379 (or REDIS_URL) */
  redisUrl?: string;
  /**
   * `smtp`: real SMTP to the loopback sink; `outbox`: each process's dev outbox in its DATA_DIR
   * (ALLOW_DEV_OUTBOX_IN_PRODUCTION, as a staging setup). @default "smtp"
   */
  delivery?: "smtp" | "outbox";
}

/**
 * Starts the servers the reliability files load: `NODE_ENV=production`, secrets in the
 * environment, Redis for OTP state, PostgreSQL for app data, e-mail over real SMTP to a loopback
 * sink, test recipients at {@link TEST_DOMAIN}, a conversation directory of {@link PEOPLE}
 * people, and the send quotas lifted (loopback load is one client sending to many addresses).
 *
 * @throws {Error} When Redis or PostgreSQL is not reachable, or a process does not start.
 * @example
 * const stack = await startStack({ label: "soak" });
 * const [server] = stack.servers;
 * await stack.close();
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const run = randomUUID().slice(0, 8);
  const database = `otpkit_rel_${options.label}_${run}`;
  const keyPrefix = `otpkit-rel-${options.label}-${run}:`;
  const redisUrl = options.redisUrl ?? process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
  const secret = randomBytes(48).toString("base64");
  const namingKey = randomBytes(48).toString("base64");
  const dir = mkdtempSync(join(tmpdir(), `otpkit-rel-${options.label}-`));
  const personEmail = (i: number) => `person.${i}.${run}@example.com`;
  const people = join(dir, "people.json");
  writeFileSync(
    people,
    JSON.stringify(
      Array.from({ length: PEOPLE }, (_, i) => ({
        id: `e-${i}`,
        employee: `emp-${i}`,
        name: `Person ${i}`,
        email: personEmail(i),
      })),
    ),
  );
  const mail = await startMailSink();
  await adminQuery(`CREATE DATABASE "${database}"`);
  const env: Record<string, string> = {
    NODE_ENV: "production",
    PUBLIC_URL: "https://otp.example.test",
    OTPKIT_SECRETS: `k1:${secret}`,
    OTP_NAMING_KEY: namingKey,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: keyPrefix,
    DATABASE_URL: databaseUrl(database),
    ...(options.delivery === "outbox"
      ? { ALLOW_DEV_OUTBOX_IN_PRODUCTION: "true" }
      : { SMTP_URL: mail.url, SMTP_FROM: "otpkit <no-reply@example.test>" }),
    TEST_RECIPIENTS: `*@${TEST_DOMAIN}`,
    TEST_CODE,
    ALLOW_TEST_RECIPIENTS_IN_PRODUCTION: "true",
    CONVERSATION_DIRECTORY_FILE: people,
    CONVERSATION_IDENTIFIER_FIELD: "employee",
    API_KEY_MAX_SENDS_PER_HOUR: "0",
    API_KEY_MAX_SENDS_PER_DAY: "0",
    // Each load client speaks for its own address through X-Forwarded-For (load.ts).
    TRUST_PROXY: "1",
    HOSTED_PAGE_RATE_LIMIT_PER_MINUTE: "10000",
    LOG_LEVEL: "info",
    ...options.env,
  };
  const servers: ServerProcess[] = [];
  const close = async () => {
    await Promise.allSettled(servers.map((s) => s.stop(5_000)));
    await mail.close();
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await deleteKeys(redisUrl, keyPrefix);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const token = await createApiKey(env, `reliability ${options.label}`);
    const start = async (name: string, extra: Partial<StartServerOptions> = {}) => {
      const server = await startServer({ token, name, ...extra, env: { ...env, ...extra.env } });
      servers.push(server);
      return server;
    };
    for (let i = 0; i < (options.processes ?? 1); i++) await start(String.fromCharCode(65 + i));
    return {
      token,
      servers,
      databaseUrl: databaseUrl(database),
      redisUrl,
      keyPrefix,
      mail,
      run,
      personEmail,
      env,
      secrets: [
        { label: "OTPKIT_SECRETS secret", value: secret },
        { label: "OTP_NAMING_KEY", value: namingKey },
        ...tokenNeedles(token),
      ],
      start,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Deletes every key under `prefix` (SCAN, never KEYS). */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on("error", () => {});
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
