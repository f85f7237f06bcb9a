// Internal to the fake HubSpot: the response shape every route returns and HubSpot's error
// envelope. Not re-exported from the package.
import { randomUUID } from "node:crypto";

/** What a route answers. `body` is sent as JSON unless it is a string (sent as is). */
export interface FakeResponse {
  status: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Thrown by a route to answer with an error; the pipeline turns it into a FakeResponse. */
export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`fake HubSpot answered ${status}`);
    this.name = "FakeHttpError";
  }
}

/**
 * HubSpot's v3 error envelope (`developers.hubspot.com/docs/api-reference/error-handling`):
 * `{ status: "error", message, correlationId, category, ...extra }`.
 */
export function hubspotError(
  status: number,
  message: string,
  category: string,
  extra: Record<string, unknown> = {},
): FakeHttpError {
  return new FakeHttpError(status, {
    status: "error",
    message,
    correlationId: randomUUID(),
    category,
    ...extra,
  });
}

/** 400 VALIDATION_ERROR, HubSpot's answer to a malformed body or query. */
export function validationError(message: string, extra: Record<string, unknown> = {}) {
  return hubspotError(400, message, "VALIDATION_ERROR", extra);
}

/** 404 OBJECT_NOT_FOUND. */
export function notFound(message: string, extra: Record<string, unknown> = {}) {
  return hubspotError(404, message, "OBJECT_NOT_FOUND", extra);
}

/** A 201/200 JSON answer. */
export function json(status: number, body: unknown): FakeResponse {
  return { status, body };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The JSON body as an object, or a 400 naming what was expected. */
export function bodyObject(body: unknown, what: string): Record<string, unknown> {
  if (!isRecord(body)) throw validationError(`Invalid input JSON: expected ${what} object`);
  return body;
}

/** `value` as an array of at most `max` items, or a 400. */
export function boundedArray(value: unknown, field: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw validationError(`Invalid input JSON: "${field}" must be a list`);
  if (value.length > max) {
    throw validationError(`Too many inputs in "${field}": ${value.length} > ${max}`, {
      context: { [field]: [`max ${max}`] },
    });
  }
  return value;
}

/** Milliseconds since the epoch as HubSpot's ISO 8601 timestamp. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
