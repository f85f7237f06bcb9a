/// <reference types="node" />
// pnpm bench — otp-core's speed against baselines measured in the same run (issue 9, Benchmarks):
//   - issue + verify cycles (memory store) against a node:crypto createHmac("sha256") loop,
//     with the default noble HMAC and with node's HMAC injected through the `hmac` option;
//   - code generation (`randomString`, every alphabet) against the same HMAC loop;
//   - verify alone (right and wrong code) against otplib 13's `verifySync`;
//   - store round trips per issue and per verify;
//   - where a cycle's time goes, from a CPU profile of a child process run with this bench.
// Figures, not assertions: nothing here fails on a slow machine. All figures are interleaved
// (see measure.ts): ratios are medians of ratios taken within one round.
import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { generateSecret, generateSync, verifySync } from "otplib";
import { nobleHmac } from "../src/crypto.js";
import type { Otp, OtpStore } from "../src/index.js";
import { ALPHABETS, createMemoryStore, randomString } from "../src/index.js";
import type { Breakdown } from "./breakdown.js";
import { formatBreakdown } from "./breakdown.js";
import type { Rates, Runner } from "./measure.js";
import {
  asyncRunner,
  count,
  measureRounds,
  median,
  preparedRunner,
  ratio,
  syncRunner,
} from "./measure.js";
import type { HmacChoice } from "./setup.js";
import { benchEngine, cycler, subjects } from "./setup.js";

const ROUNDS = 7;
const SLICE_MS = 200;
const PROFILE_MS = 3_000;

// --- the baseline: one node:crypto HMAC-SHA-256 per iteration, over a message shaped like the
// engine's code MAC input (49 bytes), and the engine's own default HMAC over the same message ---
const hmacKey = new Uint8Array(32).fill(7);
const hmacMessage = new TextEncoder().encode(
  "v2\u0000AAAAAAAAAAAAAAAAAAAAAA\u0000BBBBBBBBBBBBBBBB\u0000123456",
);
const hmacLoop = syncRunner(() => createHmac("sha256", hmacKey).update(hmacMessage).digest());
const defaultHmac = nobleHmac();
const nobleLoop = syncRunner(() => defaultHmac(hmacKey, hmacMessage));

// --- verify alone: the codes are issued beforehand, only the verify calls are timed ---
function verifyRunner(otp: Otp, guess: "right" | "wrong"): Runner {
  const pool = subjects(10_000, `verify-${guess}`);
  let i = 0;
  return preparedRunner(
    async (n) => {
      const items: Array<{ subject: string; code: string }> = [];
      for (let k = 0; k < n; k++) {
        const subject = pool[i++ % pool.length]!;
        const issued = await otp.issue({ subject, deliver: false });
        if (issued.status !== "issued") throw new Error(`issue: ${issued.status}`);
        items.push({ subject, code: issued.code! });
      }
      return items;
    },
    async ({ subject, code }) => {
      const r = await otp.verify({ subject, code: guess === "right" ? code : wrong(code) });
      if (r.status !== (guess === "right" ? "verified" : "invalid")) {
        throw new Error(`verify (${guess}): ${r.status}`);
      }
    },
    // A wrong guess counts against the subject: the right code afterwards clears the count,
    // so the pool of subjects can be reused without running into the lockout.
    async (items) => {
      if (guess === "right") return;
      for (const { subject, code } of items) await otp.verify({ subject, code });
    },
  );
}

function wrong(code: string): string {
  return code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");
}

// --- otplib 13: verifySync with its defaults (TOTP, SHA-1, 6 digits, base32 secret) ---
const secret = generateSecret();
const epoch = Math.floor(Date.now() / 1000); // fixed, so that no 30-second step passes mid-run
const token = generateSync({ secret, epoch });
const badToken = wrong(token);
// otplib exports no package.json: read the version next to its entry point.
const otplibVersion: string = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.resolve("otplib")), "utf8"),
).version;
if (
  !verifySync({ secret, token, epoch }).valid ||
  verifySync({ secret, token: badToken, epoch }).valid
)
  throw new Error("otplib baseline does not verify as expected");

// --- store round trips: every store call of an issue and of a verify, counted ---
function countingStore(store: OtpStore): { store: OtpStore; calls: { n: number } } {
  const calls = { n: 0 };
  return {
    calls,
    store: {
      name: store.name,
      get(key) {
        calls.n++;
        return store.get(key);
      },
      compareAndSet(key, expected, next, ttl) {
        calls.n++;
        return store.compareAndSet(key, expected, next, ttl);
      },
    },
  };
}

async function roundTrips(idempotent: boolean): Promise<{ issue: number; verify: number }> {
  const { store, calls } = countingStore(createMemoryStore());
  const otp = benchEngine("noble", store);
  const n = 200;
  let issue = 0;
  let verify = 0;
  for (let i = 0; i < n; i++) {
    const subject = `trips-${i}`;
    const key = idempotent ? { idempotencyKey: `k-${i}` } : {};
    let before = calls.n;
    const issued = await otp.issue({ subject, deliver: false, ...key });
    issue += calls.n - before;
    if (issued.status !== "issued") throw new Error(`issue: ${issued.status}`);
    before = calls.n;
    const verified = await otp.verify({ subject, code: issued.code!, ...key });
    verify += calls.n - before;
    if (verified.status !== "verified") throw new Error(`verify: ${verified.status}`);
  }
  return { issue: issue / n, verify: verify / n };
}

// --- where the time goes: a child process profiles cycles (see profile.ts) ---
async function profileChild(choice: HmacChoice): Promise<{ rate: number; parts: Breakdown }> {
  const script = fileURLToPath(new URL("./profile.ts", import.meta.url));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...process.execArgv, script, choice, String(PROFILE_MS)],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

