import type { IssueResult, Otp } from "@otpkit/otp-core";
import { configError } from "@otpkit/otp-core";
import * as z from "zod";
import type { GenerateDeps } from "./actions/generate.js";
import { HUBSPOT_OTP_PURPOSE, hubspotSubject } from "./actions/subject.js";
import type { CardGenerated, CardLocked, CardStatusContact, CardThrottled } from "./card-status.js";
import { cardStatus } from "./card-status.js";
import type { CrmClient } from "./crm-client.js";
import type { FetchCall, FetchRouteOptions } from "./fetch-api.js";
import {
  checkRouteOptions,
  errorResponse,
  fetchRoute,
  json,
  parseInput,
  retryAfterSeconds,
} from "./fetch-api.js";
import type { PortalSettings } from "./settings.js";

export type {
  CardActiveCode,
  CardGenerated,
  CardLocked,
  CardStatus,
  CardThrottled,
  CodeUnavailable,
  CodeUnavailableReason,
} from "./card-status.js";

const SOURCE = "hubspot";

/** Options of {@link createCardApi}. */
export interface CardApiOptions extends FetchRouteOptions {
  /** The portal's engine and the settings it was built from (`PortalEngines.engineFor`). */
  engineFor(portalId: number): Promise<{
    otp: Pick<Otp, "issue" | "lookup">;
    snapshot: { readonly settings: PortalSettings };
  }>;
  /** The portal's CRM client (only `getContact` is used). */
  crmFor(portalId: number): Pick<CrmClient, "getContact"> | Promise<Pick<CrmClient, "getContact">>;
  /**
   * Writes the plaintext copy of a new code to the contact property (property storage), through
   * the same ordered CRM write queue the engine's events feed: the `revoked` of the replaced code
   * clears the property first, so the copy lands after it. The workflow action's own `storeCode`.
   */
  storeCode: GenerateDeps["storeCode"];
}

/** What the card can ask for: the card's three buttons. */
export type CardAction = "generate" | "resend" | "regenerate";

/** The card's handlers, each a web `Request` in and a JSON `Response` out. */
export interface CardApi {
  /** GET `?contactId=…`: the contact's active code and what the card may do ({@link CardStatus}). */
  status(request: Request): Promise<Response>;
  /** POST `{ contactId, requestId }`: a new code, e-mailed when the portal's e-mail is on. */
  generate(request: Request): Promise<Response>;
  /** POST `{ contactId, requestId, confirmedEmail }`: a new code e-mailed (e-mail on only). */
  resend(request: Request): Promise<Response>;
  /** POST `{ contactId, requestId }`: a new code shown in the card, no e-mail (e-mail off only). */
  regenerate(request: Request): Promise<Response>;
}

// HubSpot record ids are digits; the card passes `context.crm.objectId`, a number.
const contactId = z
  .union([z.string(), z.number().int().positive()], { error: "Send the contact's record id." })
  .transform((v) => String(v).trim())
  .refine((v) => /^[0-9]{1,20}$/.test(v), { error: "Send the contact's record id (digits)." });

const statusQuery = z.object({ contactId });

// Why a client-made id: hubspot.fetch retries once on a 5xx, and a retry of a request that did
// issue a code must get that code's answer, not a second code.
const requestId = z
  .string({ error: "Send a requestId (a fresh random id per click)." })
  .regex(/^[A-Za-z0-9_-]{8,100}$/, {
    error: "Use 8 to 100 letters, digits, - and _ for requestId (a UUID fits).",
  });

const CONFIRM = "Send the e-mail address the confirmation showed.";
const postBody = z.object({
  contactId,
  requestId,
  /** Resend only: the address the card's confirmation showed. */
  confirmedEmail: z
    .string({ error: CONFIRM })
    .trim()
    .min(3, { error: CONFIRM })
    .max(254)
    .optional(),
});

const CONTACT_EMAIL = "email";
const CONTACT_LANGUAGE = "hs_language";
// hs_language values (`en`, `pt-br`) as BCP 47 tags; anything else falls back to English.
const LOCALE = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;

