import { handleConversationMcpRequest } from "@otpkit/conversation-mcp";
import { isOtpError } from "@otpkit/otp-core";
import { Hono } from "hono";
import { errorResponse, HTTP_ERROR_STATUS, publicMessage } from "../http-errors.js";
import type { Runtime } from "../runtime.js";
import type { ApiEnv } from "./api-key-auth.js";
import { apiKeyAuth } from "./api-key-auth.js";
import { CONVERSATIONS_OFF } from "./conversations.js";

/**
 * The conversation MCP server over streamable HTTP (`/mcp`), behind the API's key auth: each key
 * is its own tenant, exactly as in `/api/v1/conversations`. Stateless (see
 * `handleConversationMcpRequest`): POST answers JSON; GET and DELETE answer 405; bad bodies get
 * the transport's 4xx, never a 500. Without a conversation directory every request answers 404
 * `NOT_FOUND`, naming the variables.
 */
export function mcpRoutes(rt: Runtime): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use(apiKeyAuth(rt));
  const conversations = rt.conversations;
  if (!conversations) {
    routes.all("*", (c) => errorResponse(c, "NOT_FOUND", CONVERSATIONS_OFF));
    return routes;
  }
  routes.all("/", (c) =>
    handleConversationMcpRequest(c.req.raw, {
      auth: conversations.forKey(c.get("apiKey").id),
      maxRequestBodySize: rt.config.API_BODY_LIMIT_BYTES,
      // The model reads what an API client would: the engine's words for a 4xx, a generic
      // sentence for a 5xx; the details go to the log.
      describeError(error, tool) {
        const known = isOtpError(error);
        const level = known && HTTP_ERROR_STATUS[error.code] < 500 ? "warn" : "error";
        const err = { code: known ? error.code : "INTERNAL", message: (error as Error)?.message };
        rt.logger[level]({ err, tool }, "mcp tool error");
        return known ? publicMessage(error) : "The service could not complete the request";
      },
    }),
  );
  return routes;
}
