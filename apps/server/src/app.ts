import { Hono } from "hono";
import { requestClientIp } from "./client-ip.js";
import { accessLog } from "./http-access-log.js";
import { httpErrorHandler, notFound } from "./http-error-handler.js";
import { STYLESHEET } from "./pages/html.js";
import { apiRoutes } from "./routes/api.js";
import { hostedRoutes } from "./routes/hosted.js";
import { hubspotRoutes } from "./routes/hubspot.js";
import { mcpRoutes } from "./routes/mcp.js";
import { opsRoutes } from "./routes/ops.js";
import { outboxRoutes } from "./routes/outbox.js";
import { whatsappWebhookRoutes } from "./routes/whatsapp-webhook.js";
import type { Runtime } from "./runtime.js";

/** Shared between the app and the process: set on SIGTERM so /readyz turns 503 while draining. */
export interface AppState {
  shuttingDown: boolean;
}

/**
 * The whole HTTP surface of the server, as one Hono app (testable with `app.request()`): the
 * middleware every request passes, then each surface's route module.
 *
 * @throws {never}
 * @example
 * serve({ fetch: createApp(rt, state).fetch, port: 3000 });
 */
export function createApp(rt: Runtime, state: AppState = { shuttingDown: false }): Hono {
  const app = new Hono();
  // The outbox pages show live codes: development only, never in production.
  const outbox = rt.config.NODE_ENV !== "production" && Object.values(rt.outbox).some(Boolean);
  const whatsappWebhook = whatsappWebhookRoutes(rt);

  app.use(accessLog(rt)); // access log and latency histogram, by route pattern

  app.get("/", (c) => c.redirect(outbox ? "/dev/outbox" : "/healthz"));
  app.get("/assets/otpkit.css", (c) =>
    c.body(STYLESHEET, 200, {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    }),
  );
  app.route("/", opsRoutes(rt, state)); // /healthz, /readyz, /metrics
  app.route("/api/v1", apiRoutes(rt)); // the JSON API (API keys), conversations included
  app.route("/mcp", mcpRoutes(rt)); // the conversation MCP server (API keys)
  app.route("/verify", hostedRoutes(rt, requestClientIp(rt.config.TRUST_PROXY)));
  if (outbox) app.route("/dev", outboxRoutes(rt)); // /dev/outbox, /dev/outbox.json
  if (rt.hubspot) app.route("/hubspot", hubspotRoutes(rt.hubspot));
  if (whatsappWebhook) app.route("/webhooks/whatsapp", whatsappWebhook);

  app.notFound(notFound);
  app.onError(httpErrorHandler(rt));
  return app;
}