// --- run ---
const noble = benchEngine("noble");
const node = benchEngine("node");
const runners: Record<string, Runner> = {
  hmac: hmacLoop,
  noble: nobleLoop,
  cycleNoble: asyncRunner(cycler(benchEngine("noble"))),
  cycleNode: asyncRunner(cycler(benchEngine("node"))),
  numeric: syncRunner(() => randomString(ALPHABETS.numeric, 6)),
  alpha: syncRunner(() => randomString(ALPHABETS.alpha, 6)),
  alphanumeric: syncRunner(() => randomString(ALPHABETS.alphanumeric, 6)),
  unpooled: syncRunner(() =>
    randomString(ALPHABETS.numeric, 6, (bytes) => crypto.getRandomValues(bytes)),
  ),
  verifyRight: verifyRunner(noble, "right"),
  verifyWrong: verifyRunner(noble, "wrong"),
  verifyRightNode: verifyRunner(node, "right"),
  verifyWrongNode: verifyRunner(node, "wrong"),
  otplibRight: syncRunner(() => verifySync({ secret, token, epoch })),
  otplibWrong: syncRunner(() => verifySync({ secret, token: badToken, epoch })),
};

const cpu = cpus();
console.log(
  `otp-core bench — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "?"}; ` +
    `${ROUNDS} interleaved rounds of ${SLICE_MS} ms per figure; medians (ratios: median of per-round ratios)`,
);
const rates: Rates = await measureRounds(runners, { rounds: ROUNDS, sliceMs: SLICE_MS });
const [tripsPlain, tripsIdem] = [await roundTrips(false), await roundTrips(true)];
const profiles = { noble: await profileChild("noble"), node: await profileChild("node") };

const rate = (name: string) => `${count(median(rates[name]!)).padStart(11)} /s`;
const times = (a: string, b: string, digits = 2) =>
  `${ratio(rates[a]!, rates[b]!).toFixed(digits)}×`;
const target = (a: string, b: string, min: number, digits = 2) => {
  const r = ratio(rates[a]!, rates[b]!);
  return `${r.toFixed(digits).padStart(6)}×  (target ≥ ${min}: ${r >= min ? "met" : "NOT MET"})`;
};
const line = (label: string, name: string, note = "") =>
  console.log(`  ${label.padEnd(46)}${rate(name)}  ${note}`);

console.log("\nBaseline");
line('node:crypto createHmac("sha256") loop', "hmac", "(= 1×)");
line(
  "otp-core's default HMAC (noble, pre-keyed)",
  "noble",
  `${times("noble", "hmac").padStart(6)}   (same 49-byte message)`,
);
console.log("\nIssue + verify cycle, memory store (× the HMAC loop)");
line("default noble HMAC (pre-keyed)", "cycleNoble", target("cycleNoble", "hmac", 0.15, 3));
line("node:crypto HMAC injected (option `hmac`)", "cycleNode", target("cycleNode", "hmac", 0.3, 3));
console.log(
  "  (a cycle makes 4 HMAC calls: 2 subject digests, 2 code MACs. With node's HMAC injected\n" +
    "   those alone cap the cycle at 0.25× the loop of bare HMAC calls, whatever the rest costs.)",
);
console.log("\nCode generation, randomString(alphabet, 6) (× the HMAC loop)");
for (const name of ["numeric", "alpha", "alphanumeric"] as const) {
  line(`${name} (pooled random)`, name, target(name, "hmac", 10, 1));
}
line(
  "numeric, one getRandomValues per code (no pool)",
  "unpooled",
  `${times("unpooled", "hmac", 1).padStart(7)}  (for comparison: the pool's gain)`,
);
console.log(`\nVerify alone, memory store (× otplib ${otplibVersion} verifySync, same guess)`);
line("otplib verifySync, right token", "otplibRight", "(= 1×)");
line("otplib verifySync, wrong token", "otplibWrong", "(= 1×)");
line(
  "otp-core verify, right code (noble HMAC)",
  "verifyRight",
  target("verifyRight", "otplibRight", 4, 2),
);
line(
  "otp-core verify, wrong code (noble HMAC)",
  "verifyWrong",
  target("verifyWrong", "otplibWrong", 4, 2),
);
line(
  "otp-core verify, right code (node HMAC)",
  "verifyRightNode",
  `${times("verifyRightNode", "otplibRight", 1).padStart(7)}`,
);
line(
  "otp-core verify, wrong code (node HMAC)",
  "verifyWrongNode",
  `${times("verifyWrongNode", "otplibWrong", 1).padStart(7)}`,
);
console.log("\nStore round trips (200 cycles; target ≤ 2 each without idempotency keys)");
console.log(
  `  without idempotency keys: ${tripsPlain.issue.toFixed(1)} per issue, ${tripsPlain.verify.toFixed(1)} per verify` +
    ` (${tripsPlain.issue <= 2 && tripsPlain.verify <= 2 ? "met" : "NOT MET"})`,
);
console.log(
  `  with idempotency keys:    ${tripsIdem.issue.toFixed(1)} per issue, ${tripsIdem.verify.toFixed(1)} per verify` +
    " (claim, run, record the outcome)",
);
console.log(
  `\nWhere a cycle's time goes (V8 CPU profile of a child process, ${PROFILE_MS / 1000} s of cycles after warm-up, this run):`,
);
for (const p of [profiles.noble, profiles.node]) {
  const label = p === profiles.noble ? "noble" : "node";
  console.log(`  ${label} (${count(p.rate)} cycles/s while profiled): ${formatBreakdown(p.parts)}`);
}
