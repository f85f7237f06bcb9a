import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { auditAccounting, equation, ledgerMismatches } from "./support/accounting.js";
import { recordFigures } from "./support/figures.js";
import type { FlowContext } from "./support/flows.js";
import { emptyLedger, FLOW_KINDS, runFlow } from "./support/flows.js";
import { createHttpClient, createRecorder, runWorkers } from "./support/load.js";
import type { MemorySample } from "./support/memory.js";
import {
  gcProbeOptions,
  memoryGrowth,
  mib,
  sampleAfterGc,
  waitForGcProbe,
} from "./support/memory.js";
import {
  describeFindings,
  postgresSources,
  redisSource,
  scanForSecrets,
} from "./support/secret-scan.js";
import type { Stack } from "./support/stack.js";
import { startStack } from "./support/stack.js";

// The soak: one server process (production settings, Redis + PostgreSQL of its own, e-mail over
// real SMTP to a loopback sink) under a steady mixed load for RELIABILITY_SOAK_SECONDS (120 s by
// default: the whole suite must stay under 15 minutes on 2 cores). 16 workers cycle through
// flows.ts: API issues to real and test recipients, wrong and right checks, exhausted, cancelled
// and replaced codes, checks after expiry, hosted-page posts with the CSRF token as a browser
// sends them, and conversation turns.

const SECONDS = Number(process.env["RELIABILITY_SOAK_SECONDS"] ?? 180);
const WORKERS = 16;
/** A bound in count as well as in time: far above what 2 cores do in SECONDS. */
const MAX_ITERATIONS = SECONDS * 400;
/** The shortest lifetime the server accepts (one minute): codes left to expire do so in the soak. */
const TTL_SECONDS = 60;
/**
 * Memory is compared after warm-up: tsx compiled, pools filled, the V8 heap sized, and the whole
 * mix running — including the checks of codes left to expire, which begin one TTL in. (With a
 * 40 s warm-up, RSS stepped up once at ~61 s, as that part of the mix started.)
 */
const WARMUP_MS = Math.min((TTL_SECONDS + 15) * 1000, (SECONDS * 1000) / 2);
/** The two halves after warm-up are compared, by the median of each. */
const WINDOW_MS = (SECONDS * 1000 - WARMUP_MS) / 2;
/**
 * How often the server is asked for a full collection and a reading of what it then holds
 * (gc-probe.ts). Between collections the heap saws up and down by ±15 %; after one it shows what
 * is retained, which is what a leak grows.
 */
const GC_SAMPLE_MS = 4_000;
const MAX_GROWTH = 0.1;

let stack: Stack | undefined;
const probeDir = mkdtempSync(join(tmpdir(), "otpkit-soak-gc-"));
afterAll(async () => {
  await stack?.close();
  rmSync(probeDir, { recursive: true, force: true });
});

