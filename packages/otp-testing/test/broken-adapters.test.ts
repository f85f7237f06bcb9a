import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Reporter } from "vitest/node";
import { startVitest } from "vitest/node";
import type { OtpAttackTestName, OtpChannelTestName, OtpStoreTestName } from "../src/index.js";
import { OTP_ATTACK_TESTS, OTP_CHANNEL_TESTS, OTP_STORE_TESTS } from "../src/index.js";
import type { ChannelFlaw } from "./fixtures/broken-channels.js";
import type { StoreFlaw } from "./fixtures/broken-stores.js";

/**
 * The suites have teeth: test/fixtures/*.fixture.ts apply them to deliberately broken adapters
 * (one flaw each), we run those files with a nested, silent vitest, and check that exactly the
 * matching cases fail, for the right reason, while every other case passes.
 */

interface CaseResult {
  suite: string;
  test: string;
  state: string;
  errors: string;
}

interface RunResult {
  cases: CaseResult[];
  moduleErrors: string[];
  unhandledErrors: number;
}

const packageRoot = fileURLToPath(new URL("..", import.meta.url));
/** Where the repo's summary reporter writes (vitest.shared.ts); the nested run must not. */
const SUMMARY_ENV = "OTPKIT_SUMMARY_DIR";

/** Runs the fixture files in-process with nothing written to the terminal or to CI summaries. */
async function runFixtures(): Promise<RunResult> {
  const result: RunResult = { cases: [], moduleErrors: [], unhandledErrors: 0 };
  // A reporter that only records: it replaces the default reporter, so nothing is printed, and
  // the repo's summary reporter (vitest.shared.ts) is never loaded because config is false.
  const capture: Reporter = {
    onTestRunEnd(modules, errors) {
      result.unhandledErrors = errors.length;
      for (const module of modules) {
        for (const error of module.errors()) result.moduleErrors.push(error.message);
        for (const test of module.children.allTests()) {
          const outcome = test.result();
          result.cases.push({
            suite: test.parent.type === "suite" ? test.parent.name : "",
            test: test.name,
            state: outcome.state,
            errors: (outcome.errors ?? []).map((e) => e.message).join("\n"),
          });
        }
      }
    },
  };
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const summaryDir = process.env[SUMMARY_ENV];
  const exitCode = process.exitCode;
  // The nested run must never be counted by CI: no summary directory for it or its workers.
  delete process.env[SUMMARY_ENV];
  try {
    await startVitest(
      "test",
      [],
      {
        config: false,
        root: packageRoot,
        watch: false,
        include: ["test/fixtures/*.fixture.ts"],
        reporters: [capture],
        // Each store fixture sleeps a few seconds of real time: run them side by side.
        maxWorkers: 6,
        testTimeout: 30_000,
      },
      // The fixtures import @otpkit/otp-core from source, as the shared config does.
      { ssr: { resolve: { conditions: ["@otpkit/source"] } } },
      { stdout: silent, stderr: silent },
    );
  } finally {
    if (summaryDir !== undefined) process.env[SUMMARY_ENV] = summaryDir;
    // Failing fixture tests are the point: don't let them mark this process as failed.
    process.exitCode = exitCode;
  }
  return result;
}

let run: RunResult;

beforeAll(async () => {
  run = await runFixtures();
}, 180_000);

/** What each broken store must fail, and a phrase from the failing assertion (the reason). */
const STORE_FLAWS: Record<StoreFlaw, Partial<Record<OtpStoreTestName, string>>> = {
  "non-atomic-cas": {
    "N parallel create-if-absent calls have exactly one winner":
      "winners among 50 parallel create-if-absent",
    "N parallel replace-if-equal calls with one expected have exactly one winner":
      "winners among 50 parallel replace-if-equal",
    "N parallel delete-if-equal calls have exactly one winner":
      "winners among 50 parallel delete-if-equal",
    "20 workers doing 10 get + compareAndSet increments each end at exactly 200":
      "counter after 20 workers x 10 increments (lost updates)",
  },
  "ignores-expected": {
    "values are compared byte for byte": 'replace, expected "v " against "v"',
    "replace-if-equal succeeds only on the exact current value": "expected v0",
    "delete-if-equal deletes only on the exact current value": 'delete with expected "w"',
    "a stale expected changes nothing, neither value nor TTL": "stale replace, create, delete",
    "N parallel replace-if-equal calls with one expected have exactly one winner":
      "winners among 50 parallel replace-if-equal",
    "20 workers doing 10 get + compareAndSet increments each end at exactly 200":
      "counter after 20 workers x 10 increments (lost updates)",
    "large values (8 KiB) round-trip and compare exactly":
      "expected differs in its last character only",
  },
  "loose-compare": {
    "values are compared byte for byte": 'replace, expected "v " against "v"',
  },
  "never-expires": {
    "replace-if-equal sets the new TTL, shorter and longer": "the shorter TTL of the replace",
    "a stale expected changes nothing, neither value nor TTL":
      "a failed compareAndSet extended the TTL of a live key",
    "a value expires after its TTL": "400 ms TTL, 900 ms on",
    "an expired key is absent: expected null matches, a value never does":
      "replace-if-equal of an expired key",
  },
  "keeps-ttl-on-replace": {
    "replace-if-equal sets the new TTL, shorter and longer": "the shorter TTL of the replace",
  },
  "ttl-on-mismatch": {
    "a stale expected changes nothing, neither value nor TTL":
      "a failed compareAndSet shortened the TTL of a live key",
  },
  "cas-sees-expired": {
    "an expired key is absent: expected null matches, a value never does":
      "replace-if-equal of an expired key",
  },
  "shared-keys": {
    "stores from two create() calls are isolated": "b sees a's key",
  },
};

