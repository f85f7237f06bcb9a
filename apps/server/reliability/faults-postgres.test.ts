// Fault: the server's PostgreSQL connections killed (pg_terminate_backend) again and again while
// a load issues and checks codes, the server running as its own process on a database of its
// own. Requests that need the database fail cleanly (a 4xx/5xx with a reason, never a crash or a
// hang) and the server recovers by itself; every outcome it answered with a 2xx is in the audit
// table afterwards (a connection killed mid-COMMIT included: see src/db/group-commit.ts).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../test/support/app-database.js";
import { adminQuery, databaseUrl, testDatabase } from "../test/support/app-database.js";
import type { ServerProcess } from "../test/support/processes.js";
import { startServer } from "../test/support/processes.js";
import type { Requester } from "./support/fault-load.js";
import { callApi, sleep, startLoad, Tally, until } from "./support/fault-load.js";
import { recordFigures } from "./support/figures.js";

const RIGHT = "000000"; // TEST_CODE of the test recipients
const WRONG = "111111";
/** The audit event each 2xx answer stands for. */
const EVENT_OF: Record<string, string> = {
  "201": "issued",
  "200 invalid": "failed",
  "200 verified": "verified",
};

let database: TestDatabase;
let name: string;
let server: ServerProcess;

beforeAll(async () => {
  database = await testDatabase("postgres", "faults");
  name = database.name!;
  server = await startServer({
    name: "pg-fault",
    env: {
      DATABASE_URL: databaseUrl(name),
      TEST_RECIPIENTS: "*@example.test",
      OTP_MAX_ATTEMPTS: "5",
      OTP_LOCKOUT_MAX_FAILURES: "50",
      // Every request reads its key from the database: each one needs PostgreSQL.
      API_KEY_CACHE_TTL_MS: "0",
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

/** Ends every connection to our database but the killer's; how many it ended. */
async function killConnections(): Promise<number> {
  const killed = await adminQuery(
    "SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) t",
    [name],
  );
  return killed.rows[0]?.n as number;
}

describe("fault: PostgreSQL connections killed mid-load", () => {
  it("fails cleanly, recovers by itself, and loses no audit event of an answered outcome", async () => {
    const tally = new Tally();
    const request: Requester = (path, init) => fetch(`${server.url}${path}`, init);
    const api = (path: string, body?: unknown) =>
      tally.track(() => callApi(request, server.token, path, body));
    // subject → the audit events its 2xx answers promise.
    const promised = new Map<string, string[]>();
    const promise = (subject: string, label: string) => {
      const event = EVENT_OF[label];
      if (event) promised.set(subject, [...(promised.get(subject) ?? []), event]);
    };

    const load = startLoad({
      workers: 4,
      maxIterations: 3_000,
      maxMs: 60_000,
      async iteration(_worker, n) {
        const subject = `pg-load-${n}`;
        const issued = await api("/api/v1/verifications", {
          subject,
          recipient: { email: `pg-${n}@example.test` },
        });
        promise(subject, issued.label);
        if (issued.status !== 201) return sleep(50);
        const id = issued.body["id"] as string;
        for (const code of [WRONG, RIGHT]) {
          const checked = await api(`/api/v1/verifications/${id}/check`, { code });
          promise(subject, checked.label);
        }
      },
    });

    await sleep(2_000);
    tally.phase = "during";
    let kills = 0;
    let killed = 0;
    const faultStarted = Date.now();
    while (Date.now() - faultStarted < 6_000) {
      killed += await killConnections();
      kills++;
      await sleep(300);
    }
    tally.phase = "recovering";
    const recoveredMs = await until(async () => {
      const probe = await callApi(request, server.token, "/readyz");
      return probe.status === 200;
    }, "readyz after the kills");
    tally.phase = "after";
    await sleep(2_000);
    const { iterations } = await load.stop();

    // Never a crash, never a hang; every refusal a 4xx/5xx with a code and a reason.
    expect(server.exited(), server.output()).toBe(false);
    expect(tally.count((l) => l === "timeout" || l === "network")).toBe(0);
    const refusals = tally.count((l) => !(l in EVENT_OF));
    expect(tally.count((l) => !(l in EVENT_OF) && !/^[45]\d\d [A-Z_]+$/.test(l))).toBe(0);
    // A database that is gone is 503 DATABASE_UNAVAILABLE (retry), never 500 INTERNAL ("our bug").
    expect(tally.count((l) => l.startsWith("500 "))).toBe(0);
    for (const phase of ["before", "after"]) {
      expect(Object.keys(tally.labels(phase)).filter((l) => !(l in EVENT_OF))).toEqual([]);
      expect(tally.count((l) => l === "200 verified", phase)).toBeGreaterThan(0);
    }
    // The fault did hit the requests.
    expect(killed).toBeGreaterThan(0);

    // Every outcome answered with a 2xx is in the audit table.
    const reader = new pg.Client({ connectionString: databaseUrl(name) });
    await reader.connect();
    const rows = await reader
      .query("SELECT subject, type FROM audit_events WHERE subject LIKE 'key:%:pg-load-%'")
      .finally(() => reader.end());
    const found = new Map<string, string[]>();
    for (const row of rows.rows as Array<{ subject: string; type: string }>) {
      const subject = row.subject.split(":").slice(2).join(":");
      found.set(subject, [...(found.get(subject) ?? []), row.type]);
    }
    let answered = 0;
    let lost = 0;
    for (const [subject, events] of promised) {
      const there = [...(found.get(subject) ?? [])];
      for (const event of events) {
        answered++;
        const at = there.indexOf(event);
        if (at === -1) lost++;
        else there.splice(at, 1);
      }
    }
    expect(answered).toBeGreaterThan(0);
    expect(lost, `${lost} answered outcomes missing from the audit table`).toBe(0);

    const during = tally.count(() => true, "during");
    recordFigures({
      title: "Fault: PostgreSQL connections killed mid-load",
      lines: [
        `load: 4 workers, ${iterations} iterations (issue, wrong check, right check), server as its own process, API keys read from PostgreSQL on every request`,
        `pg_terminate_backend of every server connection ${kills} times over 6 s: ${killed} connections ended`,
        ...tally.lines(),
        `during the kills: ${during} requests, ${refusals} refused with a 4xx/5xx and a reason, 0 hung, 0 crashes`,
        `recovered (readyz 200) ${recoveredMs} ms after the last kill, without a restart`,
        `audit: ${answered} outcomes answered with a 2xx, lost: ${lost}`,
      ],
      data: {
        iterations,
        kills,
        killed,
        requestsDuringFault: during,
        refusals,
        recoveredMs,
        answered,
        lost,
      },
    });
  });
});
