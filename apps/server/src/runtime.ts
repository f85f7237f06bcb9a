import { hkdfSync } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { EmailChannelOptions } from "@otpkit/delivery-email";
import { createEmailChannel } from "@otpkit/delivery-email";
import type { WhatsAppChannelOptions } from "@otpkit/delivery-whatsapp";
import { createWhatsAppChannel } from "@otpkit/delivery-whatsapp";
import type { Otp, OtpChannel, OtpEvent, OtpStore } from "@otpkit/otp-core";
import { createOtp, isOtpError } from "@otpkit/otp-core";
import { createSqliteStore } from "@otpkit/store-sqlite";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { ConfigError } from "./config.js";
import type { Conversations } from "./conversations.js";
import { createConversations } from "./conversations.js";
import type { ApiKeys } from "./db/api-keys.js";
import { createApiKeys } from "./db/api-keys.js";
import type { AuditLog } from "./db/audit.js";
import { createAuditLog } from "./db/audit.js";
import type { AppDatabase } from "./db/database.js";
import { openDatabase } from "./db/database.js";
import type { Verification, Verifications } from "./db/verifications.js";
import { createVerifications } from "./db/verifications.js";
import { loadNamingKey, loadSecrets } from "./dev-keys.js";
import type { HubSpotRuntime } from "./hubspot-runtime.js";
import { createHubSpotRuntime } from "./hubspot-runtime.js";
import type { Metrics } from "./metrics.js";
import { createMetrics } from "./metrics.js";
import { connectRedis } from "./redis-connect.js";
import { matchesTestRecipient } from "./test-recipients.js";
import { createWhatsAppOutboxFetch } from "./whatsapp-outbox.js";

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
  readonly outbox: { email: string | null; whatsapp: string | null };
  /** Where the secret came from, for the banner (never the secret). */
  readonly secretSource: "environment" | "dev-file";
  /** Where the naming key came from, for the banner (never the key). */
  readonly namingKeySource: "environment" | "dev-file";
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
  /** The conversation flow (seed 004), when CONVERSATION_DIRECTORY_FILE is set; else null. */
  readonly conversations: Conversations | null;
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
  const dataDir = resolve(config.DATA_DIR);
  const closers: Array<() => Promise<void>> = [];

  const { secrets, source } = loadSecrets(config, dataDir, logger);
  const naming = loadNamingKey(config, dataDir, logger);

  // -- OTP state: Redis when configured (scale-out), else one SQLite file.
  let store: OtpStore;
  let ping: () => Promise<unknown>;
  if (config.REDIS_URL) {
    const redis = await connectRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX, logger);
    store = redis.store;
    ping = redis.ping;
    closers.push(redis.close);
  } else {
    mkdirSync(dataDir, { recursive: true });
    const sqlite = createSqliteStore({ path: join(dataDir, "otp-state.sqlite") });
    store = sqlite;
    ping = () => sqlite.get("readyz-probe");
    closers.push(() => sqlite.close?.() ?? Promise.resolve());
  }

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
  const apiKeys = createApiKeys(database, now);
  const verifications = createVerifications(database, now);
  const metrics = createMetrics();

  // -- Channels: real providers when configured, else the dev outbox (same channel code).
  const channels: OtpChannel[] = [];
  let emailOutbox: string | null = null;
  const emailCommon = {
    productName: config.PRODUCT_NAME,
    ...(config.SUPPORT_CONTACT ? { supportContact: config.SUPPORT_CONTACT } : {}),
  };
  // The options are kept: the HubSpot app builds each portal's e-mail channel from them.
  let emailOptions: EmailChannelOptions | null = null;
  if (config.SMTP_URL) {
    emailOptions = { ...emailCommon, from: config.SMTP_FROM!, smtp: config.SMTP_URL };
  } else if (config.outboxAllowed) {
    emailOutbox = join(dataDir, "outbox", "email");
    emailOptions = {
      ...emailCommon,
      from: config.SMTP_FROM ?? `${config.PRODUCT_NAME} <no-reply@localhost.test>`,
      outbox: { dir: emailOutbox },
    };
  }
  if (emailOptions) channels.push(createEmailChannel(emailOptions));
  let whatsappOutbox: string | null = null;
  const templateNames = {
    code: config.WHATSAPP_TEMPLATE_CODE,
    retry: config.WHATSAPP_TEMPLATE_RETRY,
    lockout: config.WHATSAPP_TEMPLATE_LOCKOUT,
    unlock: config.WHATSAPP_TEMPLATE_UNLOCK,
  };
  const whatsappTemplates = {
    templates: Object.fromEntries(
      Object.entries(templateNames).filter(([, name]) => name !== undefined),
    ),
    ...(config.WHATSAPP_LANGUAGES ? { languages: config.WHATSAPP_LANGUAGES } : {}),
  };
  let whatsappOptions: WhatsAppChannelOptions | null = null;
  if (config.WHATSAPP_PHONE_NUMBER_ID && config.WHATSAPP_ACCESS_TOKEN) {
    whatsappOptions = {
      phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
      accessToken: config.WHATSAPP_ACCESS_TOKEN,
      ...(config.WHATSAPP_GRAPH_VERSION ? { graphVersion: config.WHATSAPP_GRAPH_VERSION } : {}),
      ...(config.WHATSAPP_API_BASE_URL ? { baseUrl: config.WHATSAPP_API_BASE_URL } : {}),
      ...whatsappTemplates,
      now, // per-number pacing runs on the same clock as the engine
    };
  } else if (config.outboxAllowed) {
    // Zero-config: the real WhatsApp channel, its requests written to the outbox instead of Meta.
    whatsappOutbox = join(dataDir, "outbox", "whatsapp");
    whatsappOptions = {
      phoneNumberId: "100000000000000",
      accessToken: "dev-outbox-no-real-token",
      fetch: createWhatsAppOutboxFetch(whatsappOutbox),
      pacing: false,
      ...whatsappTemplates,
    };
  }
  if (whatsappOptions) channels.push(createWhatsAppChannel(whatsappOptions));
  closers.push(async () => {
    for (const channel of channels) await channel.close?.();
  });

  const hooks: VerifiedHook[] = [];
  const testPatterns = config.TEST_RECIPIENTS ?? [];
  const otp = createOtp({
    store,
    secrets,
    namingKey: naming.key,
    // No `hmac` injected: otp-core's default (noble, pre-keyed once per key) measured 1.65–1.9×
    // node:crypto's createHmac on these short messages (packages/otp-core `pnpm bench`), because
    // createHmac re-keys on every call. Inject node's only where its bench says it wins.
    channels,
    code: { alphabet: config.OTP_CODE_ALPHABET, length: config.OTP_CODE_LENGTH },
    ttlMs: config.OTP_TTL_SECONDS * 1000,
    allowLongTtl: config.OTP_ALLOW_LONG_TTL,
    maxAttempts: config.OTP_MAX_ATTEMPTS,
    lockout: {
      maxFailures: config.OTP_LOCKOUT_MAX_FAILURES,
      durationMs: config.OTP_LOCKOUT_MINUTES * 60_000,
      maxConsecutiveFailures: config.OTP_LOCKOUT_MAX_CONSECUTIVE_FAILURES,
    },
    resend: {
      cooldownMs: config.OTP_RESEND_COOLDOWN_SECONDS * 1000,
      maxSends: config.OTP_MAX_SENDS_PER_HOUR,
    },
    storage: config.OTP_STORAGE,
    retryOnFailure: config.OTP_RETRY_ON_FAILURE,
    now,
    ...(testPatterns.length > 0
      ? {
          testRecipients: {
            code: config.TEST_CODE!,
            matches: (r) => matchesTestRecipient(testPatterns, r),
          },
        }
      : {}),
    events: async (event: OtpEvent) => {
      metrics.event(event);
      await audit.record(event);
    },
    onSinkError: (error, event) =>
      logger.error(
        { err: { message: (error as Error).message }, event: event.type },
        "audit log write failed",
      ),
  });
  closers.unshift(() => otp.close());

  // -- Conversations: their own engine (the library's 6-digit, 5-minute, 3-attempt policy) over
  // the same store and channels, so sessions hold across processes like the codes.
  let conversations: Conversations | null = null;
  const directory = config.conversationDirectory;
  if (directory) {
    const created = conversationsOrConfigError(() =>
      createConversations({
        directory,
        defaultCountry: config.CONVERSATION_DEFAULT_COUNTRY,
        engine: {
          store,
          secrets,
          namingKey: naming.key,
          channels,
          now,
          events: async (event: OtpEvent) => {
            metrics.event(event);
            await audit.record(event);
          },
          onSinkError: (error, event) =>
            logger.error(
              { err: { message: (error as Error).message }, event: event.type },
              "audit log write failed",
            ),
        },
      }),
    );
    conversations = created;
    closers.unshift(() => created.close());
  }

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
      email: emailOptions,
      whatsapp: whatsappOptions,
      events: async (event) => {
        metrics.event(event);
        await audit.record(event);
      },
    });
    const app = hubspot;
    // A hosted-page (or API) verification of a HubSpot subject completes its open Waits.
    hooks.push(async (verification) => {
      await app.verified(verification);
    });
    // Before the store and the database close: queued CRM writes and completions settle first.
    closers.unshift(() => app.close());
  }

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
    outbox: { email: emailOutbox, whatsapp: whatsappOutbox },
    secretSource: source,
    namingKeySource: naming.source,
    // HKDF with its own label, as otp-core derives its keys from the naming key ("otpkit/v2/…"):
    // this key can never equal one of the engine's.
    storeNamingKey: Buffer.from(hkdfSync("sha256", naming.key, "", "otpkit/server/store-keys", 32)),
    csrfKey,
    now,
    hubspot,
    conversations,
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
      const [s, d] = await Promise.allSettled([ping(), database.ping()]);
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

/** The library checks the default country; say which variable to fix, as loadConfig does. */
function conversationsOrConfigError(create: () => Conversations): Conversations {
  try {
    return create();
  } catch (error) {
    if (isOtpError(error) && error.field === "defaultCountry") {
      throw new ConfigError(
        "CONVERSATION_DEFAULT_COUNTRY",
        "Invalid CONVERSATION_DEFAULT_COUNTRY: use an ISO 3166-1 alpha-2 country code such as US or MX.",
      );
    }
    throw error;
  }
}
