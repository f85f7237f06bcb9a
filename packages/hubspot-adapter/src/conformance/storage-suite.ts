import { describe, it } from "vitest";
import type { HubSpotAppStorage } from "../storage.js";
import type { StorageCase } from "./storage-cases.js";
import { randomContext, VALUE_CASES } from "./storage-cases.js";
import { PENDING_CASES } from "./storage-pending-cases.js";
import { RACE_CASES } from "./storage-race-cases.js";

const CASES = { ...VALUE_CASES, ...PENDING_CASES, ...RACE_CASES } satisfies Record<
  string,
  StorageCase
>;

/** The name of one case of {@link describeHubSpotStorage}. */
export type HubSpotStorageTestName = keyof typeof CASES;

/** Every case {@link describeHubSpotStorage} registers, by its exact test name. */
export const HUBSPOT_STORAGE_TESTS = Object.keys(CASES) as readonly HubSpotStorageTestName[];

/** Options of {@link describeHubSpotStorage}. */
export interface DescribeHubSpotStorageOptions {
  /** The implementation's name, shown in the suite title `HubSpotAppStorage conformance: <name>`. */
  name: string;
  /**
   * Called once per test. Must return an EMPTY storage that shares no rows with any returned
   * before (a fresh SQLite file, a fresh PostgreSQL schema, or tables truncated here): the due
   * list spans every portal, so rows left by another test would show up in it.
   */
  create: () => HubSpotAppStorage | Promise<HubSpotAppStorage>;
  /** Called after each test (also a failed one) with the storage it used: close or drop it. */
  cleanup?: (storage: HubSpotAppStorage) => void | Promise<void>;
}

/** A case touches a handful of rows; this leaves room for a slow remote database. */
const TEST_TIMEOUT_MS = 20_000;

/**
 * Registers the conformance suite of {@link HubSpotAppStorage}: one vitest
 * `describe("HubSpotAppStorage conformance: <name>")` with a case per entry of
 * {@link HUBSPOT_STORAGE_TESTS}. It checks every method's contract: tokens (upsert,
 * compare-and-set that never creates, delete), settings, single-use OAuth states that expire,
 * first-save-wins callback results, pending callbacks (idempotent add, find by subject, due
 * lists of ended windows and lapsed claims, claims that keep the first outcome, remove),
 * bounded housekeeping, uninstall of one portal only, values byte for byte (8 KiB, unicode, no
 * normalising), portal ids beyond 32 bits read back as numbers, and races of 50 callers on one
 * row with exactly one winner (saves, claims, re-claims, state consumes, token replaces, adds).
 * There are no skips: every implementation passes every case.
 *
 * Cases use random portal ids and ids, and a fixed clock (times are arguments).
 *
 * @param options The implementation's name, factory and optional cleanup.
 * @throws Nothing itself; each case fails through vitest's `expect`.
 * @example
 * ```ts
 * // test/hubspot-storage.test.ts in the server
 * import { describeHubSpotStorage } from "@otpkit/hubspot-adapter/conformance";
 *
 * describeHubSpotStorage({
 *   name: "sqlite",
 *   create: async () => createKyselyHubSpotStorage(await openFreshTestDatabase()),
 *   cleanup: (storage) => closeTestDatabase(storage),
 * });
 * ```
 */
export function describeHubSpotStorage(options: DescribeHubSpotStorageOptions): void {
  describe(`HubSpotAppStorage conformance: ${options.name}`, () => {
    for (const name of HUBSPOT_STORAGE_TESTS) {
      it(
        name,
        async () => {
          const storage = await options.create();
          try {
            await runHubSpotStorageCase(name, storage);
          } finally {
            await options.cleanup?.(storage);
          }
        },
        TEST_TIMEOUT_MS,
      );
    }
  });
}

/**
 * @internal Runs one case against a storage (rejects when it fails). Used by the suite, and by
 * this package's own tests to show that broken storages fail the cases they should.
 */
export function runHubSpotStorageCase(
  name: HubSpotStorageTestName,
  storage: HubSpotAppStorage,
): Promise<void> {
  const body: StorageCase = CASES[name];
  return body(storage, randomContext());
}
