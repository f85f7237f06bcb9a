// The CRM objects API for contacts and deals (`/crm/v3/objects/{type}`): read, create, update,
// batch update, with the status codes @hubspot/api-client 13.4.0 expects (200 get/update, 201
// create, 207 batch with errors).
import type { FakeResponse } from "./http.js";
import {
  bodyObject,
  boundedArray,
  hubspotError,
  iso,
  isRecord,
  json,
  notFound,
  validationError,
} from "./http.js";
import type { PortalState, StoredObject } from "./portal.js";
import type { Route, RouteContext } from "./route.js";
import type { FakeObjectType } from "./schema.js";
import { searchObjects } from "./search.js";

/** HubSpot's documented batch size limit. */
export const BATCH_MAX = 100;

const TYPE_PATTERN: Record<FakeObjectType, string> = {
  contacts: "(?:contacts|0-1)",
  deals: "(?:deals|0-3)",
};

/** The `properties` query parameter: repeated, or comma-separated; undefined when absent. */
export function requestedProperties(query: URLSearchParams): string[] | undefined {
  const names = query
    .getAll("properties")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  return names.length > 0 ? names : undefined;
}

function idPropertyOf(portal: PortalState, type: FakeObjectType, value: unknown) {
  if (value === undefined || value === null || value === "") return undefined;
  const name = String(value);
  const p = portal.schemas[type].properties.get(name);
  // email is HubSpot's built-in unique identifier for contacts; others must be declared unique.
  const unique =
    name === "hs_object_id" || (type === "contacts" && name === "email") || p?.hasUniqueValue;
  if (!unique) throw validationError(`${name} is not a unique identifier property`);
  return name;
}

function missing(id: string, idProperty: string | undefined) {
  if (idProperty === undefined && !/^\d+$/.test(id)) {
    return notFound("Object not found.  objectId are usually numeric.", { context: { id: [id] } });
  }
  return notFound("resource not found");
}

function getById(ctx: RouteContext, type: FakeObjectType): FakeResponse {
  const [id = ""] = ctx.params;
  const idProperty = idPropertyOf(ctx.portal, type, ctx.query.get("idProperty"));
  const record = ctx.portal.find(type, id, idProperty);
  if (record === undefined) throw missing(id, idProperty);
  return json(200, ctx.portal.objectJson(type, record, requestedProperties(ctx.query)));
}

function update(ctx: RouteContext, type: FakeObjectType): FakeResponse {
  const [id = ""] = ctx.params;
  const idProperty = idPropertyOf(ctx.portal, type, ctx.query.get("idProperty"));
  const body = bodyObject(ctx.body, "SimplePublicObjectInput");
  const properties = ctx.portal.check(type, body["properties"]);
  const record = ctx.portal.find(type, id, idProperty);
  if (record === undefined) throw missing(id, idProperty);
  ctx.portal.write(type, record, properties);
  return json(200, ctx.portal.objectJson(type, record, Object.keys(properties)));
}

function create(ctx: RouteContext, type: FakeObjectType): FakeResponse {
  const body = bodyObject(ctx.body, "SimplePublicObjectInputForCreate");
  const properties = ctx.portal.check(type, body["properties"]);
  const email = properties["email"];
  if (type === "contacts" && email !== undefined && email !== "") {
    const existing = ctx.portal.find("contacts", email, "email");
    if (existing !== undefined) {
      throw hubspotError(409, `Contact already exists. Existing ID: ${existing.id}`, "CONFLICT");
    }
  }
  const values = Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== ""));
  const id = ctx.portal.insert(type, values);
  const record = ctx.portal.objects[type].get(id) as StoredObject;
  return json(201, ctx.portal.objectJson(type, record, Object.keys(properties)));
}

function batchUpdate(ctx: RouteContext, type: FakeObjectType): FakeResponse {
  const started = ctx.world.now();
  const body = bodyObject(ctx.body, "BatchInputSimplePublicObjectBatchInput");
  const inputs = boundedArray(body["inputs"], "inputs", BATCH_MAX).map((input) => {
    if (!isRecord(input) || typeof input["id"] !== "string" || input["id"] === "") {
      throw validationError('Invalid input JSON: every input needs an "id" string');
    }
    const idProperty = idPropertyOf(ctx.portal, type, input["idProperty"]);
    return { id: input["id"], idProperty, properties: ctx.portal.check(type, input["properties"]) };
  });
  const ids = inputs.map((i) => i.id);
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (duplicates.length > 0) {
    throw validationError(
      `Duplicate IDs found in batch input: [${[...new Set(duplicates)].join(", ")}]`,
    );
  }
  const results: unknown[] = [];
  const notFoundIds: string[] = [];
  for (const input of inputs) {
    const record = ctx.portal.find(type, input.id, input.idProperty);
    if (record === undefined) {
      notFoundIds.push(input.id);
      continue;
    }
    ctx.portal.write(type, record, input.properties);
    results.push(ctx.portal.objectJson(type, record, Object.keys(input.properties)));
  }
  const envelope = {
    status: "COMPLETE",
    results,
    startedAt: iso(started),
    completedAt: iso(ctx.world.now()),
  };
  if (notFoundIds.length === 0) return json(200, envelope);
  const kind = type === "contacts" ? "CONTACT" : "DEAL";
  return json(207, {
    ...envelope,
    numErrors: 1,
    errors: [
      {
        status: "error",
        category: "OBJECT_NOT_FOUND",
        message: `Could not get some ${kind} objects, they may be deleted or not exist. Check that ids are valid.`,
        context: { ids: notFoundIds },
      },
    ],
  });
}

/** The routes of one object type; scopes are HubSpot's granular CRM scopes. */
export function objectRoutes(type: FakeObjectType): Route[] {
  const base = `^/crm/v3/objects/${TYPE_PATTERN[type]}`;
  const read = `crm.objects.${type}.read`;
  const write = `crm.objects.${type}.write`;
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
  return [
    route("POST", "/batch/update", write, (ctx) => batchUpdate(ctx, type)),
    { ...route("POST", "/search", read, (ctx) => searchObjects(ctx, type)), limit: "search" },
    route("GET", "/([^/]+)", read, (ctx) => getById(ctx, type)),
    route("PATCH", "/([^/]+)", write, (ctx) => update(ctx, type)),
    route("POST", "/?", write, (ctx) => create(ctx, type)),
  ];
}
