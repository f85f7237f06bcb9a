import type { OtpChannel, OtpEvent, OtpSecret, OtpStore } from "@otpkit/otp-core";
import { configError, intOption } from "@otpkit/otp-core";
import { createCrmSync } from "./actions/crm-sync.js";
import type { GenerateDeps } from "./actions/generate.js";
import { generateAction } from "./actions/generate.js";
import type { CompleteDueResult } from "./actions/pending-callbacks.js";
import { createPendingCallbacks } from "./actions/pending-callbacks.js";
import type { HubSpotDeadLetter } from "./actions/portal-crm.js";
import { createPortalCrm } from "./actions/portal-crm.js";
import { verifyAction } from "./actions/verify.js";
import { waitAction } from "./actions/wait.js";
import type { WorkflowLogEntry } from "./actions/workflow-request.js";
import { workflowHandler } from "./actions/workflow-request.js";
import type { CrmClient, CrmClientOptions } from "./crm-client.js";
import type { CrmWriteQueue, CrmWriteQueueOptions } from "./crm-write-queue.js";
import type { HubSpotOAuth, HubSpotOAuthOptions } from "./oauth.js";
import { createHubSpotOAuth } from "./oauth.js";
import type { PortalEngines, PortalEnginesOptions } from "./portal-engines.js";
import { createPortalEngines } from "./portal-engines.js";
import type { PortalSettings } from "./settings.js";
import type { HubSpotAppStorage } from "./storage.js";

export type { CompleteDueResult } from "./actions/pending-callbacks.js";

/** The argument of {@link HubSpotApp.storeCode}. */
export type StoreCodeInput = Parameters<GenerateDeps["storeCode"]>[0];
export type { WorkflowLogEntry } from "./actions/workflow-request.js";

/** Where a background failure happened, for {@link HubSpotAppOptions.onError}. */
export interface HubSpotAppErrorContext {
  operation: string;
  portalId?: number;
  callbackId?: string;
}

export type { HubSpotDeadLetter } from "./actions/portal-crm.js";

/** Options of {@link createHubSpotApp}. */
export interface HubSpotAppOptions {
  /** The HubSpot app's client id. */
  clientId: string;
  /** The app's client secret: OAuth, and the key of every request signature. */
  clientSecret: string;
  /** This server's OAuth callback URL, as listed in the app's `redirectUrls`. */
  redirectUri: string;
  /** Tokens, settings, answers per callbackId, pending Wait callbacks. */
  storage: HubSpotAppStorage;
  /** The OTP store all portals share. */
  store: OtpStore;
  /** The server secrets (codes, and the token sealing key). */
  secrets: readonly OtpSecret[];
  /** otp-core's naming key (32+ bytes). */
  namingKey: string | Uint8Array;
  /** A portal's channels from its settings; name them `"email"` and `"whatsapp"`. */
  channelsFor: (settings: PortalSettings, portalId: number) => readonly OtpChannel[];
  /** The host's own audit sink: every engine event of every portal (never a code). */
  events?: (portalId: number, event: OtpEvent) => void | Promise<void>;
  /** HubSpot's API origin: the fake HubSpot's `url` in tests. @default "https://api.hubapi.com" */
  basePath?: string;
  /** The origin HubSpot calls, behind a proxy (see `readSignedRequest`). */
  publicUrl?: string;
  /** The clock, epoch ms. @default Date.now */
  now?: () => number;
  /** Waits (for a concurrent duplicate's answer). @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** One entry per workflow request answered (no codes in it). */
  log?: (entry: WorkflowLogEntry) => void;
  /** Background failures (CRM sync, callback completion). Never given a code or a token. */
  onError?: (error: unknown, context: HubSpotAppErrorContext) => void;
  /** CRM writes given up on. */
  onDeadLetter?: (letter: HubSpotDeadLetter) => void;
  /** Further OAuth options (authBaseUrl, successUrl, allowInstallWithoutState, fetch...). */
  oauth?: Omit<
    HubSpotOAuthOptions,
    "clientId" | "clientSecret" | "redirectUri" | "storage" | "secrets" | "basePath" | "now"
  >;
  /** Per-portal CRM client tuning (retries, timeouts; a virtual `sleep` in tests). */
  crm?: Omit<CrmClientOptions, "portalId" | "accessToken" | "basePath">;
  /** Per-portal write queue tuning. */
  writeQueue?: Omit<CrmWriteQueueOptions, "client" | "onDeadLetter">;
  /** Engine options shared by every portal (resend, delivery, hmac, testRecipients...). */
  engine?: PortalEnginesOptions["engine"];
  /** How long a Wait callback completion holds its claim, ms. @default 60_000 */
  waitLeaseMs?: number;
}

