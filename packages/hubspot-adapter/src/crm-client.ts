import type { Client } from "@hubspot/api-client";
import { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/contacts/models/Filter.js";
import type { PropertyCreate } from "@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate.js";
import type { PropertyGroupCreate } from "@hubspot/api-client/lib/codegen/crm/properties/models/PropertyGroupCreate.js";
import { argumentError, configError, intOption } from "@otpkit/otp-core";
import type { CrmRecord } from "./crm-arguments.js";
import {
  callbackId as checkCallbackId,
  propertyList,
  propertyName,
  propertyValues,
  recordId,
  toRecord,
} from "./crm-arguments.js";
import { createCrmCaller, orNotFound } from "./crm-call.js";
import type { CrmPropertyChoice, EnsurePropertiesResult } from "./crm-schema.js";
import { ensureProperties, ensurePropertyGroup, listContactProperties } from "./crm-schema.js";
import type { RateLimiter } from "./rate-limiter.js";
import { createRateLimiter, defaultSleep, HUBSPOT_SEARCH_LIMIT } from "./rate-limiter.js";

/** Options for {@link createCrmClient}. */
export interface CrmClientOptions {
  /** The HubSpot account (`hub_id`) this client calls for. */
  portalId: number;
  /**
   * The portal's current access token, asked for before every request (tokens are refreshed
   * every 30 minutes; the OAuth module caches them). An `OtpError` it throws reaches the caller
   * unchanged.
   */
  accessToken: () => Promise<string>;
  /** Replaces `https://api.hubapi.com` (the fake HubSpot in tests). */
  basePath?: string;
  /**
   * The portal's request budget. In process: with N server processes calling for the same
   * portals, give each `createRateLimiter({ limit: Math.floor(110 / N) })`.
   * @default createRateLimiter() (110 per 10 s)
   */
  limiter?: RateLimiter;
  /** The portal's CRM search budget. @default createRateLimiter({ limit: 5, windowMs: 1000 }) */
  searchLimiter?: RateLimiter;
  /** Tries per call, the first included. @default 4 */
  maxAttempts?: number;
  /** First wait after a 5xx or a network failure, doubled each try (equal jitter). @default 500 */
  baseDelayMs?: number;
  /** Longest wait inside one call; a longer `Retry-After` ends the call (retryable). @default 30_000 */
  maxDelayMs?: number;
  /** Random extra wait after a 429, up to this much. @default 1000 */
  jitterMs?: number;
  /** Per-request timeout (a real timer; the request is then retried). @default 20_000 */
  timeoutMs?: number;
  /** The clock, epoch ms. @default Date.now */
  now?: () => number;
  /** Waits between tries (and in the default limiters). @default a setTimeout promise */
  sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1), for the jitter. @default Math.random (jitter needs no secrecy) */
  random?: () => number;
}

export type { CrmRecord } from "./crm-arguments.js";

/** A HubSpot owner (a user records can be assigned to). */
export interface CrmOwner {
  id: string;
  /** Absent for owners without an e-mail (queues). */
  email?: string;
  firstName?: string;
  lastName?: string;
}

export type { CrmPropertyChoice, EnsurePropertiesResult } from "./crm-schema.js";

/**
 * The HubSpot calls the adapter makes for one portal, each rate limited and retried. Every
 * failure is an `OtpError` with `source: "hubspot"` (see {@link createCrmClient}).
 */
