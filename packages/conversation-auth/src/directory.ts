import type { CountryCode, CrmClient } from "@otpkit/hubspot-adapter";
import { parsePhone } from "@otpkit/hubspot-adapter";
import { argumentError, configError } from "@otpkit/otp-core";

/** A person as a directory knows them: enough to send a code and greet them. */
export interface DirectoryRecord {
  /** The record's stable id (becomes the otp-core subject, namespaced per tenant). */
  id: string;
  /** E-mail address, when the record has one. */
  email?: string;
  /** Phone number as the record holds it (E.164 or national; parsed with the default country). */
  phone?: string;
  /** Display name. */
  name?: string;
  /** BCP 47 language tag (`"es"`, `"en-US"`). */
  locale?: string;
}

/**
 * Finds the person an identifier (employee number, customer id, e-mail ...) belongs to. A small
 * interface anyone can implement: answer `null` when there is no match — and also when several
 * records match, since the code must go to exactly one person.
 */
export interface Directory {
  /** Stable name for diagnostics (`"memory"`, `"hubspot"`). */
  readonly name: string;
  /** The one record whose configured field equals `identifier`, or `null`. */
  find(identifier: string): Promise<DirectoryRecord | null>;
}

/** Field names of {@link createMemoryDirectory}. */
export interface MemoryDirectoryOptions {
  /** The field the identifier is matched against (`"employeeNumber"`). */
  field: string;
  /** The field holding the record id. @default "id" */
  idField?: string;
  /** The field holding the e-mail address. @default "email" */
  emailField?: string;
  /** The field holding the phone number. @default "phone" */
  phoneField?: string;
  /** The field holding the display name. @default "name" */
  nameField?: string;
  /** The field holding the language tag. @default "locale" */
  localeField?: string;
}

const SOURCE = { source: "conversation-auth" } as const;
const MAX_IDENTIFIER_LENGTH = 256;

/**
 * The identifier as typed, trimmed: what every directory matches.
 *
 * @param identifier What the user gave (`" 4721 "`).
 * @returns The trimmed identifier.
 * @throws {OtpError} `INVALID_ARGUMENT` when it is not a string of 1..256 characters after trimming.
 * @example
 * ```ts
 * checkIdentifier(" 4721 "); // "4721"
 * ```
 */
export function checkIdentifier(identifier: unknown): string {
  const value = typeof identifier === "string" ? identifier.trim() : identifier;
  if (typeof value !== "string" || value === "" || value.length > MAX_IDENTIFIER_LENGTH) {
    throw argumentError(
      "identifier",
      `a string of 1..${MAX_IDENTIFIER_LENGTH} characters`,
      identifier,
      SOURCE,
    );
  }
  return value;
}

function fieldName(field: string, value: unknown, fallback: string): string {
  const name = value ?? fallback;
  if (typeof name !== "string" || name === "") {
    throw configError(field, "a non-empty field name", name, undefined, SOURCE);
  }
  return name;
}