/**
 * The contact card's API for `hubspot.fetch`: the active code of a contact, and Generate /
 * Resend / Regenerate (seed 000).
 *
 * - Every call is signed (v3 only) and its portal comes only from the query HubSpot appends
 *   (`portalId`); a `portalId` in the card's body is ignored, a second one in the query refused.
 * - The code reaches the card only where the admin allowed it: `encrypted` storage, property
 *   storage (the copy is in the CRM anyway), or Regenerate without e-mail, where showing it to
 *   the agent who asked is the point. With e-mail on and hash-only storage the card gets the
 *   metadata and `codeUnavailable.reason: "hash_only"`.
 * - Each POST carries a client-made `requestId`, the engine's idempotency key: a retry replays
 *   the first answer (`replayed: true`) and never makes a second code.
 * - Throttled answers 409 and locked 423, with `retryAfter` (seconds) and `Retry-After`; bad input
 *   400 with `fieldErrors`; see `FETCH_API_ERRORS` for every error code.
 *
 * @param options Client secret, `engineFor`, `crmFor`, `storeCode` (see {@link CardApiOptions}).
 * @returns The handlers ({@link CardApi}).
 * @throws {OtpError} `CONFIG_INVALID` for a bad option. The handlers answer every expected
 *   failure; they throw only what is not an `OtpError` (a bug), for the server to log.
 * @example
 * ```ts
 * const card = createCardApi({
 *   clientSecret: process.env.HUBSPOT_CLIENT_SECRET!,
 *   engineFor: (portalId) => engines.engineFor(portalId),
 *   crmFor: (portalId) => crmClients.get(portalId),
 *   storeCode: (input) => app.storeCode(input),
 * });
 * app.get("/hubspot/card/status", (c) => card.status(c.req.raw));
 * app.post("/hubspot/card/generate", (c) => card.generate(c.req.raw));
 * ```
 */