/** The HubSpot app: its web handlers and what the host runs beside them. */
export interface HubSpotApp {
  /** Web handlers (a `Request` in, a `Response` out) to mount under `/hubspot/...`. */
  readonly handlers: {
    generate(request: Request): Promise<Response>;
    verify(request: Request): Promise<Response>;
    wait(request: Request): Promise<Response>;
    /** GET: a 302 to HubSpot's consent page with a fresh `state`. */
    oauthInstall(request: Request): Promise<Response>;
    /** GET: HubSpot's redirect back after consent. */
    oauthCallback(request: Request): Promise<Response>;
  };
  readonly oauth: HubSpotOAuth;
  readonly engines: PortalEngines;
  /** The portal's CRM client (one per portal for the life of the app: it holds the rate limit). */
  crmFor(portalId: number): CrmClient;
  /** The portal's CRM write queue (the app's properties are created before its first write). */
  writesFor(portalId: number): CrmWriteQueue;
  /**
   * A subject verified (the hosted page; Verify OTP and the card are seen through the event
   * sink): completes its open Wait callbacks with `verified`. Resolves with how many.
   */
  onVerified(input: { portalId: number; subject: string; purpose?: string }): Promise<number>;
  /**
   * Completes Wait callbacks whose window ended with `expired` (and retries completions HubSpot
   * failed), then deletes expired saved answers and OAuth states. Call it every minute or so.
   */
  completeDue(options?: { limit?: number }): Promise<CompleteDueResult>;
  /**
   * Writes a code's plaintext copy to the contact property (property storage) through the write
   * queue, and empties it when the code expires unused. For the card API; never logged.
   */
  storeCode(input: StoreCodeInput): void;
  /** Settles background work: Wait completions started by events, and every queued CRM write. */
  flush(): Promise<void>;
  /** Flushes and stops: write queues closed, timers stopped. The storage and store stay open. */
  close(): Promise<void>;
}

const SOURCE = { source: "hubspot" } as const;

/**
 * The HubSpot app's backend in one object: signed workflow actions (Generate OTP, Verify OTP,
 * Wait for verification) answered once per `callbackId`, OAuth install, one CRM client and write
 * queue per portal (the otpkit properties created before the first write), each portal's engine
 * from its settings, and the engine's events fanned out to the CRM sync, to Wait completions and
 * to the host's audit sink.
 *
 * @param options Credentials, storage, OTP store, secrets, channels; see {@link HubSpotAppOptions}.
 * @returns A {@link HubSpotApp}.
 * @throws {OtpError} `CONFIG_INVALID` naming the bad option.
 * @example
 * ```ts
 * const hubspot = createHubSpotApp({
 *   clientId, clientSecret, redirectUri: "https://otp.example.com/hubspot/oauth/callback",
 *   storage, store, secrets, namingKey,
 *   channelsFor: (settings) => (settings.email.enabled ? [emailChannelFor(settings)] : []),
 * });
 * app.post("/hubspot/actions/generate-otp", (c) => hubspot.handlers.generate(c.req.raw));
 * setInterval(() => void hubspot.completeDue(), 60_000);
 * ```
 */
