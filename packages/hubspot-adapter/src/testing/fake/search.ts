// The CRM search API (`POST /crm/v3/objects/{type}/search`): filterGroups (OR of ANDs),
// sorts, paging, with HubSpot's documented limits (5 groups, 6 filters a group, 18 in all,
// 200 results a page, 10,000 a query). Unlike HubSpot, the fake's index has no lag.
import type { FakeResponse } from "./http.js";
import { bodyObject, isRecord, json, validationError } from "./http.js";
import type { StoredObject } from "./portal.js";
import type { RouteContext } from "./route.js";
import type { FakeObjectType } from "./schema.js";

const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 6;
const MAX_FILTERS = 18;
const MAX_LIMIT = 200;
const MAX_RESULTS = 10_000;
const QUERY_FIELDS = [
  "email",
  "firstname",
  "lastname",
  "phone",
  "mobilephone",
  "company",
  "dealname",
];

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
}

type Test = (value: string | undefined, filter: Filter) => boolean;

const lower = (v: string | undefined) => v?.toLowerCase();
const compare = (a: string, b: string) => {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.localeCompare(b);
};
const ordered = (ok: (c: number) => boolean): Test => {
  return (v, f) => v !== undefined && f.value !== undefined && ok(compare(v, f.value));
};

// String comparisons are case-insensitive, as in HubSpot's search.
const OPERATORS: Record<string, Test> = {
  EQ: (v, f) => v !== undefined && lower(v) === lower(f.value),
  NEQ: (v, f) => lower(v) !== lower(f.value),
  IN: (v, f) => v !== undefined && (f.values ?? []).some((x) => lower(x) === lower(v)),
  NOT_IN: (v, f) => !(f.values ?? []).some((x) => lower(x) === lower(v)),
  HAS_PROPERTY: (v) => v !== undefined,
  NOT_HAS_PROPERTY: (v) => v === undefined,
  CONTAINS_TOKEN: (v, f) => v !== undefined && lower(v)?.includes(lower(f.value) ?? "") === true,
  LT: ordered((c) => c < 0),
  LTE: ordered((c) => c <= 0),
  GT: ordered((c) => c > 0),
  GTE: ordered((c) => c >= 0),
};

function parseFilter(raw: unknown): Filter {
  if (!isRecord(raw) || typeof raw["propertyName"] !== "string") {
    throw validationError('Invalid input JSON: a filter needs "propertyName" and "operator"');
  }
  const operator = String(raw["operator"] ?? "");
  if (!(operator in OPERATORS)) throw validationError(`Unsupported filter operator: ${operator}`);
  const values = raw["values"];
  return {
    propertyName: raw["propertyName"],
    operator,
    ...(raw["value"] !== undefined ? { value: String(raw["value"]) } : {}),
    ...(Array.isArray(values) ? { values: values.map(String) } : {}),
  };
}

function parseGroups(raw: unknown): Filter[][] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw))
    throw validationError('Invalid input JSON: "filterGroups" must be a list');
  if (raw.length > MAX_GROUPS)
    throw validationError(`Too many filterGroups: ${raw.length} > ${MAX_GROUPS}`);
  const groups = raw.map((group) => {
    const filters = isRecord(group) ? group["filters"] : undefined;
    if (!Array.isArray(filters))
      throw validationError('Invalid input JSON: a filter group needs "filters"');
    if (filters.length > MAX_FILTERS_PER_GROUP) {
      throw validationError(
        `Too many filters in a group: ${filters.length} > ${MAX_FILTERS_PER_GROUP}`,
      );
    }
    return filters.map(parseFilter);
  });
  const total = groups.reduce((n, g) => n + g.length, 0);
  if (total > MAX_FILTERS) throw validationError(`Too many filters: ${total} > ${MAX_FILTERS}`);
  return groups;
}

function sorter(raw: unknown): (a: StoredObject, b: StoredObject) => number {
  const first = Array.isArray(raw) ? (raw[0] as unknown) : undefined;
  let name = "hs_object_id";
  let direction = 1;
  if (typeof first === "string") {
    name = first.replace(/^-/, "");
    direction = first.startsWith("-") ? -1 : 1;
  } else if (isRecord(first) && typeof first["propertyName"] === "string") {
    name = first["propertyName"];
    direction = first["direction"] === "DESCENDING" ? -1 : 1;
  }
  return (a, b) => direction * compare(a.properties[name] ?? "", b.properties[name] ?? "");
}

function intField(value: unknown, field: string, fallback: number, min: number, max: number) {
  if (value === undefined || value === null || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw validationError(
      `"${field}" must be an integer ${min}..${max}, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** Answers one search: `{ total, results, paging? }`. */
export function searchObjects(ctx: RouteContext, type: FakeObjectType): FakeResponse {
  const body = bodyObject(ctx.body, "PublicObjectSearchRequest");
  const groups = parseGroups(body["filterGroups"]);
  const limit = intField(body["limit"], "limit", 10, 0, MAX_LIMIT);
  const after = intField(body["after"], "after", 0, 0, MAX_RESULTS);
  if (after + limit > MAX_RESULTS)
    throw validationError(`Cannot page beyond ${MAX_RESULTS} results`);
  const text = typeof body["query"] === "string" ? body["query"].toLowerCase() : "";
  const matches = (record: StoredObject) => {
    const props = record.properties;
    if (text !== "" && !QUERY_FIELDS.some((f) => props[f]?.toLowerCase().includes(text)))
      return false;
    if (groups.length === 0) return true;
    return groups.some((group) =>
      group.every((f) => (OPERATORS[f.operator] as Test)(props[f.propertyName], f)),
    );
  };
  const found = [...ctx.portal.objects[type].values()].filter(matches).sort(sorter(body["sorts"]));
  const requested = Array.isArray(body["properties"]) ? body["properties"].map(String) : undefined;
  const page = found.slice(after, after + limit);
  const next = after + limit < found.length ? String(after + limit) : undefined;
  return json(200, {
    total: found.length,
    results: page.map((record) => ctx.portal.objectJson(type, record, requested)),
    ...(next !== undefined ? { paging: { next: { after: next } } } : {}),
  });
}