describe(`soak: ${SECONDS} s of mixed load on one server process (Redis + PostgreSQL)`, () => {
  it("answers no 5xx, accounts for every code, holds its memory and leaks nothing", async () => {
    if (!Number.isFinite(SECONDS) || SECONDS < 30) {
      throw new Error("RELIABILITY_SOAK_SECONDS: use a whole number of seconds, 30 or more");
    }
    stack = await startStack({
      label: "soak",
      processes: 0,
      env: { OTP_RESEND_COOLDOWN_SECONDS: "0", OTP_TTL_SECONDS: String(TTL_SECONDS) },
    });
    const probeFile = join(probeDir, "readings.jsonl");
    const server = await stack.start("A", gcProbeOptions(probeFile));
    await waitForGcProbe(probeFile);
    const rec = createRecorder();
    const http = createHttpClient(server.url, stack.token, rec);
    const ctx: FlowContext = {
      http,
      mail: stack.mail,
      ledger: emptyLedger(),
      run: stack.run,
      personEmail: stack.personEmail,
      ttlMs: TTL_SECONDS * 1000,
      expiring: [],
    };

    const samples: MemorySample[] = [];
    const started = Date.now();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await sleep(GC_SAMPLE_MS);
        if (sampling)
          samples.push(await sampleAfterGc(server.pid, probeFile, Date.now() - started));
      }
    })();
    const load = await runWorkers({
      workers: WORKERS,
      durationMs: SECONDS * 1000,
      maxIterations: MAX_ITERATIONS,
      iteration: (_w, n) => runFlow(ctx, FLOW_KINDS[n % FLOW_KINDS.length]!, n),
    });
    sampling = false;
    await sampler;
    const summary = rec.summary();

    expect(load.failures, `${load.failureCount} flows failed`).toEqual([]);
    expect(rec.serverErrors.map((e) => `${e.kind} ${e.status} ${e.body}`)).toEqual([]);
    expect(rec.networkErrors).toEqual([]);
    expect(server.exited()).toBe(false);

    // The audit trail read back through the API, for a sample of subjects (its bodies are scanned).
    for (let n = 0; n < 40; n++) {
      const audit = await http.api("audit", "GET", `/api/v1/audit?subject=s-${stack.run}-${n}`);
      expect(audit.status).toBe(200);
    }

    const books = await auditAccounting(stack.databaseUrl);
    expect(books.violations).toEqual([]);
    expect(ledgerMismatches(books, ctx.ledger)).toEqual([]);
    // Codes left to expire are checked once their minute is over (a soak shorter than that has none).
    if (SECONDS > TTL_SECONDS + 10) expect(books.expired).toBeGreaterThan(0);

    const memory = memoryGrowth(samples, WARMUP_MS, WINDOW_MS);
    // Every other reading, for a failure message that shows a climb from a step.
    const series = samples
      .filter((_, i) => i % 2 === 0)
      .map((x) => `${Math.round(x.at / 1000)}s ${mib(x.rss)}/${mib(x.heapUsed)}`)
      .join(", ");
    expect(
      memory.rssGrowth,
      `RSS ${mib(memory.rssBefore)} → ${mib(memory.rssAfter)}; ${series}`,
    ).toBeLessThan(MAX_GROWTH);
    expect(
      memory.heapGrowth,
      `heap ${mib(memory.heapBefore)} → ${mib(memory.heapAfter)}; ${series}`,
    ).toBeLessThan(MAX_GROWTH);

    const codes = stack.mail.codes();
    const findings = scanForSecrets({
      codes,
      secrets: stack.secrets,
      sources: [
        await redisSource(stack.redisUrl, stack.keyPrefix),
        ...(await postgresSources(stack.databaseUrl)),
        { label: "server log", texts: server.output().split("\n") },
        { label: "response bodies", texts: rec.bodies },
      ],
    });
    expect(describeFindings(findings)).toBe("");

    const seconds = load.elapsedMs / 1000;
    const rate = summary.requests / seconds;
    const kinds = rec.byKind();
    recordFigures({
      title: "Soak",
      lines: [
        `${summary.requests.toLocaleString("en")} requests in ${seconds.toFixed(0)} s (${rate.toFixed(0)}/s) from ${WORKERS} workers, ${load.iterations} flows; 0 5xx, 0 connection errors`,
        `latency p50 ${summary.p50} ms, p99 ${summary.p99} ms, max ${summary.max} ms`,
        `per kind: ${Object.entries(kinds)
          .map(([k, v]) => `${k} ${v["total"]}`)
          .join(", ")}`,
        `accounting (audit log): ${equation(books)}; equal to the clients' answers (${ctx.ledger.codes} codes sent, ${ctx.ledger.verified} verified)`,
        `memory after a full GC, ${WARMUP_MS / 1000} s warm-up → end (${samples.length} readings): RSS ${mib(memory.rssBefore)} → ${mib(memory.rssAfter)} (${(memory.rssGrowth * 100).toFixed(1)} %), heap ${mib(memory.heapBefore)} → ${mib(memory.heapAfter)} (${(memory.heapGrowth * 100).toFixed(1)} %)`,
        `secret scan: ${codes.length} delivered codes and ${stack.secrets.length} secrets, 0 findings`,
      ],
      data: {
        requests: summary.requests,
        seconds: Math.round(seconds),
        ratePerSecond: Math.round(rate),
        p50Ms: summary.p50,
        p99Ms: summary.p99,
        flows: load.iterations,
        issued: books.issued,
        verified: books.verified,
        expired: books.expired,
        exhausted: books.exhausted,
        revoked: books.revoked,
        active: books.active,
        rssBefore: memory.rssBefore,
        rssAfter: memory.rssAfter,
        heapBefore: memory.heapBefore,
        heapAfter: memory.heapAfter,
        deliveredCodes: codes.length,
        ...Object.fromEntries(Object.entries(kinds).map(([k, v]) => [`kind.${k}`, v["total"]!])),
      },
    });
  });
});
