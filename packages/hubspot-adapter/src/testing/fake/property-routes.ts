// The CRM properties API (`/crm/v3/properties/{objectType}`): list, read, create (201; 409 on
// a duplicate name), update, and property groups, for contacts and deals.
import type { FakeResponse } from "./http.js";
import { bodyObject, hubspotError, isRecord, json, notFound, validationError } from "./http.js";
import type { Route, RouteContext } from "./route.js";
import type { FakeObjectType, FakeProperty, FakePropertyOption } from "./schema.js";
import { baseProperty, propertyJson } from "./schema.js";

// PropertyCreate's enums in @hubspot/api-client 13.4.0 (codegen/crm/properties/models).
const TYPES = ["string", "number", "date", "datetime", "enumeration", "bool"];
const FIELD_TYPES = [
  "text",
  "textarea",
  "date",
  "file",
  "number",
  "select",
  "radio",
  "checkbox",
  "booleancheckbox",
  "calculation_equation",
  "phonenumber",
];
const NAME = /^[a-z][a-z0-9_]*$/;

function text(body: Record<string, unknown>, field: string, required: boolean): string | undefined {
  const value = body[field];
  if (value === undefined && !required) return undefined;
  if (typeof value !== "string" || value === "") {
    throw validationError(`Invalid input JSON: "${field}" is required and must be a string`, {
      context: { [field]: ["required"] },
    });
  }
  return value;
}

function parseOptions(raw: unknown): FakePropertyOption[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw validationError('Invalid input JSON: "options" must be a list');
  return raw.map((o, i) => {
    // OptionInput: label, value and hidden are required (hidden is a required boolean in 13.4.0).
    if (!isRecord(o) || typeof o["label"] !== "string" || typeof o["value"] !== "string") {
      throw validationError('Invalid input JSON: an option needs "label" and "value" strings');
    }
    if (typeof o["hidden"] !== "boolean") {
      throw validationError('Invalid input JSON: an option needs a "hidden" boolean');
    }
    const order = typeof o["displayOrder"] === "number" ? o["displayOrder"] : i;
    const description =
      typeof o["description"] === "string" ? { description: o["description"] } : {};
    return {
      label: o["label"],
      value: o["value"],
      hidden: o["hidden"],
      displayOrder: order,
      ...description,
    };
  });
}

function applyOptional(p: FakeProperty, body: Record<string, unknown>): void {
  const options = parseOptions(body["options"]);
  if (options !== undefined) p.options = options;
  if (typeof body["description"] === "string") p.description = body["description"];
  if (typeof body["displayOrder"] === "number") p.displayOrder = body["displayOrder"];
  for (const flag of ["hasUniqueValue", "hidden", "formField", "externalOptions"] as const) {
    if (typeof body[flag] === "boolean") p[flag] = body[flag];
  }
}

function checkKinds(type: string, fieldType: string): void {
  if (!TYPES.includes(type)) throw validationError(`Invalid property type: ${type}`);
  if (!FIELD_TYPES.includes(fieldType)) throw validationError(`Invalid fieldType: ${fieldType}`);
}

function createProperty(ctx: RouteContext, objectType: FakeObjectType): FakeResponse {
  const schema = ctx.portal.schemas[objectType];
  const body = bodyObject(ctx.body, "PropertyCreate");
  const name = text(body, "name", true) as string;
  const label = text(body, "label", true) as string;
  const type = text(body, "type", true) as string;
  const fieldType = text(body, "fieldType", true) as string;
  const groupName = text(body, "groupName", true) as string;
  if (!NAME.test(name)) throw validationError(`Invalid property name: ${name}`);
  checkKinds(type, fieldType);
  if (!schema.groups.has(groupName)) {
    throw validationError(`Property group ${groupName} does not exist`, {
      context: { groupName: [groupName] },
    });
  }
  if (schema.properties.has(name)) {
    throw hubspotError(409, `Property named '${name}' already exists.`, "OBJECT_ALREADY_EXISTS", {
      context: { name: [name] },
    });
  }
  const property = baseProperty(name, label, type, fieldType, groupName, ctx.world.now());
  applyOptional(property, body);
  schema.properties.set(name, property);
  return json(201, propertyJson(property));
}