export interface CrmClient {
  readonly name: "hubspot-crm";
  readonly portalId: number;
  /** A contact by id, or `undefined` when there is none (404). */
  getContact(contactId: string, properties: readonly string[]): Promise<CrmRecord | undefined>;
  /** A contact by its e-mail (`idProperty=email`), or `undefined`. No search quota used. */
  getContactByEmail(email: string, properties: readonly string[]): Promise<CrmRecord | undefined>;
  /** Writes property values (`""` clears one). */
  updateContact(contactId: string, properties: Readonly<Record<string, string>>): Promise<void>;
  /** Contacts whose `property` equals `value` (CRM search, 5 requests/s per portal). */
  searchContactsByProperty(
    property: string,
    value: string,
    properties: readonly string[],
    options?: { limit?: number },
  ): Promise<CrmRecord[]>;
  /** A deal by id, or `undefined`. */
  getDeal(dealId: string, properties: readonly string[]): Promise<CrmRecord | undefined>;
  /** An owner by id (a deal's `hubspot_owner_id`), or `undefined` (unknown or archived). */
  getOwner(ownerId: string): Promise<CrmOwner | undefined>;
  /** Creates the property group when missing. */
  ensurePropertyGroup(group: Readonly<PropertyGroupCreate>): Promise<"created" | "existing">;
  /** Creates the properties that are missing (one list call, then one create per missing one). */
  ensureProperties(
    definitions: readonly Readonly<PropertyCreate>[],
  ): Promise<EnsurePropertiesResult>;
  /** Writable text and phone contact properties that may hold the code, sorted by label. */
  listContactProperties(): Promise<CrmPropertyChoice[]>;
  /** Completes a blocked workflow action (automation v4 callbacks API). */
  completeCallback(
    callbackId: string,
    outputFields: Readonly<Record<string, string>>,
  ): Promise<void>;
}

const SOURCE = { source: "hubspot" } as const;

/**
 * The HubSpot API client of one portal: `@hubspot/api-client` 13.4.0 behind a per-portal rate
 * limiter (110 requests per rolling 10 s; CRM search 5 per second) and bounded retries.
 *
 * - 429: waits `Retry-After` if sent, else `X-HubSpot-RateLimit-Interval-Milliseconds`, plus
 *   jitter; the whole portal pauses meanwhile. A daily-limit 429 is not retried here.
 * - 5xx, 477 and network failures: exponential backoff with jitter, `maxAttempts` tries.
 * - Any other 4xx: no retry. Reads answer `undefined` on 404.
 *
 * Keep ONE client per portal for the life of the process: its limiters are its memory of what
 * was sent. Why the api-client is built anew for each request, with `numberOfApiCallRetries: 0`:
 * its retry and limiter decorators are process-global (each `new Client()` replaces them for every
 * client), so this client builds its own and reaches the API object in the same tick, before any
 * other code could install decorators; and the token may have been refreshed since the last call.
 *
 * @param options `portalId`, `accessToken`, `basePath` and the limits; see {@link CrmClientOptions}.
 * @returns A {@link CrmClient}.
 * @throws {OtpError} `CONFIG_INVALID` for a bad option. Its methods throw `INVALID_ARGUMENT` for a
 *   malformed id or property name, `PROVIDER_THROTTLED` (retryable) when HubSpot kept answering
 *   429, and `PROVIDER_REJECTED`: retryable after 5xx/network failures, not after other 4xx.
 * @example
 * ```ts
 * const crm = createCrmClient({ portalId: 101, accessToken: () => oauth.accessToken(101) });
 * const contact = await crm.getContact("5101", ["email", "phone"]);
 * await crm.updateContact("5101", { otpkit_verification_status: "verified" });
 * ```
 */
