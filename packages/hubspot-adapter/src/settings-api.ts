import { configError, intOption } from "@otpkit/otp-core";
import * as z from "zod";
import type { CrmPropertyChoice } from "./crm-client.js";
import { OTPKIT_CODE_PROPERTY, OTPKIT_CODE_PROPERTY_NAME } from "./crm-properties.js";
import { PORTAL_TEMPLATE_LOCALE, renderPortalEmail } from "./email-template.js";
import type { FetchRouteOptions } from "./fetch-api.js";
import { checkRouteOptions, errorResponse, fetchRoute, json, parseInput } from "./fetch-api.js";
import type { PropertyChoicesCrm } from "./property-choices.js";
import { createPropertyChoices } from "./property-choices.js";
import type { PortalSettings } from "./settings.js";
import {
  CODE_LENGTHS,
  CODE_TYPES,
  DEFAULT_PORTAL_SETTINGS,
  dropUnknownSettings,
  EXPIRY_MINUTES,
  parsePortalSettings,
} from "./settings.js";
import type { HubSpotAppStorage } from "./storage.js";

const SOURCE = "hubspot";

/** The CRM calls the settings API makes. */
export type SettingsCrm = PropertyChoicesCrm;

/** Options of {@link createSettingsApi}. */
export interface SettingsApiOptions extends FetchRouteOptions {
  /** Where settings are kept (`getSettings`, `putSettings`). */
  storage: Pick<HubSpotAppStorage, "getSettings" | "putSettings">;
  /** The portal's CRM client: the property picker, and creating `otpkit_code` when chosen. */
  crmFor(portalId: number): SettingsCrm | Promise<SettingsCrm>;
  /** Called after settings were saved (rebuild the portal's engine and channels). */
  onSettingsChanged?: (portalId: number, settings: PortalSettings) => void | Promise<void>;
  /** How long the property list is reused before HubSpot is asked again, ms. @default 60_000 */
  propertyCacheMs?: number;
  /** The product name the e-mail renderer fills in (built-in languages' templates use it). @default "otpkit" */
  productName?: string;
}

/** The settings page's handlers, each a web `Request` in and a JSON `Response` out. */
export interface SettingsApi {
  /** GET: `{ settings, saved, choices, fieldErrors? }` (defaults when never saved). */
  get(request: Request): Promise<Response>;
  /**
   * PUT the whole form: 200 `{ settings, saved: true }`; 422 with `fieldErrors`; 400 with
   * `fieldErrors` when it names a key the settings do not have (nothing is saved).
   */
  put(request: Request): Promise<Response>;
  /** GET `?refresh=1` to bypass the cache ("Sync properties"): the code property's choices. */
  properties(request: Request): Promise<Response>;
  /** POST a draft (any subset of the settings, `locale?`): the e-mail with a sample code. */
  preview(request: Request): Promise<Response>;
}

/** The property picker's answer. */
export interface PropertyChoices {
  /** Writable contact properties of type string or phone number, by label. */
  properties: CrmPropertyChoice[];
  /** The app's own property: offered even before it exists (it is created on save). */
  appProperty: { name: string; label: string; exists: boolean };
  /** When HubSpot was asked, epoch ms. */
  fetchedAt: number;
}

/** What the page offers in its selects: the schema's own choices, never restated in the page. */
const CHOICES = Object.freeze({
  codeTypes: CODE_TYPES,
  codeLengths: CODE_LENGTHS,
  expiryMinutes: EXPIRY_MINUTES,
});

const PROPERTY_FIELD = "propertyStorage.property";
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const previewExtras = z.object({
  locale: z
    .string({ error: "Use a language code such as en or es." })
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, {
      error: "Use a language code such as en or es.",
    })
    .optional(),
});

