import { Hono } from "hono";
import type { Runtime } from "../runtime.js";

/** `/healthz` (process up), `/readyz` (store and database reachable), `/metrics` (Prometheus). */
export function opsRoutes(rt: Runtime, state: { shuttingDown: boolean }): Hono {
  const ops = new Hono();
  ops.get("/healthz", (c) => c.json({ status: "ok" }));
  ops.get("/readyz", async (c) => {
    const checks = await rt.readiness();
    const ready = checks.store && checks.database && !state.shuttingDown;
    return c.json(
      { status: ready ? "ready" : "not_ready", checks, shuttingDown: state.shuttingDown },
      ready ? 200 : 503,
    );
  });
  ops.get("/metrics", async (c) => {
    c.header("Content-Type", rt.metrics.registry.contentType);
    return c.body(await rt.metrics.registry.metrics());
  });
  return ops;
}
