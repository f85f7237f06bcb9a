// Internal to the fake HubSpot: property definitions per object type (the defaults a fresh
// portal has, plus what the app creates) and HubSpot's validation of property values.
import { iso, validationError } from "./http.js";

/** The object types the fake models. `0-1` and `0-3` are HubSpot's ids for them. */
export type FakeObjectType = "contacts" | "deals";

/** One enumeration option, as the properties API returns it. */
export interface FakePropertyOption {
  label: string;
  value: string;
  hidden: boolean;
  displayOrder: number;
  description?: string;
}

/** A property definition as the fake stores it (the API's `Property` plus a read-only flag). */
export interface FakeProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description: string;
  options: FakePropertyOption[];
  displayOrder: number;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  externalOptions: boolean;
  hubspotDefined: boolean;
  readOnlyValue: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A property group as the fake stores it. */
export interface FakePropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
}

/** The properties and groups of one object type in one portal. */
export interface ObjectSchema {
  properties: Map<string, FakeProperty>;
  groups: Map<string, FakePropertyGroup>;
}

type Seed = [
  name: string,
  label: string,
  type: string,
  fieldType: string,
  extra?: Partial<FakeProperty>,
];

const READ_ONLY = { readOnlyValue: true };
const OWNER = { externalOptions: true };
const options = (...values: string[]): Partial<FakeProperty> => ({
  options: values.map((value, displayOrder) => ({
    label: value,
    value,
    hidden: false,
    displayOrder,
  })),
});

