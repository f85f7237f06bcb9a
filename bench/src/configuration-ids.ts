/** The configurations the bench runs, in table order: baselines first and last. */
export const CONFIGURATION_IDS = [
  "bare-hono",
  "otpkit-sqlite",
  "otpkit-redis-sqlite",
  "otpkit-redis-pg",
  "better-auth",
] as const;

/** One of {@link CONFIGURATION_IDS}. */
export type ConfigurationId = (typeof CONFIGURATION_IDS)[number];

/** What a run measures: checking a fresh valid code, or issuing one (to a test recipient). */
export type ScenarioId = "check" | "issue";

/** How each configuration is named in tables and charts, and whether it is a baseline. */
export const CONFIGURATION_INFO: Record<
  ConfigurationId,
  { label: string; baseline: boolean; scenarios: readonly ScenarioId[] }
> = {
  "bare-hono": {
    label: "bare Hono POST (baseline)",
    baseline: true,
    scenarios: ["check", "issue"],
  },
  "otpkit-sqlite": {
    label: "otpkit, zero-config (SQLite store + SQLite app DB)",
    baseline: false,
    scenarios: ["check", "issue"],
  },
  "otpkit-redis-sqlite": {
    label: "otpkit, Redis store + SQLite app DB",
    baseline: false,
    scenarios: ["check", "issue"],
  },
  "otpkit-redis-pg": {
    label: "otpkit, Redis + PostgreSQL",
    baseline: false,
    scenarios: ["check", "issue"],
  },
  "better-auth": {
    label: "better-auth 1.7 emailOTP verify-email (SQLite, baseline)",
    baseline: true,
    scenarios: ["check"],
  },
};
