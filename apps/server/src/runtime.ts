import { hkdfSync } from "node:crypto";
import { join } from "node:path";
import type { Otp, OtpStore } from "@otpkit/otp-core";
import { createOtp } from "@otpkit/otp-core";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { Conversations } from "./conversations.js";
import { conversationsOf } from "./conversations.js";
import { ensureDataDir } from "./data-dir.js";
import type { ApiKeys } from "./db/api-keys.js";
import { createApiKeys } from "./db/api-keys.js";
import type { AuditLog } from "./db/audit.js";
import { createAuditLog } from "./db/audit.js";
import type { AppDatabase } from "./db/database.js";
import { openDatabase } from "./db/database.js";
import type { Verification, Verifications } from "./db/verifications.js";
import { createVerifications } from "./db/verifications.js";
import type { DevKeySource } from "./dev-keys.js";
import { loadNamingKey, loadSecrets } from "./dev-keys.js";
import type { HubSpotRuntime } from "./hubspot-runtime.js";
import { createHubSpotRuntime } from "./hubspot-runtime.js";
import type { KeyQuota } from "./key-quota.js";
import { createKeyQuota } from "./key-quota.js";
import type { Metrics } from "./metrics.js";
import { createMetrics } from "./metrics.js";
import { matchesTestRecipient } from "./test-recipients.js";
import type { ChannelWiring } from "./wiring/channels.js";
import { buildChannels } from "./wiring/channels.js";
import { auditSink, policyOf, sendPolicyOf } from "./wiring/engine.js";
import { openStore } from "./wiring/store.js";

/** Called when a verification completes (hosted page or API): the HubSpot app completes a waiting workflow here. */
export type VerifiedHook = (verification: Verification) => void | Promise<void>;

/** Everything the routes need, built once from the configuration. */
export interface Runtime {
  readonly config: Config;
  readonly logger: Logger;
  readonly otp: Otp;
  readonly store: OtpStore;
  readonly database: AppDatabase;
  readonly audit: AuditLog;
  readonly apiKeys: ApiKeys;
  readonly verifications: Verifications;
  readonly metrics: Metrics;
  /** Folders of the dev outbox when no real provider is configured. */
  readonly outbox: ChannelWiring["outbox"];
  /** Where the secret came from, for the banner (never the secret); `generated` on this start. */
  readonly secretSource: DevKeySource;
  /** Where the naming key came from, for the banner (never the key); `generated` on this start. */
  readonly namingKeySource: DevKeySource;
  /**
   * A key for naming the server's own store keys (the hosted page's rate-limit counters), derived
   * from the naming key: stable across processes and restarts, like the engine's record names.
   */
  readonly storeNamingKey: Buffer;
  /** A key for signing CSRF tokens, derived from the first secret. */
  readonly csrfKey: Buffer;
  readonly now: () => number;
  /** The HubSpot app, when HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET are set; else null. */
  readonly hubspot: HubSpotRuntime | null;
  /**
   * The conversation flow (seed 004), when CONVERSATION_DIRECTORY_FILE or (with the HubSpot app)
   * CONVERSATION_HUBSPOT_PORTAL_ID is set; else null.
   */
  readonly conversations: Conversations | null;
  /**
   * The send quota per API key (API_KEY_MAX_SENDS_PER_*): `keyQuota.forKey(otp, apiKey.id)` is the
   * engine as that key may use it (a key past its quota gets 429 `API_KEY_QUOTA_EXCEEDED`).
   */
  readonly keyQuota: KeyQuota;
  /** Registers a completion hook. */
  onVerified(hook: VerifiedHook): void;
  /** Runs the completion hooks; their failures are logged, never thrown. */
  verified(verification: Verification): Promise<void>;
  /** Store and database reachability, for /readyz. */
  readiness(): Promise<{ store: boolean; database: boolean }>;
  close(): Promise<void>;
}

/** Options for tests: a clock, a logger, extra channels. */
export interface RuntimeOptions {
  logger: Logger;
  now?: () => number;
}

/**
 * Wires the packages together: store (Redis or SQLite), app database (PostgreSQL or SQLite),
 * channels (SMTP or dev outbox), the engine with the audit log as its event sink.
 */