export function createHubSpotApp(options: HubSpotAppOptions): HubSpotApp {
  if (typeof options !== "object" || options === null) {
    throw configError("options", "an object", options, undefined, SOURCE);
  }
  const { storage, basePath } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const onError = (error: unknown, context: HubSpotAppErrorContext) => {
    try {
      options.onError?.(error, context);
    } catch {
      // A logging callback must not break background work.
    }
  };
  const leaseMs = intOption("waitLeaseMs", options.waitLeaseMs ?? 60_000, 1000, 3_600_000, SOURCE);

  const oauth = createHubSpotOAuth({
    ...options.oauth,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri: options.redirectUri,
    storage,
    secrets: options.secrets,
    now,
    ...(basePath === undefined ? {} : { basePath }),
  });

  const { crmFor, writesFor, queues } = createPortalCrm({
    accessToken: (portalId) => oauth.accessToken(portalId),
    ...(basePath === undefined ? {} : { basePath }),
    ...(options.crm ? { crm: options.crm } : {}),
    ...(options.writeQueue ? { writeQueue: options.writeQueue } : {}),
    ...(options.onDeadLetter ? { onDeadLetter: options.onDeadLetter } : {}),
  });

  const background = new Set<Promise<unknown>>();
  function inBackground(operation: string, portalId: number, work: Promise<unknown>): void {
    const tracked = work
      .catch((error) => onError(error, { operation, portalId }))
      .finally(() => background.delete(tracked));
    background.add(tracked);
  }

  const pending = createPendingCallbacks({ storage, crmFor, now, leaseMs, onError });
  let sync: ReturnType<typeof createCrmSync> | undefined;
  const engines = createPortalEngines({
    storage,
    store: options.store,
    secrets: options.secrets,
    namingKey: options.namingKey,
    channelsFor: options.channelsFor,
    now,
    engine: {
      // A sink that throws never changes an outcome (otp-core goes on); the host hears of it.
      onSinkError: (error: unknown, event: OtpEvent) =>
        onError(error, { operation: `events.${event.type}` }),
      ...options.engine,
    },
    async events(portalId, event, settings) {
      sync?.onEvent(portalId, event, settings);
      // Wait for verification: complete in the background, so the Verify answer never waits
      // for HubSpot's callbacks API.
      if (event.type === "verified") {
        const input = { portalId, subject: event.subject, purpose: event.purpose };
        inBackground("callbacks.onVerified", portalId, pending.onVerified(input));
      }
      await options.events?.(portalId, event);
    },
  });
  sync = createCrmSync({ writesFor, engines, now, onError });
  const crmSync = sync;

  const deps = {
    clientSecret: options.clientSecret,
    storage,
    now,
    sleep,
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
    ...(options.log ? { log: options.log } : {}),
  };
  const generate = workflowHandler(
    deps,
    generateAction({ engines, crmFor, storeCode: (input) => crmSync.storeCode(input) }),
  );
  const verify = workflowHandler(deps, verifyAction({ engines, sync: crmSync }));
  const wait = workflowHandler(deps, waitAction({ pending, now }));

  async function flush(): Promise<void> {
    while (background.size > 0) await Promise.allSettled([...background]);
    await Promise.all([...queues.values()].map((q) => q.flush()));
    while (background.size > 0) await Promise.allSettled([...background]);
  }

  return {
    handlers: {
      generate,
      verify,
      wait,
      async oauthInstall() {
        try {
          return new Response(null, {
            status: 302,
            headers: { Location: await oauth.installUrl(), "Cache-Control": "no-store" },
          });
        } catch (error) {
          onError(error, { operation: "oauth.install" });
          return unavailable();
        }
      },
      async oauthCallback(request) {
        try {
          return await oauth.handleCallback(request);
        } catch (error) {
          onError(error, { operation: "oauth.callback" });
          return unavailable();
        }
      },
    },
    oauth,
    engines,
    crmFor,
    writesFor,
    storeCode: (input) => crmSync.storeCode(input),
    onVerified: (input) => pending.onVerified(input),
    async completeDue(completeOptions) {
      const result = await pending.completeDue(completeOptions);
      // Housekeeping on the same beat: answers kept for HubSpot's retries, spent OAuth states.
      await storage.deleteExpired(now(), 100);
      return result;
    },
    flush,
    async close() {
      await flush();
      crmSync.close();
      await Promise.all([...queues.values()].map((q) => q.close()));
      await engines.close();
    },
  };
}

function unavailable(): Response {
  return new Response(
    JSON.stringify({
      error: { code: "UNAVAILABLE", message: "Temporarily unavailable: retry later" },
    }),
    {
      status: 503,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": "60",
      },
    },
  );
}