/**
 * The settings page's API for `hubspot.fetch`: read and save the portal's settings
 * ({@link parsePortalSettings}: 422 with `fieldErrors` by dotted path; 400 for a key the
 * settings do not have, at any level, named by its path), list the contact properties that may
 * hold the code, and preview the e-mail with a sample code. Saved settings holding a key this
 * version does not have load without it ({@link dropUnknownSettings}).
 *
 * Saving refuses what could not work later: texts the e-mail renderer would refuse, and a code
 * property the portal does not have (the app's own `otpkit_code` is created on save instead).
 * Every call is signed (v3); the portal comes only from HubSpot's signed query.
 *
 * @param options Client secret, `storage`, `crmFor`, `onSettingsChanged` (see {@link SettingsApiOptions}).
 * @returns The handlers ({@link SettingsApi}).
 * @throws {OtpError} `CONFIG_INVALID` for a bad option. The handlers answer every expected
 *   failure; they throw only what is not an `OtpError` (a bug), for the server to log.
 * @example
 * ```ts
 * const settingsApi = createSettingsApi({
 *   clientSecret: process.env.HUBSPOT_CLIENT_SECRET!,
 *   storage,
 *   crmFor: (portalId) => crmClients.get(portalId),
 * });
 * app.put("/hubspot/settings", (c) => settingsApi.put(c.req.raw));
 * ```
 */
export function createSettingsApi(options: SettingsApiOptions): SettingsApi {
  checkRouteOptions(options, SOURCE);
  const { storage } = options;
  if (typeof storage?.getSettings !== "function" || typeof storage.putSettings !== "function") {
    throw configError("storage", "a HubSpotAppStorage", storage, undefined, { source: SOURCE });
  }
  if (typeof options.crmFor !== "function") {
    throw configError("crmFor", "a function", options.crmFor, undefined, { source: SOURCE });
  }
  const changed = options.onSettingsChanged;
  if (changed !== undefined && typeof changed !== "function") {
    throw configError("onSettingsChanged", "a function", changed, undefined, { source: SOURCE });
  }
  const cacheMs = intOption("propertyCacheMs", options.propertyCacheMs ?? 60_000, 0, 86_400_000, {
    source: SOURCE,
  });
  const productName = options.productName ?? "otpkit";
  const now = options.now ?? Date.now;
  const picker = createPropertyChoices({ crmFor: options.crmFor, cacheMs, now });

  /** The saved settings: validated, the raw saved object with its errors, or the defaults. */
  async function saved(portalId: number) {
    const text = await storage.getSettings(portalId);
    if (text === null) return { settings: DEFAULT_PORTAL_SETTINGS, raw: undefined, saved: false };
    let input: unknown;
    try {
      // A key this version does not have (another version saved it) is left out, also from
      // what GET shows: the page sends that back, and a save refuses unknown keys.
      input = dropUnknownSettings(JSON.parse(text));
    } catch {
      const fieldErrors = {
        "": "The saved settings were unreadable; these are the defaults. Save to fix.",
      };
      return { settings: DEFAULT_PORTAL_SETTINGS, raw: undefined, saved: true, fieldErrors };
    }
    const parsed = parsePortalSettings(input);
    if (parsed.ok) return { settings: parsed.settings, raw: undefined, saved: true };
    // Shown as saved, with what to fix: the admin repairs them on the page.
    return {
      settings: DEFAULT_PORTAL_SETTINGS,
      raw: input,
      saved: true,
      fieldErrors: parsed.fieldErrors,
    };
  }

  return {
    get: fetchRoute(options, "GET", async ({ identity }) => {
      const s = await saved(identity.portalId);
      return json(200, {
        settings: s.raw ?? s.settings,
        saved: s.saved,
        choices: CHOICES,
        ...(s.fieldErrors ? { fieldErrors: s.fieldErrors } : {}),
      });
    }),

    put: fetchRoute(options, "PUT", async ({ identity, rawBody }) => {
      const body = parseInput(z.unknown(), { json: rawBody });
      if (!body.ok) return body.response;
      const parsed = parsePortalSettings(body.value);
      if (!parsed.ok) return refused(parsed);
      const settings = parsed.settings;
      const rendered = renderPortalEmail(settings, { productName, now });
      if (!rendered.ok) return invalid(rendered.fieldErrors);
      if (settings.propertyStorage.enabled) {
        const problem = await picker.problem(identity.portalId, settings.propertyStorage.property);
        if (problem !== undefined) return invalid({ [PROPERTY_FIELD]: problem });
      }
      await storage.putSettings(identity.portalId, JSON.stringify(settings));
      await changed?.(identity.portalId, settings);
      return json(200, { settings, saved: true });
    }),

    properties: fetchRoute(options, "GET", async ({ identity, url }) => {
      const refresh = ["1", "true"].includes(url.searchParams.get("refresh") ?? "");
      const { at, list } = await picker.list(identity.portalId, refresh);
      const own = list.find((p) => p.name === OTPKIT_CODE_PROPERTY_NAME);
      const answer: PropertyChoices = {
        properties: list,
        appProperty: {
          name: OTPKIT_CODE_PROPERTY_NAME,
          label: own?.label ?? OTPKIT_CODE_PROPERTY.label,
          exists: own !== undefined,
        },
        fetchedAt: at,
      };
      return json(200, answer);
    }),

    preview: fetchRoute(options, "POST", async ({ identity, rawBody }) => {
      const body = parseInput(z.unknown(), { json: rawBody });
      if (!body.ok) return body.response;
      const draft = isObject(body.value) ? body.value : {};
      const extras = parseInput(previewExtras, { value: { locale: draft["locale"] } });
      if (!extras.ok) return extras.response;
      // The draft's own keys are checked as a save would; the merge below reads only its e-mail
      // parts, so a key under another name would otherwise be ignored without a word.
      const { locale: _, ...settingsDraft } = draft;
      const own = parsePortalSettings(settingsDraft);
      if (!own.ok && own.unknownKeys.length > 0) return refused(own);
      const base = (await saved(identity.portalId)).settings;
      const parsed = parsePortalSettings(mergeDraft(base, draft));
      if (!parsed.ok) return refused(parsed);
      const locale = extras.value.locale ?? PORTAL_TEMPLATE_LOCALE;
      const rendered = renderPortalEmail(parsed.settings, { productName, locale, now });
      if (!rendered.ok) return invalid(rendered.fieldErrors);
      return json(200, rendered.email);
    }),
  };
}