function updateProperty(ctx: RouteContext, objectType: FakeObjectType): FakeResponse {
  const [name = ""] = ctx.params;
  const property = ctx.portal.schemas[objectType].properties.get(name);
  if (property === undefined) throw notFound(`Unable to find property ${name}`);
  if (property.hubspotDefined) throw validationError(`${name} is a HubSpot defined property`);
  const body = bodyObject(ctx.body, "PropertyUpdate");
  const next = { ...property, updatedAt: ctx.world.now() };
  for (const field of ["label", "type", "fieldType", "groupName"] as const) {
    const value = text(body, field, false);
    if (value !== undefined) next[field] = value;
  }
  checkKinds(next.type, next.fieldType);
  applyOptional(next, body);
  ctx.portal.schemas[objectType].properties.set(name, next);
  return json(200, propertyJson(next));
}

function createGroup(ctx: RouteContext, objectType: FakeObjectType): FakeResponse {
  const groups = ctx.portal.schemas[objectType].groups;
  const body = bodyObject(ctx.body, "PropertyGroupCreate");
  const name = text(body, "name", true) as string;
  const label = text(body, "label", true) as string;
  if (!NAME.test(name)) throw validationError(`Invalid property group name: ${name}`);
  if (groups.has(name)) {
    throw hubspotError(
      409,
      `Property group named '${name}' already exists.`,
      "OBJECT_ALREADY_EXISTS",
      {
        context: { name: [name] },
      },
    );
  }
  const displayOrder = typeof body["displayOrder"] === "number" ? body["displayOrder"] : -1;
  groups.set(name, { name, label, displayOrder });
  return json(201, { name, label, displayOrder, archived: false });
}

/** The routes of one object type's schema. */
export function propertyRoutes(objectType: FakeObjectType): Route[] {
  const id = objectType === "contacts" ? "(?:contacts|0-1)" : "(?:deals|0-3)";
  const base = `^/crm/v3/properties/${id}`;
  const read = `crm.schemas.${objectType}.read`;
  const write = `crm.schemas.${objectType}.write`;
  const route = (
    method: string,
    suffix: string,
    scope: string,
    handle: Route["handle"],
  ): Route => ({
    method,
    pattern: new RegExp(`${base}${suffix}$`),
    auth: "bearer",
    scope,
    limit: "burst",
    handle,
  });
  const schema = (ctx: RouteContext) => ctx.portal.schemas[objectType];
  return [
    route("GET", "/groups/?", read, (ctx) =>
      json(200, {
        results: [...schema(ctx).groups.values()].map((g) => ({ ...g, archived: false })),
      }),
    ),
    route("GET", "/groups/([^/]+)", read, (ctx) => {
      const group = schema(ctx).groups.get(ctx.params[0] ?? "");
      if (group === undefined) throw notFound(`Unable to find property group ${ctx.params[0]}`);
      return json(200, { ...group, archived: false });
    }),
    route("POST", "/groups/?", write, (ctx) => createGroup(ctx, objectType)),
    route("GET", "/?", read, (ctx) =>
      json(200, { results: [...schema(ctx).properties.values()].map(propertyJson) }),
    ),
    route("GET", "/([^/]+)", read, (ctx) => {
      const property = schema(ctx).properties.get(ctx.params[0] ?? "");
      if (property === undefined) throw notFound(`Unable to find property ${ctx.params[0]}`);
      return json(200, propertyJson(property));
    }),
    route("POST", "/?", write, (ctx) => createProperty(ctx, objectType)),
    route("PATCH", "/([^/]+)", write, (ctx) => updateProperty(ctx, objectType)),
  ];
}