/**
 * What the attack suite must fail on two racy stores sharing one backend, and why. The race is
 * the one a store with a read-await-write compareAndSet has across two app servers: every
 * engine commits over the same record, so each guess is evaluated against a fresh budget.
 */
const ATTACK_FLAWS: Partial<Record<StoreFlaw, Partial<Record<OtpAttackTestName, string>>>> = {
  "non-atomic-cas": {
    "200 concurrent wrong guesses evaluate at most the failure budget and end locked":
      "wrong guesses evaluated (failed events) past the failure budget",
    "200 concurrent wrong guesses never evaluate more than the code's attempts":
      "wrong guesses evaluated (failed events) past the code's attempts",
    "50 concurrent correct submissions yield exactly one verified":
      "verified answers among 50 concurrent correct submissions",
  },
};

/** What each broken channel must fail, and a phrase from the failing assertion (the reason). */
const CHANNEL_FLAWS: Record<ChannelFlaw, Partial<Record<OtpChannelTestName, string>>> = {
  "leaks-code-in-message": {
    "the code never appears in errors":
      "the code leaked into the retryable failure at error.message",
  },
  "leaks-code-in-cause": {
    "the code never appears in errors": "the code leaked into the retryable failure at error.cause",
  },
  "ignores-abort": {
    "a hung send rejects with ABORTED soon after abort": "ms after abort (bound 1000 ms)",
    "an already-aborted signal rejects with ABORTED and delivers nothing":
      "send with an aborted signal",
  },
  "all-retryable": {
    "a permanent failure rejects with a non-retryable OtpError": "error.retryable",
  },
  "plain-errors": {
    "a retryable failure rejects with a retryable OtpError": "expected an OtpError",
    "a permanent failure rejects with a non-retryable OtpError": "expected an OtpError",
  },
  "logs-code": {
    "the code never appears in console output": "console lines that contain the code",
  },
};

function checkSuite(
  suite: string,
  allTests: readonly string[],
  failing: Record<string, string>,
): void {
  const cases = run.cases.filter((c) => c.suite === suite);
  expect(cases.map((c) => c.test).sort(), `${suite}: cases that ran`).toEqual([...allTests].sort());
  const failed = cases.filter((c) => c.state === "failed");
  expect(failed.map((c) => c.test).sort(), `${suite}: failed cases`).toEqual(
    Object.keys(failing).sort(),
  );
  for (const c of failed) {
    expect(c.errors, `${suite} › ${c.test}: why it failed`).toContain(failing[c.test]);
  }
  const others = cases.filter((c) => c.state !== "failed" && c.state !== "passed");
  expect(others, `${suite}: cases neither passed nor failed`).toEqual([]);
}

describe("the nested fixture run", () => {
  it("loaded every fixture file cleanly", () => {
    expect(run.moduleErrors).toEqual([]);
    expect(run.unhandledErrors).toBe(0);
    const suites = new Set(run.cases.map((c) => c.suite));
    for (const flaw of Object.keys(STORE_FLAWS))
      expect(suites).toContain(`OtpStore conformance: ${flaw}`);
    for (const flaw of Object.keys(CHANNEL_FLAWS)) {
      expect(suites).toContain(`OtpChannel conformance: ${flaw}`);
    }
    for (const flaw of Object.keys(ATTACK_FLAWS))
      expect(suites).toContain(`attack on store: ${flaw}`);
  });
});

describe("describeOtpStore fails broken stores", () => {
  for (const [flaw, failing] of Object.entries(STORE_FLAWS)) {
    it(`${flaw}: fails ${Object.keys(failing).join(" + ")}, passes the rest`, () => {
      checkSuite(`OtpStore conformance: ${flaw}`, OTP_STORE_TESTS, failing);
    });
  }
});

describe("describeOtpAttack fails racy stores shared by two engines", () => {
  for (const [flaw, failing] of Object.entries(ATTACK_FLAWS)) {
    it(`${flaw}: fails ${Object.keys(failing).join(" + ")}, passes the rest`, () => {
      checkSuite(`attack on store: ${flaw}`, OTP_ATTACK_TESTS, failing);
    });
  }
});

describe("declared skips", () => {
  it("skip the named case with the reason in its title, and nothing else", () => {
    const cases = run.cases.filter(
      (c) => c.suite === "OtpStore conformance: keeps-ttl-on-replace, skip declared",
    );
    expect(cases).toHaveLength(OTP_STORE_TESTS.length);
    expect(cases.filter((c) => c.state === "skipped").map((c) => c.test)).toEqual([
      "replace-if-equal sets the new TTL, shorter and longer — skipped: backend keeps the TTL on replace (fixture)",
    ]);
    expect(cases.filter((c) => c.state === "passed")).toHaveLength(OTP_STORE_TESTS.length - 1);
  });
});

describe("describeOtpChannel fails broken channels", () => {
  for (const [flaw, failing] of Object.entries(CHANNEL_FLAWS)) {
    it(`${flaw}: fails ${Object.keys(failing).join(" + ")}, passes the rest`, () => {
      checkSuite(`OtpChannel conformance: ${flaw}`, OTP_CHANNEL_TESTS, failing);
    });
  }
});
