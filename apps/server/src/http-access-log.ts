import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { Runtime } from "./runtime.js";

/**
 * The access log line and the latency histogram of every request. Paths are logged by route
 * pattern (`/verify/:id`), never the token in the URL itself, and no body is ever logged.
 *
 * @throws {never} Whatever the handlers throw goes to the app's `onError` first.
 * @example
 * app.use(accessLog(rt));
 */
export function accessLog(rt: Runtime): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const seconds = (performance.now() - start) / 1000;
    const route = routePath(c) || "unmatched";
    rt.metrics.request(c.req.method, route, c.res.status, seconds);
    rt.logger.info(
      { method: c.req.method, route, status: c.res.status, ms: Math.round(seconds * 1000) },
      "request",
    );
  };
}
