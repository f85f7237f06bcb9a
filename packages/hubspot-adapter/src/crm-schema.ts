// The contact property schema: the group and properties the installer creates (when missing),
// and the list the settings page's property picker shows. Used by the CRM client.
import type { PropertyCreate } from "@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate.js";
import type { PropertyGroupCreate } from "@hubspot/api-client/lib/codegen/crm/properties/models/PropertyGroupCreate.js";
import { argumentError } from "@otpkit/otp-core";
import { propertyName } from "./crm-arguments.js";
import type { CrmCall } from "./crm-call.js";
import { createdOrExisting } from "./crm-call.js";
import { codePropertyProblem } from "./crm-properties.js";
import type { RateLimiter } from "./rate-limiter.js";

/** A contact property the admin may choose to hold the code (the settings page's picker). */
export interface CrmPropertyChoice {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
}

/** What {@link CrmClient.ensureProperties} did. */
export interface EnsurePropertiesResult {
  /** Created by this call. */
  created: string[];
  /** Already there (including ones created concurrently: HubSpot's 409). */
  existing: string[];
  /** Already there with another `type` than defined: writes to them may fail; tell the admin. */
  mismatched: string[];
}

const PICKABLE_FIELD_TYPES = new Set(["text", "textarea", "phonenumber"]);

/**
 * Creates the contact property group when missing. It lists first rather than creating and
 * reading the 409: errors count against the app's error rate (under 5% for marketplace
 * certification). A 409 all the same (created concurrently) is `"existing"`.
 *
 * @param run The client's call loop.
 * @param limiter The portal's limiter.
 * @param group The group (`OTPKIT_PROPERTY_GROUP`).
 * @returns `"created"` or `"existing"`.
 * @throws {OtpError} `INVALID_ARGUMENT` for a malformed name; the client's `PROVIDER_*` errors.
 * @example
 * ```ts
 * await crm.ensurePropertyGroup(OTPKIT_PROPERTY_GROUP); // "created", then "existing"
 * ```
 */
export async function ensurePropertyGroup(
  run: CrmCall,
  limiter: RateLimiter,
  group: Readonly<PropertyGroupCreate>,
): Promise<"created" | "existing"> {
  const name = propertyName("group.name", group?.name);
  const groups = await run("properties.groups.list", limiter, (c, o) =>
    c.crm.properties.groupsApi.getAll("contacts", o),
  );
  if (groups.results.some((g) => g.name === name)) return "existing";
  return createdOrExisting(
    run("properties.groups.create", limiter, (c, o) =>
      c.crm.properties.groupsApi.create("contacts", { ...group }, o),
    ),
  );
}

/**
 * Creates the contact properties that are missing: one list call, then one create per missing
 * property (a 409 counts as existing).
 *
 * @param run The client's call loop.
 * @param limiter The portal's limiter.
 * @param definitions The properties (`OTPKIT_PROPERTIES`, `OTPKIT_CODE_PROPERTY`).
 * @returns Which were created, which existed, and which exist with another type.
 * @throws {OtpError} `INVALID_ARGUMENT` for a malformed definition; the client's `PROVIDER_*`
 *   errors (properties created before a failure stay created: call again).
 * @example
 * ```ts
 * const { created, mismatched } = await crm.ensureProperties(OTPKIT_PROPERTIES);
 * ```
 */
export async function ensureProperties(
  run: CrmCall,
  limiter: RateLimiter,
  definitions: readonly Readonly<PropertyCreate>[],
): Promise<EnsurePropertiesResult> {
  if (!Array.isArray(definitions)) {
    throw argumentError("definitions", "an array of property definitions", definitions, {
      source: "hubspot",
    });
  }
  for (const [i, d] of definitions.entries()) propertyName(`definitions[${i}].name`, d?.name);
  const known = new Map((await allProperties(run, limiter)).map((p) => [p.name, p.type]));
  const result: EnsurePropertiesResult = { created: [], existing: [], mismatched: [] };
  for (const definition of definitions) {
    const type = known.get(definition.name);
    if (type !== undefined) {
      result.existing.push(definition.name);
      if (type !== definition.type) result.mismatched.push(definition.name);
      continue;
    }
    const outcome = await createdOrExisting(
      run("properties.create", limiter, (c, o) =>
        c.crm.properties.coreApi.create("contacts", { ...definition }, o),
      ),
    );
    result[outcome].push(definition.name);
  }
  return result;
}

/**
 * The contact properties that may hold the code, for the settings page's picker: text and phone
 * number properties whose value can be written (not hidden, calculated, archived or read-only)
 * and that {@link codePropertyProblem} accepts, sorted by label.
 *
 * @param run The client's call loop.
 * @param limiter The portal's limiter.
 * @returns The choices.
 * @throws {OtpError} The client's `PROVIDER_*` errors.
 * @example
 * ```ts
 * const choices = await crm.listContactProperties(); // [{ name: "otpkit_code", label: ... }, ...]
 * ```
 */
export async function listContactProperties(
  run: CrmCall,
  limiter: RateLimiter,
): Promise<CrmPropertyChoice[]> {
  return (await allProperties(run, limiter))
    .filter(
      (p) =>
        (p.type === "string" || p.type === "phone_number") &&
        PICKABLE_FIELD_TYPES.has(p.fieldType) &&
        !p.hidden &&
        !p.calculated &&
        !p.archived &&
        p.modificationMetadata?.readOnlyValue !== true &&
        codePropertyProblem(p.name) === undefined,
    )
    .map(({ name, label, type, fieldType, groupName }) => ({
      name,
      label,
      type,
      fieldType,
      groupName,
    }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name));
}

async function allProperties(run: CrmCall, limiter: RateLimiter) {
  const all = await run("properties.list", limiter, (c, o) =>
    c.crm.properties.coreApi.getAll("contacts", false, undefined, o),
  );
  return all.results;
}
