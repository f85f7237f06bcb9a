import type { Context } from "hono";
import { validator } from "hono/validator";
import type * as z from "zod";
import { errorResponse } from "./http-errors.js";

// Validation at the HTTP edge: `hono/validator` middleware over the zod schemas, and the one
// mapping from a zod failure to the API's 400. A handler behind these only ever sees valid input
// (`c.req.valid("json")`).

/** `application/json`, with or without parameters (`; charset=utf-8`). */
const JSON_TYPE = /^application\/json\b/i;

/**
 * The API's 400 for a zod failure: `VALIDATION_FAILED`, naming the field of the first issue
 * (`recipient.email`) and saying what is wrong with it. A problem with the whole input (an
 * unknown key of a strict object, say) names `where` instead.
 *
 * @param where What was validated: `body`, `query` or `path`.
 * @throws {never}
 * @example
 * const parsed = schema.safeParse(value);
 * if (!parsed.success) return validationFailed(c, parsed.error, "body");
 */
export function validationFailed(c: Context, error: z.ZodError, where: string): Response {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : where;
  return errorResponse(c, "VALIDATION_FAILED", `${field}: ${issue?.message ?? "invalid"}`, {
    field,
  });
}

/**
 * The field (`recipient.name`) of a string in `value` that holds a NUL character, or
 * null. Why refused at the edge, for every body and query: no name, address, key or text of
 * ours has one, and PostgreSQL's text columns refuse it, so it would otherwise fail deep in a
 * request (after a code was sent) as a 500.
 */
function nulField(value: unknown, where: string): string | null {
  // A loop, not recursion: a hostile body may nest thousands of levels deep.
  const pending: Array<[unknown, string[]]> = [[value, []]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === "string" && item.includes("\u0000")) return path.join(".") || where;
    if (typeof item === "object" && item !== null) {
      for (const [key, child] of Object.entries(item)) pending.push([child, [...path, key]]);
    }
  }
  return null;
}

function nulRefused(c: Context, field: string): Response {
  return errorResponse(c, "VALIDATION_FAILED", `${field}: remove the NUL character (\\u0000)`, {
    field,
  });
}

/**
 * A JSON body checked against `schema`: 415 `UNSUPPORTED_MEDIA_TYPE` for another content type,
 * 400 `VALIDATION_FAILED` for a schema violation or a NUL character in any string. A body that
 * does not parse makes `hono/validator` throw its `HTTPException(400)`, which the app answers as
 * `INVALID_JSON`.
 *
 * @throws {HTTPException} 400, from `hono/validator`, for JSON that does not parse.
 * @example
 * api.post("/verifications", jsonBody(startSchema), (c) => c.json(c.req.valid("json")));
 */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return validator("json", (value, c) => {
    if (!JSON_TYPE.test(c.req.header("content-type") ?? "")) {
      return errorResponse(c, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
    }
    const nul = nulField(value, "body");
    if (nul !== null) return nulRefused(c, nul);
    const parsed = schema.safeParse(value);
    return parsed.success
      ? (parsed.data as z.output<S>)
      : validationFailed(c, parsed.error, "body");
  });
}

/**
 * The query string checked against `schema` (a repeated parameter arrives as an array and is
 * refused by a string schema): 400 `VALIDATION_FAILED` naming the parameter.
 *
 * @throws {never}
 * @example
 * api.get("/audit", query(auditQuery), (c) => c.json(c.req.valid("query")));
 */
export function query<S extends z.ZodType>(schema: S) {
  return validator("query", (value, c) => {
    const nul = nulField(value, "query");
    if (nul !== null) return nulRefused(c, nul);
    const parsed = schema.safeParse(value);
    return parsed.success
      ? (parsed.data as z.output<S>)
      : validationFailed(c, parsed.error, "query");
  });
}

/**
 * The path parameters checked against `schema`: 400 `VALIDATION_FAILED` naming the parameter.
 *
 * @throws {never}
 * @example
 * routes.get("/:conversationId/session", params(paramSchema), (c) => c.json(c.req.valid("param")));
 */
export function params<S extends z.ZodType>(schema: S) {
  return validator("param", (value, c) => {
    const parsed = schema.safeParse(value);
    return parsed.success
      ? (parsed.data as z.output<S>)
      : validationFailed(c, parsed.error, "path");
  });
}