export function createCardApi(options: CardApiOptions): CardApi {
  checkRouteOptions(options, SOURCE);
  for (const name of ["engineFor", "crmFor", "storeCode"] as const) {
    if (typeof options[name] !== "function") {
      throw configError(name, "a function", options[name], undefined, { source: SOURCE });
    }
  }
  const now = options.now ?? Date.now;

  async function status(call: FetchCall): Promise<Response> {
    const query = parseInput(statusQuery, {
      value: { contactId: call.url.searchParams.get("contactId") ?? undefined },
    });
    if (!query.ok) return query.response;
    const { portalId } = call.identity;
    const id = query.value.contactId;
    const { otp, snapshot } = await options.engineFor(portalId);
    const { settings } = snapshot;
    const subject = hubspotSubject({ portalId, objectType: "contact", objectId: id });
    // The contact gives the reference, the resend address and the code copy (one CRM read).
    const [contact, lookup] = await Promise.all([
      readContact(portalId, id, settings),
      otp.lookup({
        subject,
        purpose: HUBSPOT_OTP_PURPOSE,
        reveal: settings.storage === "encrypted",
      }),
    ]);
    if (contact === undefined) return contactNotFound();
    return json(200, cardStatus({ contactId: id, settings, lookup, contact, now: now() }));
  }

  async function issue(call: FetchCall, action: CardAction): Promise<Response> {
    const body = parseInput(postBody, { json: call.rawBody });
    if (!body.ok) return body.response;
    const { confirmedEmail } = body.value;
    // Why required: the card's confirmation shows the address, and the code must go to that one.
    if (action === "resend" && confirmedEmail === undefined) {
      return errorResponse("BAD_REQUEST", CONFIRM, { fieldErrors: { confirmedEmail: CONFIRM } });
    }
    const { portalId } = call.identity;
    const id = body.value.contactId;
    const { otp, snapshot } = await options.engineFor(portalId);
    const { settings } = snapshot;
    const emailOn = settings.email.enabled;
    if (action === "resend" && !emailOn) {
      return errorResponse("EMAIL_DISABLED", "E-mail delivery is off for this portal");
    }
    // Why refused: with e-mail on, codes go to the contact; a code shown only to the agent
    // would sidestep the delivery the admin set up.
    if (action === "regenerate" && emailOn) {
      return errorResponse("EMAIL_ENABLED", "E-mail delivery is on: use Resend Code");
    }
    const contact = await readContact(portalId, id, settings);
    if (contact === undefined) return contactNotFound();
    const deliver = action === "resend" || (action === "generate" && emailOn);
    const email = contact.email;
    if (deliver && email === null) {
      return errorResponse("CONTACT_NO_EMAIL", "The contact has no e-mail address");
    }
    if (confirmedEmail !== undefined && confirmedEmail.toLowerCase() !== email?.toLowerCase()) {
      return errorResponse(
        "RECIPIENT_CHANGED",
        "The contact's e-mail address changed; confirm the new one",
        { recipientEmail: email },
      );
    }
    const subject = hubspotSubject({ portalId, objectType: "contact", objectId: id });
    const keepCopy = settings.propertyStorage.enabled;
    const result: IssueResult = await otp.issue({
      subject,
      purpose: HUBSPOT_OTP_PURPOSE,
      deliver,
      ...(deliver && email !== null
        ? { recipient: { email, ...localeOf(contact) }, channels: ["email"] }
        : {}),
      // Only asked for when the admin chose to keep a copy in a property (seed 001).
      ...(deliver && keepCopy ? { returnCode: true } : {}),
      idempotencyKey: `card:${body.value.requestId}`,
    });
    const replayed = result.replayed === true;
    if (result.status === "throttled") {
      const retryAfter = retryAfterSeconds(result.retryAfterMs);
      const answer: CardThrottled = {
        outcome: "throttled",
        // The card's contract knows two reasons; a destination's quota is a cap on sends too.
        reason: result.reason === "destination_quota" ? "max_sends" : result.reason,
        retryAfter,
        nextSendAt: now() + result.retryAfterMs,
        replayed,
      };
      return json(409, answer, { "Retry-After": String(retryAfter) });
    }
    if (result.status === "locked") {
      const retryAfter =
        result.retryAfterMs === null ? null : retryAfterSeconds(result.retryAfterMs);
      const answer: CardLocked = {
        outcome: "locked",
        lockedUntil: result.lockedUntil,
        retryAfter,
        replayed,
      };
      return json(423, answer, retryAfter === null ? {} : { "Retry-After": String(retryAfter) });
    }
    const lookup = await otp.lookup({
      subject,
      purpose: HUBSPOT_OTP_PURPOSE,
      reveal: settings.storage === "encrypted",
    });
    // Only while the code issued here is still the active one: a replay must not show (or
    // store) a code that another has replaced since.
    const current = lookup.active?.codeId === result.codeId;
    if (current && result.code !== undefined && keepCopy) {
      options.storeCode({
        portalId,
        contactId: id,
        subject,
        property: settings.propertyStorage.property,
        code: result.code,
        codeId: result.codeId,
        expiresAt: result.expiresAt,
      });
    }
    const fresh = current && result.code !== undefined ? { code: result.code } : {};
    const state = cardStatus({
      contactId: id,
      settings,
      lookup,
      contact: { email, storedCode: null },
      now: now(),
      ...fresh,
      replayed,
    });
    const answer: CardGenerated = { outcome: "generated", replayed, ...state };
    return json(200, answer);
  }

  async function readContact(
    portalId: number,
    id: string,
    settings: PortalSettings,
  ): Promise<(CardStatusContact & { language: string | null }) | undefined> {
    const crm = await options.crmFor(portalId);
    const property = settings.propertyStorage.property;
    const wanted = [CONTACT_EMAIL, CONTACT_LANGUAGE];
    if (settings.propertyStorage.enabled) wanted.push(property);
    const record = await crm.getContact(id, wanted);
    if (record === undefined) return undefined;
    const value = (name: string) => {
      const v = record.properties[name]?.trim();
      return v === undefined || v === "" ? null : v;
    };
    return {
      email: value(CONTACT_EMAIL),
      language: value(CONTACT_LANGUAGE),
      storedCode: settings.propertyStorage.enabled ? value(property) : null,
    };
  }

  return {
    status: fetchRoute(options, "GET", status),
    generate: fetchRoute(options, "POST", (call) => issue(call, "generate")),
    resend: fetchRoute(options, "POST", (call) => issue(call, "resend")),
    regenerate: fetchRoute(options, "POST", (call) => issue(call, "regenerate")),
  };
}

function localeOf(contact: { language: string | null }): { locale?: string } {
  const language = contact.language;
  return language !== null && LOCALE.test(language) ? { locale: language.replace(/_/g, "-") } : {};
}

function contactNotFound(): Response {
  return errorResponse("CONTACT_NOT_FOUND", "No contact with this id in this portal");
}
