import { join } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordFigures } from "./support/figures.js";
import type { FlowContext } from "./support/flows.js";
import { emptyLedger, FLOW_KINDS, runFlow } from "./support/flows.js";
import type { LoadRun, Recorder } from "./support/load.js";
import { createHttpClient, createRecorder, runWorkers } from "./support/load.js";
import { outboxCodes } from "./support/outbox-codes.js";
import type { ScanSource } from "./support/secret-scan.js";
import {
  describeFindings,
  outboxMetadataSource,
  postgresSources,
  redisSource,
  scanForSecrets,
} from "./support/secret-scan.js";
import type { Stack } from "./support/stack.js";
import { startStack } from "./support/stack.js";

// Secrets never leak: a short mixed load with real deliveries (to the dev outbox, as a staging
// server does, so its metadata is scanned too), then every place the server writes or answers is
// searched for every code it delivered and for every secret. The second test gives the scanner
// teeth: a code planted in a log line, a table and Redis, and a secret in a body, are all found.

const SECONDS = 20;

let stack: Stack | undefined;
let rec: Recorder;
let load: LoadRun;
let codes: string[] = [];
let outboxDir = "";

beforeAll(async () => {
  stack = await startStack({
    label: "scan",
    delivery: "outbox",
    env: { OTP_RESEND_COOLDOWN_SECONDS: "0", LOG_LEVEL: "debug" },
  });
  const server = stack.servers[0]!;
  outboxDir = join(server.dataDir, "outbox", "email");
  const mail = outboxCodes(outboxDir);
  rec = createRecorder();
  const ctx: FlowContext = {
    http: createHttpClient(server.url, stack.token, rec),
    mail,
    ledger: emptyLedger(),
    run: stack.run,
    personEmail: stack.personEmail,
    ttlMs: 60_000,
    expiring: [],
  };
  load = await runWorkers({
    workers: 8,
    durationMs: SECONDS * 1000,
    maxIterations: 5_000,
    iteration: (_w, n) => runFlow(ctx, FLOW_KINDS[n % FLOW_KINDS.length]!, n),
  });
  // The audit trail through the API: its bodies are among the scanned answers.
  for (let n = 0; n < 30; n++) {
    await ctx.http.api("audit", "GET", `/api/v1/audit?subject=s-${stack.run}-${n}`);
  }
  codes = mail.codes();
});

afterAll(async () => {
  await stack?.close();
});

async function everySource(s: Stack): Promise<ScanSource[]> {
  return [
    await redisSource(s.redisUrl, s.keyPrefix),
    ...(await postgresSources(s.databaseUrl)),
    { label: "server log", texts: s.servers[0]!.output().split("\n") },
    await outboxMetadataSource(outboxDir),
    { label: "response bodies", texts: rec.bodies },
  ];
}

function secrets(s: Stack) {
  return s.secrets;
}

describe("secret scan after a run with real deliveries", () => {
  it("finds no delivered code and no secret in Redis, PostgreSQL, the log, the outbox metadata or any answer", async () => {
    const s = stack!;
    expect(load.failures).toEqual([]);
    expect(codes.length).toBeGreaterThan(100);
    const sources = await everySource(s);
    const findings = scanForSecrets({ codes, secrets: secrets(s), sources });
    expect(describeFindings(findings)).toBe("");

    const texts = (label: string) =>
      sources.filter((x) => x.label.startsWith(label)).reduce((n, x) => n + x.texts.length, 0);
    recordFigures({
      title: "Secrets never leak",
      lines: [
        `after ${load.iterations} flows in ${SECONDS} s (${rec.summary().requests} requests, deliveries to the dev outbox): ${codes.length} delivered codes and ${secrets(s).length} secrets (OTPKIT_SECRETS, OTP_NAMING_KEY, the API key token and its secret part) searched`,
        `searched: ${texts("Redis")} Redis keys, ${texts("PostgreSQL")} PostgreSQL rows (${sources.filter((x) => x.label.startsWith("PostgreSQL")).length} tables, every column), ${texts("server log")} log lines (LOG_LEVEL=debug), ${texts("outbox")} outbox index entries, ${rec.bodies.length} response bodies`,
        "findings: 0 (the scanner finds a code planted in a log line, a table and Redis, and a secret in a body: secret-scan.test.ts)",
      ],
      data: {
        deliveredCodes: codes.length,
        redisKeys: texts("Redis"),
        postgresRows: texts("PostgreSQL"),
        logLines: texts("server log"),
        outboxEntries: texts("outbox"),
        responseBodies: rec.bodies.length,
        findings: 0,
      },
    });
  });

  it("has teeth: a code planted in a log line, a table and Redis, and a secret in a body, are reported", async () => {
    const s = stack!;
    const code = codes[0]!;
    const redis = new Redis(s.redisUrl);
    const db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    try {
      await redis.set(`${s.keyPrefix}planted`, `attempt:${code}`);
      await db.query(
        "INSERT INTO audit_events (id, at, type, subject, purpose, reason, test) VALUES ('planted', 0, 'failed', 'x', 'login', $1, 0)",
        [`typed ${code}`],
      );
      const sources = await everySource(s);
      const log = sources.find((x) => x.label === "server log")!;
      log.texts.push(`{"level":30,"msg":"check","code":"${code}"}`);
      sources.push({ label: "planted body", texts: [`{"token":"${s.token}"}`] });
      // Digits of a code inside a longer number (a timestamp) are not that code.
      sources.push({ label: "innocent", texts: [`{"at":1${code}123}`] });

      const found = scanForSecrets({ codes, secrets: secrets(s), sources });
      expect(found.map((f) => `${f.what} in ${f.source}`).sort()).toEqual(
        [
          "a delivered code in PostgreSQL audit_events",
          "a delivered code in Redis keyspace",
          "a delivered code in server log",
          "API key secret part in planted body",
          "API key token in planted body",
        ].sort(),
      );
    } finally {
      await redis.del(`${s.keyPrefix}planted`);
      await db.query("DELETE FROM audit_events WHERE id = 'planted'");
      await db.end();
      redis.disconnect();
    }
  });
});
