import { getConnInfo } from "@hono/node-server/conninfo";
import { createWhatsAppWebhookHandler } from "@otpkit/delivery-whatsapp";
import { isOtpError } from "@otpkit/otp-core";
import type { Context } from "hono";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { routePath } from "hono/route";
import { clientAddress } from "./client-ip.js";
import { errorBody, publicMessage, STATUS_BY_CODE } from "./http-errors.js";
import { STYLESHEET } from "./pages/html.js";
import { apiRoutes } from "./routes/api.js";
import { hostedRoutes } from "./routes/hosted.js";
import { hubspotRoutes } from "./routes/hubspot.js";
import { mcpRoutes } from "./routes/mcp.js";
import { opsRoutes } from "./routes/ops.js";
import { outboxRoutes } from "./routes/outbox.js";
import type { Runtime } from "./runtime.js";

/** Shared between the app and the process: set on SIGTERM so /readyz turns 503 while draining. */
export interface AppState {
  shuttingDown: boolean;
}

/** The whole HTTP surface of the server, as one Hono app (testable with `app.request()`). */
export function createApp(rt: Runtime, state: AppState = { shuttingDown: false }): Hono {
  const app = new Hono();

  /** The client address: the socket peer, or the X-Forwarded-For hop the trusted proxies wrote. */
  function clientIp(c: Context): string {
    let peer: string;
    try {
      peer = getConnInfo(c).remote.address ?? "unknown";
    } catch {
      peer = "local"; // app.request() in tests has no socket
    }
    return clientAddress(peer, c.req.header("x-forwarded-for"), rt.config.TRUST_PROXY);
  }

  // Access log and latency histogram. Paths are logged by route pattern: `/verify/:id`, never
  // the token itself, and no body is ever logged.
  app.use(async (c, next) => {
    const start = performance.now();
    await next();
    const seconds = (performance.now() - start) / 1000;
    const route = routePath(c) || "unmatched";
    rt.metrics.request(c.req.method, route, c.res.status, seconds);
    rt.logger.info(
      { method: c.req.method, route, status: c.res.status, ms: Math.round(seconds * 1000) },
      "request",
    );
  });

  app.get("/assets/otpkit.css", (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(STYLESHEET);
  });
  // The outbox page shows live codes: development only, never in production.
  const outboxPage =
    rt.config.NODE_ENV !== "production" && Boolean(rt.outbox.email || rt.outbox.whatsapp);
  app.get("/", (c) => c.redirect(outboxPage ? "/dev/outbox" : "/healthz"));
  app.route("/", opsRoutes(rt, state));
  app.route("/api/v1", apiRoutes(rt));
  app.route("/mcp", mcpRoutes(rt));
  app.route("/verify", hostedRoutes(rt, clientIp));
  if (outboxPage) app.route("/dev/outbox", outboxRoutes(rt));
  if (rt.hubspot) app.route("/hubspot", hubspotRoutes(rt.hubspot));

  if (rt.config.WHATSAPP_APP_SECRET && rt.config.WHATSAPP_VERIFY_TOKEN) {
    const webhook = createWhatsAppWebhookHandler({
      appSecret: rt.config.WHATSAPP_APP_SECRET,
      verifyToken: rt.config.WHATSAPP_VERIFY_TOKEN,
      // Remembered in the shared store (across processes and restarts). Its keys start with the
      // handler's prefix, never with `{` like otp-core's record keys.
      seen: rt.store,
      // Statuses and fraud signals join the audit trail of the subject the message went to. A
      // throw here answers 500, so Meta delivers the event again later.
      onEvent: async (event) => {
        const report =
          event.type === "delivery_status"
            ? {
                type: event.type,
                at: event.at ?? rt.now(),
                channel: "whatsapp",
                messageId: event.messageId,
                reason: event.status,
                destination: event.recipient,
                ...(event.error ? { error: `WHATSAPP_${event.error.code}` } : {}),
              }
            : event.replyTo
              ? {
                  type: event.type,
                  at: event.at ?? rt.now(),
                  channel: "whatsapp",
                  messageId: event.replyTo,
                  reason: event.payload,
                  destination: event.from,
                }
              : null;
        const known = report ? await rt.audit.recordProvider(report) : false;
        const level = event.type === "fraud_signal" ? "warn" : "info";
        rt.logger[level](
          { webhook: "whatsapp", event: event.type, known },
          "whatsapp webhook event",
        );
      },
    });
    // The handler reads the untouched body itself: the signature covers the raw bytes.
    app.on(["GET", "POST"], "/webhooks/whatsapp", (c) => webhook(c.req.raw));
  }

  app.notFound((c) =>
    c.req.path.startsWith("/api/")
      ? c.json(errorBody("NOT_FOUND", "No such endpoint"), 404)
      : c.text("Not found", 404),
  );

  // Operational failures map through one table; anything else is our bug: 500 without details.
  app.onError((failure, c) => {
    // hono/validator throws this for a JSON body that does not parse: bad input, not our bug.
    if (failure instanceof HTTPException && failure.status === 400) {
      return c.json(errorBody("INVALID_JSON", "The body is not valid JSON"), 400);
    }
    // A delivery that failed only because the channel refuses the recipient (an address or a name
    // the channel's stricter rules reject, a mailbox the server refuses) is bad input: 422, not 502.
    const cause = isOtpError(failure) && failure.code === "DELIVERY_FAILED" ? failure.cause : null;
    const error = isOtpError(cause) && cause.code === "RECIPIENT_INVALID" ? cause : failure;
    if (isOtpError(error)) {
      const status = STATUS_BY_CODE[error.code];
      const log = status >= 500 ? rt.logger.error.bind(rt.logger) : rt.logger.warn.bind(rt.logger);
      log({ err: { code: error.code, message: error.message, field: error.field } }, "otp error");
      if (error.retryable) c.header("Retry-After", "1");
      return c.json(
        errorBody(error.code, publicMessage(error), {
          ...(error.field ? { field: apiField(error) } : {}),
        }),
        status,
      );
    }
    rt.logger.error({ err: { message: error.message, stack: error.stack } }, "unhandled error");
    return c.json(errorBody("INTERNAL", "Internal error"), 500);
  });

  return app;
}

/** A channel names the address `to`; the API caller knows it as the recipient's email or phone. */
function apiField(error: { field: string | undefined; source: string | undefined }): string {
  if (error.field !== "to") return error.field ?? "";
  return error.source === "whatsapp" ? "recipient.phone" : "recipient.email";
}
