import { serve } from "@hono/node-server";
import type { Hono } from "hono";

/**
 * Serves `app` on 127.0.0.1:`PORT` (the bench's baselines, run as their own processes) and exits
 * 0 on SIGTERM once in-flight requests are answered, as the otpkit server does.
 *
 * @throws {Error} When PORT is not a port number.
 * @example
 * serveUntilSigterm(app, process.env.PORT);
 */
export function serveUntilSigterm(app: Hono, rawPort: string | undefined): void {
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`PORT must be a port number (1..65535), not "${rawPort}"`);
  }
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  process.once("SIGTERM", () => {
    server.close(() => process.exit(0));
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  });
}