export async function createRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const { logger } = options;
  const now = options.now ?? Date.now;
  const dataDir = config.DATA_DIR;
  const closers: Array<() => Promise<void>> = [];

  ensureDataDir(dataDir);
  const { secrets, source } = loadSecrets(config, dataDir, logger);
  const naming = loadNamingKey(config, dataDir, logger);

  // -- OTP state: Redis when configured (scale-out), else one SQLite file.
  const opened = await openStore(config, logger);
  const store = opened.store;
  closers.push(opened.close);

  // -- App data: PostgreSQL when configured, else SQLite next to the OTP state.
  const database = openDatabase({
    url: config.DATABASE_URL,
    sqlitePath: join(dataDir, "app.sqlite"),
  });
  await database.migrate().catch(async (error: Error) => {
    await database.close().catch(() => undefined);
    if (database.dialect !== "postgres") throw error;
    throw new Error(
      `Cannot use PostgreSQL at DATABASE_URL (${error.message}); check the URL, or unset it for the SQLite app database.`,
      { cause: error },
    );
  });
  closers.push(() => database.close());
  const audit = createAuditLog(database);
  const apiKeys = createApiKeys(database, now, {
    cacheTtlMs: config.API_KEY_CACHE_TTL_MS,
    onWatchError: (error) =>
      logger.warn(
        { err: { message: error.message } },
        "API key revocation listener lost; keys are read from the database until it is back",
      ),
  });
  // Seals each verification's recipient (db/sealed-recipient.ts). From the naming key, which is
  // stable across restarts and secret rotations, under its own HKDF label.
  const recipientKey = Buffer.from(
    hkdfSync("sha256", naming.key, "", "otpkit/server/verification-recipients", 32),
  );
  const verifications = createVerifications(database, now, recipientKey);
  const metrics = createMetrics();

  // -- Channels: real providers when configured, else the dev outbox (same channel code).
  const wired = buildChannels(config, now);
  const { channels } = wired;
  closers.push(wired.close);
  const sink = auditSink(metrics, audit, logger);

  const hooks: VerifiedHook[] = [];
  const otp = createOtp({
    store,
    secrets,
    namingKey: naming.key,
    channels,
    ...policyOf(config),
    now,
    ...sink,
  });
  closers.unshift(() => otp.close());

  // -- HubSpot: mounted only with both credentials (loadConfig refuses one without the other).
  let hubspot: HubSpotRuntime | null = null;
  if (config.HUBSPOT_CLIENT_ID && config.HUBSPOT_CLIENT_SECRET) {
    hubspot = createHubSpotRuntime({
      config,
      logger,
      store,
      database,
      secrets,
      namingKey: naming.key,
      now,
      channels: wired.options,
      events: sink.events,
    });
    const app = hubspot;
    // A hosted-page (or API) verification of a HubSpot subject completes its open Waits.
    hooks.push(async (verification) => {
      await app.verified(verification);
    });
    // Before the store and the database close: queued CRM writes and completions settle first.
    closers.unshift(() => app.close());
  }

  // -- Conversations: their own engine (the library's 6-digit, 5-minute, 3-attempt policy) over
  // the same store and channels, so sessions hold across processes like the codes.
  // After HubSpot: a HubSpot directory searches through the app's CRM client for the portal.
  // -- Send quota per API key, in the shared store (key-quota.ts): API starts and conversations.
  const keyQuota = createKeyQuota({
    store,
    now,
    perHour: config.API_KEY_MAX_SENDS_PER_HOUR,
    perDay: config.API_KEY_MAX_SENDS_PER_DAY,
    events: sink.events,
    isTestRecipient: (r) => matchesTestRecipient(config.TEST_RECIPIENTS ?? [], r),
  });
  const conversations = conversationsOf(
    config,
    hubspot,
    { store, secrets, namingKey: naming.key, channels, now, ...sink, ...sendPolicyOf(config) },
    keyQuota.forKey,
  );
  if (conversations) closers.unshift(() => conversations.close());

  const csrfKey = Buffer.from(
    await crypto.subtle.digest(
      "SHA-256",
      new TextEncoder().encode(`otpkit/csrf\0${String(secrets[0]!.key)}`),
    ),
  );

  return {
    config,
    logger,
    otp,
    store,
    database,
    audit,
    apiKeys,
    verifications,
    metrics,
    outbox: wired.outbox,
    secretSource: source,
    namingKeySource: naming.source,
    // HKDF with its own label, as otp-core derives its keys from the naming key ("otpkit/v2/…"):
    // this key can never equal one of the engine's.
    storeNamingKey: Buffer.from(hkdfSync("sha256", naming.key, "", "otpkit/server/store-keys", 32)),
    csrfKey,
    now,
    hubspot,
    conversations,
    keyQuota,
    onVerified(hook) {
      hooks.push(hook);
    },
    async verified(verification) {
      for (const hook of hooks) {
        try {
          await hook(verification);
        } catch (error) {
          logger.error(
            { err: { message: (error as Error).message }, verification: verification.id },
            "verified hook failed",
          );
        }
      }
    },
    async readiness() {
      const [s, d] = await Promise.allSettled([opened.ping(), database.ping()]);
      return { store: s.status === "fulfilled", database: d.status === "fulfilled" };
    },
    async close() {
      for (const close of closers) {
        try {
          await close();
        } catch (error) {
          logger.warn({ err: { message: (error as Error).message } }, "error while closing");
        }
      }
    },
  };
}
