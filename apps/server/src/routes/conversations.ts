import type { Context } from "hono";
import { Hono } from "hono";
import * as z from "zod";
import { errorResponse } from "../http-errors.js";
import { jsonBody, params } from "../http-validation.js";
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

const param = params(paramSchema);

/** What every conversation route (and `/mcp`) answers while no directory is configured. */
export const CONVERSATIONS_OFF =
  "Conversations are not configured on this server: set CONVERSATION_DIRECTORY_FILE (or CONVERSATION_HUBSPOT_PORTAL_ID)";

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
    routes.all("*", (c) => errorResponse(c, "NOT_FOUND", CONVERSATIONS_OFF));
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
