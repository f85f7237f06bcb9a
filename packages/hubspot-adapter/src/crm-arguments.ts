// Internal to the CRM client: argument checks (one message format, otp-core's `argumentError`)
// and the record shape returned. Not re-exported from the package.
import { argumentError } from "@otpkit/otp-core";

const SOURCE = { source: "hubspot" } as const;
// HubSpot record and owner ids are numeric strings; checking them keeps odd input out of URLs.
const RECORD_ID = /^\d{1,20}$/;
const PROPERTY = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;
// HubSpot's callback ids are opaque ("ap-102-3033-9-1"): printable ASCII, bounded.
const CALLBACK_ID = /^[\x21-\x7e]{1,200}$/;

/** A CRM record: its id and the requested properties (HubSpot returns values as strings). */
export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
}

/** The record as returned to callers: id and a copy of the properties. */
export function toRecord(object: {
  id: string;
  properties: Record<string, string | null>;
}): CrmRecord {
  return { id: object.id, properties: { ...object.properties } };
}

/** A numeric HubSpot record or owner id, or `INVALID_ARGUMENT`. */
export function recordId(field: string, value: unknown): string {
  if (typeof value !== "string" || !RECORD_ID.test(value)) {
    throw argumentError(field, "a numeric HubSpot id", value, SOURCE);
  }
  return value;
}

/** A property's internal name, or `INVALID_ARGUMENT`. */
export function propertyName(field: string, value: unknown): string {
  if (typeof value !== "string" || !PROPERTY.test(value)) {
    throw argumentError(field, "a property's internal name", value, SOURCE);
  }
  return value;
}

/** A list of at most 200 property names, or `INVALID_ARGUMENT`. */
export function propertyList(field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length > 200) {
    throw argumentError(field, "an array of at most 200 property names", value, SOURCE);
  }
  return value.map((name, i) => propertyName(`${field}[${i}]`, name));
}

/** Property names to string values (a copy), or `INVALID_ARGUMENT` (values never shown). */
export function propertyValues(field: string, value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw argumentError(field, "an object of property names to strings", value, SOURCE);
  }
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    propertyName(`${field} key`, name);
    // Why redact: a value may be the plaintext code (the optional code property).
    if (typeof v !== "string")
      throw argumentError(`${field}.${name}`, "a string", v, { ...SOURCE, redact: true });
    out[name] = v;
  }
  return out;
}

/** A workflow callback id, or `INVALID_ARGUMENT`. */
export function callbackId(value: unknown): string {
  if (typeof value !== "string" || !CALLBACK_ID.test(value)) {
    throw argumentError("callbackId", "HubSpot's callback id", value, SOURCE);
  }
  return value;
}
