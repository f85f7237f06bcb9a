import type { OtpEvent, VerifyResult } from "@otpkit/otp-core";
import { OTP_EVENT_TYPES } from "@otpkit/otp-core";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * Prometheus metrics: OTP events by type and channel, verify outcomes, HTTP latency (all
 * `otpkit_*`), and prom-client's process and Node.js metrics under their standard names
 * (`process_*`, `nodejs_*`), the names the usual Node.js dashboards and alerts query.
 */
export interface Metrics {
  readonly registry: Registry;
  event(event: OtpEvent): void;
  outcome(result: VerifyResult, via: "api" | "hosted"): void;
  request(method: string, route: string, status: number, seconds: number): void;
}

/**
 * A registry of its own (two apps in one process, as in tests, never share counters).
 *
 * @throws {never}
 * @example
 * const metrics = createMetrics();
 * await metrics.registry.metrics(); // "# HELP process_cpu_user_seconds_total …"
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  // No prefix: prom-client's names already say `process_` / `nodejs_`, and a prefix would only
  // double it (`otpkit_process_process_cpu_…`) and hide them from standard dashboards.
  collectDefaultMetrics({ register: registry });
  const events = new Counter({
    name: "otpkit_otp_events_total",
    help: `OTP lifecycle events (${OTP_EVENT_TYPES.join(", ")}) by channel`,
    labelNames: ["event", "channel", "test"],
    registers: [registry],
  });
  const outcomes = new Counter({
    name: "otpkit_verify_outcomes_total",
    help: "Results of code checks by outcome and entry point",
    labelNames: ["outcome", "via"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "otpkit_http_request_duration_seconds",
    help: "HTTP request latency by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    registry,
    event(event) {
      events.inc({
        event: event.type,
        channel: event.channel ?? "none",
        test: event.test ? "true" : "false",
      });
    },
    outcome(result, via) {
      outcomes.inc({ outcome: result.status, via });
    },
    request(method, route, status, seconds) {
      latency.observe({ method, route, status: String(status) }, seconds);
    },
  };
}
