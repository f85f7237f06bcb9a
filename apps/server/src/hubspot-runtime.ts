import type { EmailChannelOptions } from "@otpkit/delivery-email";
import { createEmailChannel } from "@otpkit/delivery-email";
import type { WhatsAppChannelOptions } from "@otpkit/delivery-whatsapp";
import { createWhatsAppChannel } from "@otpkit/delivery-whatsapp";
import type { CardApi, HubSpotApp, PortalSettings, SettingsApi } from "@otpkit/hubspot-adapter";
import {
  createCardApi,
  createHubSpotApp,
  createSettingsApi,
  parseHubSpotSubject,
  portalEmailTemplates,
} from "@otpkit/hubspot-adapter";
import type { OtpChannel, OtpEvent, OtpSecret, OtpStore } from "@otpkit/otp-core";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { AppDatabase } from "./db/database.js";
import { createKyselyHubSpotStorage } from "./db/hubspot-storage.js";
import type { Verification } from "./db/verifications.js";

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
  /** The server's e-mail channel options without templates (SMTP URL or dev outbox), or null. */
  email: EmailChannelOptions | null;
  /** The server's WhatsApp channel options (real or dev outbox), or null. */
  whatsapp: WhatsAppChannelOptions | null;
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
 * the server's (same SMTP server or dev outbox, same WhatsApp number) with the portal's own
 * e-mail texts and WhatsApp template names, built once per portal and settings version.
 */
export function createHubSpotRuntime(options: HubSpotRuntimeOptions): HubSpotRuntime {
  const { config, logger } = options;
  const clientId = config.HUBSPOT_CLIENT_ID!;
  const clientSecret = config.HUBSPOT_CLIENT_SECRET!;
  const storage = createKyselyHubSpotStorage(options.database);
  const appId = config.HUBSPOT_APP_ID === undefined ? undefined : Number(config.HUBSPOT_APP_ID);

  // One set of channels per portal and settings text; replaced ones are closed at shutdown only
  // (an engine built from them may still be sending).
  const cache = new Map<number, { key: string; channels: OtpChannel[] }>();
  const retired: OtpChannel[] = [];
  function channelsFor(settings: PortalSettings, portalId: number): OtpChannel[] {
    const key = JSON.stringify([settings.email, settings.whatsapp]);
    const hit = cache.get(portalId);
    if (hit?.key === key) return hit.channels;
    if (hit) retired.push(...hit.channels);
    const channels: OtpChannel[] = [];
    if (settings.whatsapp.enabled && options.whatsapp) {
      const templates = Object.fromEntries(
        Object.entries(settings.whatsapp.templates ?? {}).filter(([, v]) => Boolean(v)),
      );
      channels.push(
        createWhatsAppChannel({
          ...options.whatsapp,
          templates: { ...options.whatsapp.templates, ...templates },
        }),
      );
    }
    if (settings.email.enabled && options.email) {
      channels.push(
        createEmailChannel({
          ...options.email,
          templates: portalEmailTemplates(settings.email.template, settings.email.translations),
        }),
      );
    }
    cache.set(portalId, { key, channels });
    return channels;
  }

  const app = createHubSpotApp({
    clientId,
    clientSecret,
    redirectUri: config.HUBSPOT_REDIRECT_URL ?? `${config.publicUrl}/hubspot/oauth/callback`,
    storage,
    store: options.store,
    secrets: options.secrets,
    namingKey: options.namingKey,
    channelsFor,
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
      const all = [...retired, ...[...cache.values()].flatMap((c) => c.channels)];
      for (const channel of all) await channel.close?.();
    },
  };
}
