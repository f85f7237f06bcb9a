import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { httpErrorHandler } from "../src/http-error-handler.js";
import { jsonBody, params, query } from "../src/http-validation.js";
import { createLogger } from "../src/logger.js";
import type { Runtime } from "../src/runtime.js";

// The edge's validation middleware on a bare app: the same middleware every JSON route uses.
const rt = { logger: createLogger("silent") } as unknown as Runtime;
const body = z.strictObject({
  name: z.string().trim().min(1),
  to: z.strictObject({ email: z.email() }),
});

function app(): Hono {
  const a = new Hono();
  a.post("/things", jsonBody(body), (c) => c.json({ got: c.req.valid("json") }));
  a.get("/things", query(z.object({ limit: z.coerce.number().int().min(1) })), (c) =>
    c.json({ got: c.req.valid("query") }),
  );
  a.get("/things/:id", params(z.object({ id: z.string().regex(/^\d+$/) })), (c) =>
    c.json({ got: c.req.valid("param") }),
  );
  a.post("/form", () => {
    throw new HTTPException(400, { message: "Malformed FormData request." });
  });
  a.onError(httpErrorHandler(rt));
  return a;
}

const post = (text: string, type: string | null = "application/json") =>
  app().request("/things", {
    method: "POST",
    headers: type === null ? {} : { "content-type": type },
    body: text,
  });

describe("validation middleware", () => {
  it("hands the handler the parsed, schema-checked body", async () => {
    const res = await post(JSON.stringify({ name: "  Ana ", to: { email: "ana@example.com" } }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: { name: "Ana", to: { email: "ana@example.com" } } });
  });

  it("answers 415 for another content type, 400 INVALID_JSON for a body that does not parse", async () => {
    for (const type of [null, "text/plain", "application/jsonx"]) {
      const res = await post("{}", type);
      expect(res.status, String(type)).toBe(415);
      expect(await res.json()).toEqual({
        error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the body as application/json" },
      });
    }
    const res = await post("{", "application/json; charset=utf-8");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: "INVALID_JSON", message: "The body is not valid JSON" },
    });
  });

  it("names the field of the first zod issue, or the whole input", async () => {
    const cases: Array<[unknown, string]> = [
      [{ name: "Ana", to: { email: "nope" } }, "to.email"],
      [{ name: " ", to: { email: "ana@example.com" } }, "name"],
      [{ name: "Ana", to: { email: "ana@example.com" }, admin: true }, "body"],
      [[], "body"],
    ];
    for (const [input, field] of cases) {
      const res = await post(JSON.stringify(input));
      expect(res.status, field).toBe(400);
      const { error } = (await res.json()) as { error: Record<string, string> };
      expect(error).toMatchObject({ code: "VALIDATION_FAILED", field });
      expect(error["message"]).toMatch(new RegExp(`^${field.replace(".", "\\.")}: .+`));
    }
  });

  it("checks query strings and path parameters the same way", async () => {
    const a = app();
    expect(await (await a.request("/things?limit=3")).json()).toEqual({ got: { limit: 3 } });
    for (const path of ["/things", "/things?limit=0", "/things?limit=1&limit=2"]) {
      const res = await a.request(path);
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: "VALIDATION_FAILED", field: "limit" },
      });
    }
    const res = await a.request("/things/abc");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", field: "id" } });
  });

  it("leaves other HTTP exceptions theirs: a bad form is not INVALID_JSON", async () => {
    const res = await app().request("/form", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: "--x",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("Malformed FormData request.");
  });
});
