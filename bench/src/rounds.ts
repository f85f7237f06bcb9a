import type { ConfigurationId, ScenarioId } from "./configuration-ids.js";
import { CONFIGURATION_INFO } from "./configuration-ids.js";
import type { Target } from "./configurations.js";
import { ms, whole } from "./format.js";
import type { RunResult } from "./load.js";
import { drive, failures } from "./load.js";
import type { ConfigurationWorkloads } from "./workloads.js";

/** A started configuration and what the bench sends it. */
export interface Contestant {
  readonly target: Target;
  readonly workloads: ConfigurationWorkloads;
}

/** One timed run. */
export interface RunRecord {
  /** 1-based. */
  round: number;
  configuration: ConfigurationId;
  scenario: ScenarioId;
  run: RunResult;
}

/** How the rounds run. */
export interface RoundsOptions {
  durationS: number;
  connections: number;
  rounds: number;
  warmupS: number;
  /** Progress lines (stderr in the CLI). */
  log: (line: string) => void;
}

/**
 * Fresh codes for the first check run when no rate is known yet (no issue run before it): that
 * run may end early, out of codes, which is fine for a warm-up; its rate sizes the next pools.
 */
const FIRST_POOL = 500;
/** Fresh codes prepared beyond the expected need. */
const POOL_MARGIN = 1.5;
/** A pause before each timed run, so set-up work never spills into it. */
const SETTLE_MS = 500;

/** Issue first: the verifications it creates feed the check run after it. */
function scenariosOf(id: ConfigurationId): ScenarioId[] {
  const scenarios = CONFIGURATION_INFO[id].scenarios;
  return [...scenarios.filter((s) => s === "issue"), ...scenarios.filter((s) => s !== "issue")];
}

function describe(run: RunResult): string {
  const bad = failures(run);
  return `${whole(run.rps)} req/s, p50 ${ms(run.p50Ms)}, p99 ${ms(run.p99Ms)}${bad > 0 ? `, ${bad} ERRORS` : ""}${run.exhausted ? ", ran out of codes" : ""}`;
}

/**
 * Warms every configuration up, then runs `rounds` rounds; each round runs every configuration's
 * scenarios in turn (round-robin), so drift on the machine hits all of them alike. Before each
 * check run, enough fresh codes are prepared (untimed) for the rate seen so far.
 *
 * @returns The timed runs, in the order they ran.
 * @throws {Error} When preparing codes fails (a broken configuration, not a slow one).
 * @example
 * const records = await runRounds(contestants, { durationS: 10, connections: 50, rounds: 3, warmupS: 3, log: console.error });
 */
export async function runRounds(
  contestants: readonly Contestant[],
  options: RoundsOptions,
): Promise<RunRecord[]> {
  // Check rates seen so far (else the issue rate) size the pools of fresh codes.
  const estimate = new Map<string, number>();
  const measure = async (c: Contestant, scenario: ScenarioId, durationS: number) => {
    if (scenario === "check") {
      const rps = estimate.get(`${c.target.id} check`) ?? estimate.get(`${c.target.id} issue`);
      await c.workloads.prepare(
        rps === undefined
          ? Math.max(FIRST_POOL, options.connections * 10)
          : Math.ceil(rps * durationS * POOL_MARGIN) + options.connections * 4,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const run = await drive(
      c.target.server.url,
      options.connections,
      { durationS },
      c.workloads.workload(scenario),
    );
    const key = `${c.target.id} ${scenario}`;
    estimate.set(key, Math.max(run.rps, estimate.get(key) ?? 0));
    return run;
  };

  if (options.warmupS > 0) {
    for (const c of contestants) {
      for (const scenario of scenariosOf(c.target.id)) {
        const run = await measure(c, scenario, options.warmupS);
        options.log(`warm-up  ${c.target.id} ${scenario}: ${describe(run)}`);
      }
    }
  }

  const records: RunRecord[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    for (const c of contestants) {
      for (const scenario of scenariosOf(c.target.id)) {
        const run = await measure(c, scenario, options.durationS);
        records.push({ round, configuration: c.target.id, scenario, run });
        options.log(`round ${round}  ${c.target.id} ${scenario}: ${describe(run)}`);
      }
    }
  }
  return records;
}
