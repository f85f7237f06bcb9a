import type { MiddlewareHandler } from "hono";
import type { ApiKey } from "../db/api-keys.js";
import { errorBody } from "../http-errors.js";
import type { Runtime } from "../runtime.js";

/** The context of routes behind {@link apiKeyAuth}: the authenticated key. */
export type ApiEnv = { Variables: { apiKey: ApiKey } };

/**
 * `Authorization: Bearer otpk_…` for `/api/v1` and `/mcp`: a valid, unrevoked key is set as
 * `apiKey` (each key is its own tenant); anything else answers 401 with `WWW-Authenticate`.
 *
 * @example
 * api.use(apiKeyAuth(rt)); // then c.get("apiKey").id
 */
export function apiKeyAuth(rt: Runtime): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const key = token ? await rt.apiKeys.authenticate(token) : null;
    if (!key) {
      c.header("WWW-Authenticate", 'Bearer realm="otpkit"');
      return c.json(
        errorBody("UNAUTHORIZED", "Send a valid API key: Authorization: Bearer otpk_…"),
        401,
      );
    }
    c.set("apiKey", key);
    await next();
  };
}
