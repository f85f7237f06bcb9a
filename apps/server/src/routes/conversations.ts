import type { Context } from "hono";
import { Hono } from "hono";
import { validator } from "hono/validator";
import * as z from "zod";
import { errorBody } from "../http-errors.js";
import type { Runtime } from "../runtime.js";
import type { ApiEnv } from "./api-key-auth.js";

const conversationId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, { error: "1..128 letters, digits and _ . : - only" });

const paramSchema = z.object({ conversationId });

const startSchema = z.strictObject({
  identifier: z.string().trim().min(1).max(256),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: "use a BCP 47 tag such as en or es-MX" })
    .optional(),
});

const messageSchema = z.strictObject({ text: z.string().min(1).max(1000) });

/** The first zod issue as the API's 400: `VALIDATION_FAILED` naming the field. */
function invalid(c: Context, error: z.ZodError): Response {
  const issue = error.issues[0]!;
  const field = issue.path.join(".") || "body";
  return c.json(errorBody("VALIDATION_FAILED", `${field}: ${issue.message}`, { field }), 400);
}

/** `hono/validator` for a JSON body: 415 for another content type, 400 for a schema violation. */
function jsonBody<T>(schema: z.ZodType<T>) {
  return validator("json", (value, c) => {
    if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) {
      return c.json(errorBody("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json"), 415);
    }
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : invalid(c, parsed.error);
  });
}

const param = validator("param", (value, c) => {
  const parsed = paramSchema.safeParse(value);
  return parsed.success ? parsed.data : invalid(c, parsed.error);
});

/**
 * The conversation flow of seed 004 over HTTP (`/api/v1/conversations/:conversationId/…`), mounted
 * inside the API routes: their API-key middleware runs first, and each key is its own tenant.
 * Every answer is `{ state, reply }` (the agent says `reply`); no answer ever carries the code.
 * Without CONVERSATION_DIRECTORY_FILE every route answers 404 `NOT_FOUND`, naming the variable.
 */
export function conversationRoutes(rt: Runtime): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const conversations = rt.conversations;
  if (!conversations) {
    routes.all("*", (c) =>
      c.json(
        errorBody(
          "NOT_FOUND",
          "Conversations are not configured on this server: set CONVERSATION_DIRECTORY_FILE (or CONVERSATION_HUBSPOT_PORTAL_ID)",
        ),
        404,
      ),
    );
    return routes;
  }
  const auth = (c: Context<ApiEnv>) => conversations.forKey(c.get("apiKey").id);

  routes.post("/:conversationId/start", param, jsonBody(startSchema), async (c) => {
    const { conversationId } = c.req.valid("param");
    const { identifier, locale } = c.req.valid("json");
    return c.json(
      await auth(c).start({ conversationId, identifier, ...(locale ? { locale } : {}) }),
    );
  });

  routes.post("/:conversationId/messages", param, jsonBody(messageSchema), async (c) => {
    const { conversationId } = c.req.valid("param");
    return c.json(await auth(c).submit({ conversationId, text: c.req.valid("json").text }));
  });

  routes.get("/:conversationId/session", param, async (c) =>
    c.json(await auth(c).status({ conversationId: c.req.valid("param").conversationId })),
  );

  routes.delete("/:conversationId/session", param, async (c) =>
    c.json(await auth(c).end({ conversationId: c.req.valid("param").conversationId })),
  );

  return routes;
}