function invalid(fieldErrors: Record<string, string>): Response {
  return errorResponse("SETTINGS_INVALID", "Some settings need fixing", { fieldErrors });
}

/**
 * Settings that do not validate: 400 when they name a key the settings do not have (the client
 * sent something else than settings; every field's problem is listed with it), else 422.
 */
function refused(parsed: { fieldErrors: Record<string, string>; unknownKeys: string[] }) {
  if (parsed.unknownKeys.length === 0) return invalid(parsed.fieldErrors);
  return errorResponse("BAD_REQUEST", `Unknown settings: ${parsed.unknownKeys.join(", ")}`, {
    fieldErrors: parsed.fieldErrors,
  });
}

/**
 * The saved settings with the draft's code, expiry and e-mail texts over them: the page previews
 * while editing, and fields it does not send keep their saved values (a draft's
 * `email.translations.de` replaces the saved German texts, other languages stay).
 */
function mergeDraft(
  base: PortalSettings | typeof DEFAULT_PORTAL_SETTINGS,
  draft: Record<string, unknown>,
) {
  // A section that is not an object is passed on as sent, for the schema to name the field.
  const over = (saved: object, sent: Record<string, unknown>, key: string) =>
    !(key in sent) ? saved : isObject(sent[key]) ? { ...saved, ...sent[key] } : sent[key];
  const pick = (key: string) => (key in draft ? { [key]: draft[key] } : {});
  const email = draft["email"];
  return {
    ...base,
    code: over(base.code, draft, "code"),
    ...pick("expiryMinutes"),
    ...pick("allowLongExpiry"),
    email:
      email === undefined || isObject(email)
        ? {
            ...base.email,
            template: over(base.email.template, email ?? {}, "template"),
            translations: over(base.email.translations, email ?? {}, "translations"),
          }
        : email,
  };
}