// A subset of what a new HubSpot portal has: the properties an OTP app reads or writes.
const SEEDS: Record<FakeObjectType, { group: FakePropertyGroup; properties: Seed[] }> = {
  contacts: {
    group: { name: "contactinformation", label: "Contact information", displayOrder: -1 },
    properties: [
      ["email", "Email", "string", "text"],
      ["firstname", "First Name", "string", "text"],
      ["lastname", "Last Name", "string", "text"],
      ["phone", "Phone Number", "string", "phonenumber"],
      ["mobilephone", "Mobile Phone Number", "string", "phonenumber"],
      ["company", "Company Name", "string", "text"],
      ["country", "Country/Region", "string", "text"],
      ["hubspot_owner_id", "Contact owner", "enumeration", "select", OWNER],
      [
        "lifecyclestage",
        "Lifecycle Stage",
        "enumeration",
        "radio",
        options("subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "customer"),
      ],
      ["createdate", "Create Date", "datetime", "date", READ_ONLY],
      ["lastmodifieddate", "Last Modified Date", "datetime", "date", READ_ONLY],
      ["hs_object_id", "Record ID", "number", "number", READ_ONLY],
    ],
  },
  deals: {
    group: { name: "dealinformation", label: "Deal information", displayOrder: -1 },
    properties: [
      ["dealname", "Deal Name", "string", "text"],
      ["amount", "Amount", "number", "number"],
      [
        "dealstage",
        "Deal Stage",
        "enumeration",
        "radio",
        options("appointmentscheduled", "closedwon", "closedlost"),
      ],
      ["pipeline", "Pipeline", "enumeration", "select", options("default")],
      ["closedate", "Close Date", "datetime", "date"],
      ["hubspot_owner_id", "Deal owner", "enumeration", "select", OWNER],
      ["createdate", "Create Date", "datetime", "date", READ_ONLY],
      ["hs_lastmodifieddate", "Last Modified Date", "datetime", "date", READ_ONLY],
      ["hs_object_id", "Record ID", "number", "number", READ_ONLY],
    ],
  },
};

/** The properties HubSpot returns when a read names none (GET by id, search). */
export const DEFAULT_READ: Record<FakeObjectType, readonly string[]> = {
  contacts: ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"],
  deals: [
    "amount",
    "closedate",
    "createdate",
    "dealname",
    "dealstage",
    "hs_lastmodifieddate",
    "hs_object_id",
    "pipeline",
  ],
};

/** The properties HubSpot always returns, whatever the read names. */
export const ALWAYS_READ: Record<FakeObjectType, readonly string[]> = {
  contacts: ["createdate", "hs_object_id", "lastmodifieddate"],
  deals: ["createdate", "hs_lastmodifieddate", "hs_object_id"],
};

/** The property that records the last write. */
export const MODIFIED: Record<FakeObjectType, string> = {
  contacts: "lastmodifieddate",
  deals: "hs_lastmodifieddate",
};

/** A fresh portal's schema for `type`. */
export function seedSchema(type: FakeObjectType, now: number): ObjectSchema {
  const seed = SEEDS[type];
  const properties = new Map<string, FakeProperty>();
  seed.properties.forEach(([name, label, kind, fieldType, extra], displayOrder) => {
    properties.set(name, {
      ...baseProperty(name, label, kind, fieldType, seed.group.name, now),
      displayOrder,
      hubspotDefined: true,
      ...extra,
    });
  });
  return { properties, groups: new Map([[seed.group.name, { ...seed.group }]]) };
}

/** A custom property with HubSpot's defaults for the optional fields. */
export function baseProperty(
  name: string,
  label: string,
  type: string,
  fieldType: string,
  groupName: string,
  now: number,
): FakeProperty {
  return {
    name,
    label,
    type,
    fieldType,
    groupName,
    description: "",
    options: [],
    displayOrder: -1,
    hasUniqueValue: false,
    hidden: false,
    formField: false,
    externalOptions: false,
    hubspotDefined: false,
    readOnlyValue: false,
    createdAt: now,
    updatedAt: now,
  };
}

/** The properties API's `Property` JSON. */
export function propertyJson(p: FakeProperty): Record<string, unknown> {
  const { readOnlyValue, createdAt, updatedAt, hubspotDefined, ...rest } = p;
  return {
    ...rest,
    calculated: false,
    archived: false,
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
    ...(hubspotDefined ? { hubspotDefined: true } : {}),
    modificationMetadata: {
      archivable: !hubspotDefined,
      readOnlyDefinition: hubspotDefined,
      readOnlyValue,
    },
  };
}

interface Invalid {
  isValid: false;
  message: string;
  error: string;
  name: string;
  localizedErrorMessage: string;
}

const MS = /^-?\d+$/;

/** The stored form of a valid value (HubSpot normalizes dates), or an error code + message. */
function normalize(p: FakeProperty, value: string): string | [string, string] {
  if (value === "") return value;
  switch (p.type) {
    case "number":
      return Number.isFinite(Number(value)) ? value : ["INVALID_FLOAT", `${value} is not a number`];
    case "bool":
      return value === "true" || value === "false"
        ? value
        : ["INVALID_BOOLEAN", `${value} is not a valid boolean`];
    case "datetime": {
      const ms = MS.test(value) ? Number(value) : Date.parse(value);
      return Number.isFinite(ms) ? iso(ms) : ["INVALID_DATETIME", `${value} is not a valid date`];
    }
    case "date": {
      const ms = MS.test(value) ? Number(value) : Date.parse(value);
      if (!Number.isFinite(ms)) return ["INVALID_DATE", `${value} is not a valid date`];
      // HubSpot's documented rule: a date property holds midnight UTC, nothing else.
      if (ms % 86_400_000 !== 0) {
        const t = new Date(ms);
        const at = `${t.getUTCHours()}:${t.getUTCMinutes()}:${t.getUTCSeconds()}.0`;
        return ["INVALID_DATE", `${value} is at ${at} UTC, not midnight!`];
      }
      return iso(ms).slice(0, 10);
    }
    case "enumeration": {
      if (p.externalOptions) return value;
      const allowed = p.options.map((o) => o.value);
      const picked = p.fieldType === "checkbox" ? value.split(";") : [value];
      const bad = picked.find((v) => !allowed.includes(v));
      return bad === undefined
        ? value
        : ["INVALID_OPTION", `${bad} was not one of the allowed options: [${allowed.join(", ")}]`];
    }
    default:
      if (p.name === "email" && !/^[^@\s]+@[^@\s]+$/.test(value)) {
        return ["INVALID_EMAIL", `Email address ${value} is invalid`];
      }
      return value;
  }
}

/**
 * Checks `properties` of a write against the schema the way HubSpot does: every property must
 * exist and be writable and every value must fit its type. Returns the normalized values, or
 * throws HubSpot's 400 `Property values were not valid: [...]`.
 */
export function checkWrite(schema: ObjectSchema, properties: unknown): Record<string, string> {
  if (typeof properties !== "object" || properties === null || Array.isArray(properties)) {
    throw validationError('Invalid input JSON: "properties" must be an object of strings');
  }
  const out: Record<string, string> = {};
  const errors: Invalid[] = [];
  const invalid = (name: string, error: string, message: string) =>
    errors.push({ isValid: false, message, error, name, localizedErrorMessage: message });
  for (const [name, raw] of Object.entries(properties)) {
    const p = schema.properties.get(name);
    if (p === undefined) {
      invalid(name, "PROPERTY_DOESNT_EXIST", `Property "${name}" does not exist`);
    } else if (p.readOnlyValue) {
      invalid(name, "READ_ONLY_VALUE", `${name} is a read only property; its value cannot be set.`);
    } else if (raw !== null && typeof raw === "object") {
      invalid(name, "INVALID_VALUE", `${name} must be a string`);
    } else {
      const result = normalize(p, raw === null ? "" : String(raw));
      if (typeof result === "string") out[name] = result;
      else invalid(name, result[0], result[1]);
    }
  }
  if (errors.length > 0) {
    throw validationError(`Property values were not valid: ${JSON.stringify(errors)}`);
  }
  return out;
}
