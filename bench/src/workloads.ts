import type { ScenarioId } from "./configuration-ids.js";
import type { Target } from "./configurations.js";
import type { Workload } from "./load.js";
import { createNames } from "./requests.js";
import { bareHonoWorkloads, betterAuthWorkloads } from "./workloads-baselines.js";
import { otpkitWorkloads } from "./workloads-otpkit.js";

/** What the bench sends to one configuration, and the fresh codes it prepares for checks. */
export interface ConfigurationWorkloads {
  /** The scenario's requests; every check request takes its own fresh valid code. */
  workload(scenario: ScenarioId): Workload;
  /** Untimed set-up: makes sure at least `count` fresh codes are ready for checks. */
  prepare(count: number): Promise<void>;
  /** Fresh codes ready for checks (`Infinity` where a check needs none). */
  ready(): number;
}

/**
 * The workloads of a started configuration.
 *
 * @example
 * const w = workloadsFor(target, 50);
 * await w.prepare(5_000);
 */
export function workloadsFor(target: Target, connections: number): ConfigurationWorkloads {
  switch (target.id) {
    case "bare-hono":
      return bareHonoWorkloads(createNames());
    case "better-auth":
      return betterAuthWorkloads(target, createNames());
    default:
      return otpkitWorkloads(target, createNames(), connections);
  }
}