export function createCrmClient(options: CrmClientOptions): CrmClient {
  const portalId = intOption("portalId", options.portalId, 1, Number.MAX_SAFE_INTEGER, SOURCE);
  if (typeof options.accessToken !== "function") {
    throw configError(
      "accessToken",
      "a function returning the portal's token",
      options.accessToken,
      undefined,
      { ...SOURCE, redact: true },
    );
  }
  const basePath = options.basePath;
  if (
    basePath !== undefined &&
    (typeof basePath !== "string" || !/^https?:\/\/[^/]/.test(basePath))
  ) {
    throw configError("basePath", "an http(s) URL", basePath, undefined, SOURCE);
  }
  const maxAttempts = intOption("maxAttempts", options.maxAttempts ?? 4, 1, 10, SOURCE);
  const policy = {
    baseDelayMs: intOption("baseDelayMs", options.baseDelayMs ?? 500, 0, 60_000, SOURCE),
    maxDelayMs: intOption("maxDelayMs", options.maxDelayMs ?? 30_000, 0, 600_000, SOURCE),
    jitterMs: intOption("jitterMs", options.jitterMs ?? 1_000, 0, 60_000, SOURCE),
  };
  const timeoutMs = intOption("timeoutMs", options.timeoutMs ?? 20_000, 1, 600_000, SOURCE);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const limiter = options.limiter ?? createRateLimiter({ now, sleep });
  const searchLimiter =
    options.searchLimiter ?? createRateLimiter({ ...HUBSPOT_SEARCH_LIMIT, now, sleep });
  const run = createCrmCaller({
    portalId,
    accessToken: options.accessToken,
    basePath,
    maxAttempts,
    policy,
    timeoutMs,
    now,
    sleep,
    random,
  });

  const contacts = (c: Client) => c.crm.contacts;
  return {
    name: "hubspot-crm",
    portalId,
    async getContact(contactId, properties) {
      const id = recordId("contactId", contactId);
      const props = propertyList("properties", properties);
      const read = run("contacts.get", limiter, (c, o) =>
        contacts(c).basicApi.getById(id, props, undefined, undefined, false, undefined, o),
      );
      return orNotFound(read.then(toRecord));
    },
    async getContactByEmail(email, properties) {
      if (typeof email !== "string" || email.trim() === "" || email.length > 254) {
        throw argumentError("email", "an e-mail address", email, SOURCE);
      }
      const props = propertyList("properties", properties);
      const read = run("contacts.getByEmail", limiter, (c, o) =>
        contacts(c).basicApi.getById(email.trim(), props, undefined, undefined, false, "email", o),
      );
      return orNotFound(read.then(toRecord));
    },
    async updateContact(contactId, properties) {
      const id = recordId("contactId", contactId);
      const values = propertyValues("properties", properties);
      await run("contacts.update", limiter, (c, o) =>
        contacts(c).basicApi.update(id, { properties: values }, undefined, o),
      );
    },
    async searchContactsByProperty(property, value, properties, searchOptions = {}) {
      const name = propertyName("property", property);
      if (typeof value !== "string" || value === "" || value.length > 1000) {
        throw argumentError("value", "a non-empty string", value, SOURCE);
      }
      const props = propertyList("properties", properties);
      const limit = searchOptions.limit ?? 10;
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
        throw argumentError("limit", "integer 1..200", limit, SOURCE);
      }
      const filters = [{ propertyName: name, operator: FilterOperatorEnum.Eq, value }];
      // CRM search has its own budget (5/s) and does not count toward the burst limit.
      const page = await run("contacts.search", searchLimiter, (c, o) =>
        contacts(c).searchApi.doSearch(
          { filterGroups: [{ filters }], properties: props, limit },
          o,
        ),
      );
      return page.results.map(toRecord);
    },
    async getDeal(dealId, properties) {
      const id = recordId("dealId", dealId);
      const props = propertyList("properties", properties);
      const read = run("deals.get", limiter, (c, o) =>
        c.crm.deals.basicApi.getById(id, props, undefined, undefined, false, undefined, o),
      );
      return orNotFound(read.then(toRecord));
    },
    async getOwner(ownerId) {
      const id = recordId("ownerId", ownerId);
      const owner = await orNotFound(
        run("owners.get", limiter, (c, o) =>
          c.crm.owners.ownersApi.getById(Number(id), "id", false, o),
        ),
      );
      if (owner === undefined) return undefined;
      return {
        id: String(owner.id),
        ...(owner.email ? { email: owner.email } : {}),
        ...(owner.firstName ? { firstName: owner.firstName } : {}),
        ...(owner.lastName ? { lastName: owner.lastName } : {}),
      };
    },
    ensurePropertyGroup: (group) => ensurePropertyGroup(run, limiter, group),
    ensureProperties: (definitions) => ensureProperties(run, limiter, definitions),
    listContactProperties: () => listContactProperties(run, limiter),
    async completeCallback(callbackId, outputFields) {
      const id = checkCallbackId(callbackId);
      const fields = propertyValues("outputFields", outputFields);
      await run("callbacks.complete", limiter, (c, o) =>
        c.automation.actions.callbacksApi.complete(id, { outputFields: fields }, o),
      );
    },
  };
}