function text(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/**
 * A directory over records held in memory (or parsed from JSON): for tests and small set-ups.
 * Matching is exact after trimming (numbers match their decimal text); e-mail-like identifiers
 * match case-insensitively.
 *
 * @param records The records (objects with string or number fields), or their JSON text (an array).
 * @param options `field` to match and the other field names; see {@link MemoryDirectoryOptions}.
 * @returns A {@link Directory}.
 * @throws {OtpError} `CONFIG_INVALID` when `records` is not an array (or JSON of one), a record
 *   has no id, or a field name is empty.
 * @example
 * ```ts
 * const directory = createMemoryDirectory(
 *   [{ id: "e-4721", employeeNumber: "4721", phone: "+14155550178", locale: "en" }],
 *   { field: "employeeNumber" },
 * );
 * await directory.find("4721"); // { id: "e-4721", phone: "+14155550178", locale: "en" }
 * ```
 */
export function createMemoryDirectory(
  records: readonly Readonly<Record<string, unknown>>[] | string,
  options: MemoryDirectoryOptions,
): Directory {
  const field = fieldName("field", options?.field, "");
  const idField = fieldName("idField", options.idField, "id");
  const emailField = fieldName("emailField", options.emailField, "email");
  const phoneField = fieldName("phoneField", options.phoneField, "phone");
  const nameField = fieldName("nameField", options.nameField, "name");
  const localeField = fieldName("localeField", options.localeField, "locale");
  let list: unknown = records;
  if (typeof records === "string") {
    try {
      list = JSON.parse(records);
    } catch {
      throw configError(
        "records",
        "a JSON array of records",
        "text that is not JSON",
        undefined,
        SOURCE,
      );
    }
  }
  if (!Array.isArray(list))
    throw configError("records", "an array of records", list, undefined, SOURCE);
  const byKey = new Map<string, DirectoryRecord[]>();
  list.forEach((raw: unknown, index) => {
    if (typeof raw !== "object" || raw === null) {
      throw configError(`records[${index}]`, "an object", raw, undefined, SOURCE);
    }
    const row = raw as Record<string, unknown>;
    const id = text(row[idField]);
    if (id === undefined) {
      throw configError(
        `records[${index}].${idField}`,
        "a record id",
        row[idField],
        undefined,
        SOURCE,
      );
    }
    const record: DirectoryRecord = { id };
    const email = text(row[emailField]);
    const phone = text(row[phoneField]);
    const name = text(row[nameField]);
    const locale = text(row[localeField]);
    if (email !== undefined) record.email = email;
    if (phone !== undefined) record.phone = phone;
    if (name !== undefined) record.name = name;
    if (locale !== undefined) record.locale = locale;
    const key = text(row[field]);
    if (key === undefined) return;
    const normal = normalKey(key);
    byKey.set(normal, [...(byKey.get(normal) ?? []), record]);
  });
  return {
    name: "memory",
    async find(identifier) {
      const matches = byKey.get(normalKey(checkIdentifier(identifier))) ?? [];
      // Two records with the same identifier: sending to either could reach the wrong person.
      return matches.length === 1 ? { ...(matches[0] as DirectoryRecord) } : null;
    },
  };
}

function normalKey(value: string): string {
  return value.includes("@") ? value.toLowerCase() : value;
}

/** Options for {@link createHubSpotDirectory}. */
export interface HubSpotDirectoryOptions {
  /** The portal's CRM client (`createCrmClient`): searches go through its 5 requests/s limiter. */
  crm: CrmClient;
  /** The contact property the identifier is matched against (`"employee_number"`). */
  property: string;
  /** The contact property holding the e-mail address. @default "email" */
  emailProperty?: string;
  /** The contact property holding the phone number (free text in CRMs). @default "mobilephone" */
  phoneProperty?: string;
  /** The country of numbers written without a country code (`"US"`, `"MX"`). */
  defaultCountry: CountryCode;
  /** The contact property holding the language. @default "hs_language" */
  localeProperty?: string;
}

/**
 * A directory over HubSpot contacts: the contact whose `property` equals the identifier, found
 * with the CRM search API (its own budget of 5 requests per second per portal; the client waits
 * for a slot and backs off on a 429). The phone property is parsed with `defaultCountry`; a value
 * that is not a valid number is left out, so the code goes to the e-mail instead (if any).
 *
 * @param options The CRM client, the properties and the default country.
 * @returns A {@link Directory}; `find` throws the CRM client's `OtpError`s (`PROVIDER_THROTTLED`,
 *   `PROVIDER_REJECTED`) unchanged.
 * @throws {OtpError} `CONFIG_INVALID` for a missing client, an empty property name or an unknown
 *   country.
 * @example
 * ```ts
 * const crm = createCrmClient({ portalId: 101, accessToken: () => oauth.accessToken(101) });
 * const directory = createHubSpotDirectory({ crm, property: "employee_number", defaultCountry: "MX" });
 * await directory.find("4721"); // { id: "5101", phone: "+525512345678", email: "ana@example.com" }
 * ```
 */
export function createHubSpotDirectory(options: HubSpotDirectoryOptions): Directory {
  const crm = options?.crm;
  if (typeof crm?.searchContactsByProperty !== "function") {
    throw configError("crm", "a CRM client (createCrmClient)", crm, undefined, SOURCE);
  }
  const property = fieldName("property", options.property, "");
  const emailProperty = fieldName("emailProperty", options.emailProperty, "email");
  const phoneProperty = fieldName("phoneProperty", options.phoneProperty, "mobilephone");
  const localeProperty = fieldName("localeProperty", options.localeProperty, "hs_language");
  const defaultCountry = options.defaultCountry;
  try {
    parsePhone("", defaultCountry);
  } catch {
    throw configError(
      "defaultCountry",
      'an ISO 3166-1 alpha-2 code ("US")',
      defaultCountry,
      undefined,
      SOURCE,
    );
  }
  const wanted = [...new Set([emailProperty, phoneProperty, localeProperty, "firstname"])];
  return {
    name: "hubspot",
    async find(identifier) {
      // Limit 2: one match is the answer, a second one makes it ambiguous (→ null).
      const found = await crm.searchContactsByProperty(
        property,
        checkIdentifier(identifier),
        wanted,
        {
          limit: 2,
        },
      );
      if (found.length !== 1) return null;
      const contact = found[0] as (typeof found)[number];
      const record: DirectoryRecord = { id: contact.id };
      const email = text(contact.properties[emailProperty]);
      const rawPhone = text(contact.properties[phoneProperty]);
      const name = text(contact.properties["firstname"]);
      const locale = text(contact.properties[localeProperty]);
      if (email !== undefined) record.email = email;
      if (rawPhone !== undefined) {
        const parsed = parsePhone(rawPhone, defaultCountry);
        if (parsed.ok) record.phone = parsed.e164;
      }
      if (name !== undefined) record.name = name;
      if (locale !== undefined) record.locale = locale;
      return record;
    },
  };
}
