import type { CardApi, HubSpotApp, SettingsApi } from "@otpkit/hubspot-adapter";
import {
  createCardApi,
  createHubSpotApp,
  createSettingsApi,
  parseHubSpotSubject,
} from "@otpkit/hubspot-adapter";
import type { OtpEvent, OtpSecret, OtpStore } from "@otpkit/otp-core";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { AppDatabase } from "./db/database.js";
import { createKyselyHubSpotStorage } from "./db/hubspot-storage.js";
import type { Verification } from "./db/verifications.js";
import type { ChannelWiring } from "./wiring/channels.js";
import { sendPolicyOf } from "./wiring/engine.js";
import { createPortalChannels } from "./wiring/portal-channels.js";

/** How often Wait callbacks whose window ended are completed with `expired`. */
export const HUBSPOT_COMPLETE_DUE_INTERVAL_MS = 30_000;

/** The HubSpot app as the server runs it: the adapter's handlers and its background beat. */
export interface HubSpotRuntime {
  readonly app: HubSpotApp;
  readonly card: CardApi;
  readonly settings: SettingsApi;
  /** Starts the `completeDue()` beat (an unref'd interval); `close()` stops it. Idempotent. */
  startBackground(): void;
  /** A verification of the server's own (hosted page, API) completed: see {@link hubspotSubjectOf}. */
  verified(verification: Verification): Promise<number>;
  /** Stops the beat, settles queued CRM writes and Wait completions, closes the portal channels. */
  close(): Promise<void>;
}

/** What the runtime hands over: its store, database, keys and channel settings. */
export interface HubSpotRuntimeOptions {
  config: Config;
  logger: Logger;
  store: OtpStore;
  database: AppDatabase;
  secrets: readonly OtpSecret[];
  namingKey: string | Uint8Array;
  now: () => number;
  /** The options the server's channels were built from (real or dev outbox), by name. */
  channels: ChannelWiring["options"];
  /** The audit sink: every engine event of every portal joins the server's audit trail. */
  events: (event: OtpEvent) => void | Promise<void>;
}

/**
 * The HubSpot subject a verification of the server's own API names, or undefined. An API client
 * that starts a hosted-page verification with `subject: "hubspot:<portalId>:contact:<id>"` lets
 * that contact's open "Wait for verification" steps complete when the page verifies.
 *
 * Why only through an API key: the key is the server operator's; the subject is the API's own
 * (`key:<id>:` stripped), so a subject of another shape never reaches HubSpot.
 */
export function hubspotSubjectOf(
  verification: Pick<Verification, "subject" | "apiKeyId">,
): { portalId: number; subject: string } | undefined {
  const prefix = verification.apiKeyId === null ? "" : `key:${verification.apiKeyId}:`;
  if (!verification.subject.startsWith(prefix)) return undefined;
  const subject = verification.subject.slice(prefix.length);
  const ref = parseHubSpotSubject(subject);
  return ref === undefined ? undefined : { portalId: ref.portalId, subject };
}

/**
 * Builds the HubSpot app over the server's store and app database: each portal's channels are
 * the server's registered channels (same SMTP server or dev outbox, same WhatsApp number) with
 * the portal's own e-mail texts and WhatsApp template names (wiring/portal-channels.ts), and each
 * portal's engine follows the server's send policy (OTP_DESTINATION_*, OTP_PHONE_COUNTRIES) under
 * the code, expiry and lockout its settings choose.
 */
export function createHubSpotRuntime(options: HubSpotRuntimeOptions): HubSpotRuntime {
  const { config, logger } = options;
  const clientId = config.HUBSPOT_CLIENT_ID!;
  const clientSecret = config.HUBSPOT_CLIENT_SECRET!;
  const storage = createKyselyHubSpotStorage(options.database);
  const appId = config.HUBSPOT_APP_ID === undefined ? undefined : Number(config.HUBSPOT_APP_ID);
  const portalChannels = createPortalChannels(options.channels);

  const app = createHubSpotApp({
    clientId,
    clientSecret,
    redirectUri: config.HUBSPOT_REDIRECT_URL ?? `${config.publicUrl}/hubspot/oauth/callback`,
    storage,
    store: options.store,
    secrets: options.secrets,
    namingKey: options.namingKey,
    channelsFor: portalChannels.channelsFor,
    // A deployment's rules hold for every engine it runs: the send quota per destination and the
    // phone countries (the generic API's and the conversations' engines have them too).
    engine: sendPolicyOf(config),
    events: (_portalId, event) => options.events(event),
    basePath: config.HUBSPOT_API_BASE_URL,
    ...(config.PUBLIC_URL ? { publicUrl: config.publicUrl } : {}),
    now: options.now,
    oauth: { authBaseUrl: config.HUBSPOT_AUTH_BASE_URL },
    log: (entry) => logger.info({ hubspot: entry }, "hubspot workflow action"),
    onError: (error, context) =>
      logger.warn({ err: { message: (error as Error).message }, hubspot: context }, "hubspot"),
    onDeadLetter: (letter) =>
      logger.error({ hubspot: { portalId: letter.portalId } }, "hubspot CRM write given up"),
  });
  const route = {
    clientSecret,
    now: options.now,
    ...(config.PUBLIC_URL ? { publicUrl: config.publicUrl } : {}),
    ...(appId === undefined ? {} : { appId }),
  };
  const card = createCardApi({
    ...route,
    engineFor: (portalId) => app.engines.engineFor(portalId),
    crmFor: (portalId) => app.crmFor(portalId),
    storeCode: (input) => app.storeCode(input),
  });
  const settings = createSettingsApi({
    ...route,
    storage,
    crmFor: (portalId) => app.crmFor(portalId),
    productName: config.PRODUCT_NAME,
  });

  let timer: NodeJS.Timeout | undefined;
  let beat: Promise<unknown> = Promise.resolve();
  return {
    app,
    card,
    settings,
    startBackground() {
      if (timer) return;
      timer = setInterval(() => {
        beat = app.completeDue().catch((error: Error) => {
          logger.warn({ err: { message: error.message } }, "hubspot completeDue failed");
        });
      }, HUBSPOT_COMPLETE_DUE_INTERVAL_MS);
      timer.unref();
    },
    async verified(verification) {
      const target = hubspotSubjectOf(verification);
      return target ? app.onVerified(target) : 0;
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await beat;
      await app.close();
      await portalChannels.close();
    },
  };
}
