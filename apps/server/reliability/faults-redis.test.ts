// Fault: the Redis of the OTP state killed mid-load (SIGKILL, a crash) and started again on the
// same port. While it is gone every issue and check answers 503 STORE_UNAVAILABLE, never
// `verified`; once it is back the same server (no restart) answers again; and no failed attempt
// that was answered `invalid` is forgotten (Redis runs with appendfsync always, as a deployment
// that must keep counters through a crash does).
import type { RedisServerProcess } from "@otpkit/otp-testing/redis-server";
import { startRedisServer } from "@otpkit/otp-testing/redis-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../test/support/runtime.js";
import { createTestServer } from "../test/support/runtime.js";
import type { Answer, Requester } from "./support/fault-load.js";
import { callApi, sleep, startLoad, Tally, until } from "./support/fault-load.js";
import { recordFigures } from "./support/figures.js";

const MAX_ATTEMPTS = 5;
const RIGHT = "000000"; // TEST_CODE of the test recipients: the load needs no outbox reading
const WRONG = "111111";

let redis: RedisServerProcess;
let server: TestServer;

beforeAll(async () => {
  redis = await startRedisServer(["--appendonly", "yes", "--appendfsync", "always"]);
  server = await createTestServer({
    REDIS_URL: redis.url,
    TEST_RECIPIENTS: "*@example.test",
    OTP_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    OTP_LOCKOUT_MAX_FAILURES: "50",
  });
});

afterAll(async () => {
  await server?.close();
  await redis?.destroy();
});

describe("fault: Redis stopped mid-load", () => {
  it("answers 503 STORE_UNAVAILABLE while it is gone, recovers without a restart, loses no acknowledged counter", async () => {
    const tally = new Tally();
    const request: Requester = (p, init) => Promise.resolve(server.app.request(p, init));
    const api = (path: string, body?: unknown) =>
      tally.track(() => callApi(request, server.token, path, body));
    // The fewest attempts each verification was acknowledged to have left (answers `invalid`).
    const acknowledged = new Map<string, number>();
    const acknowledge = (id: string, answer: Answer) => {
      if (answer.label !== "200 invalid") return;
      const left = answer.body["attemptsRemaining"] as number;
      acknowledged.set(id, Math.min(left, acknowledged.get(id) ?? MAX_ATTEMPTS));
    };
    let verifiedWhileDown = 0;

    const load = startLoad({
      workers: 4,
      maxIterations: 5_000,
      maxMs: 60_000,
      async iteration(_worker, n) {
        const issued = await api("/api/v1/verifications", {
          subject: `redis-load-${n}`,
          recipient: { email: `redis-${n}@example.test` },
        });
        // A client that got no code waits a little before it tries again.
        if (issued.status !== 201) return sleep(100);
        const id = issued.body["id"] as string;
        const wrong = await api(`/api/v1/verifications/${id}/check`, { code: WRONG });
        // Every other verification stays pending with its failed attempt: checked after the fault.
        if (n % 2 === 1) return acknowledge(id, wrong);
        const right = await api(`/api/v1/verifications/${id}/check`, { code: RIGHT });
        if (right.label === "200 verified" && right.phase === "during") verifiedWhileDown++;
      },
    });

    await sleep(3_000);
    tally.phase = "killing"; // requests in flight as Redis dies: either answer is right
    await redis.stop("SIGKILL");
    tally.phase = "during";
    await sleep(4_000);
    tally.phase = "recovering";
    const downFor = 4_000;
    await redis.start();
    const restarted = Date.now();
    // Recovered: the same server object answers an issue again (ioredis reconnects by itself).
    let probe = 0;
    await until(async () => {
      const answer = await callApi(request, server.token, "/api/v1/verifications", {
        subject: `redis-probe-${probe++}`,
        recipient: { email: "probe@example.test" },
      });
      return answer.status === 201;
    }, "the server answering after Redis came back");
    const recoveredMs = Date.now() - restarted;
    tally.phase = "after";
    await sleep(3_000);
    const { iterations } = await load.stop();

    // While Redis was gone: only 503 STORE_UNAVAILABLE, never a `verified`.
    expect(tally.labels("during")).not.toEqual({});
    expect(Object.keys(tally.labels("during"))).toEqual(["503 STORE_UNAVAILABLE"]);
    expect(verifiedWhileDown).toBe(0);
    // Before and after: only answers, no error of any kind.
    const answers = new Set(["201", "200 invalid", "200 verified"]);
    for (const phase of ["before", "after"]) {
      const labels = Object.keys(tally.labels(phase));
      expect(
        labels.filter((l) => !answers.has(l)),
        `${phase}: ${tally.lines()}`,
      ).toEqual([]);
      expect(tally.count((l) => l === "200 verified", phase)).toBeGreaterThan(0);
    }
    expect(tally.count((l) => l === "timeout" || l === "network")).toBe(0);

    // No acknowledged counter lost: each verification answered `invalid` (and never given its
    // right code) is still pending, its attempts left never went back up, and a further wrong
    // code counts on from there. (A Redis that lost its data shows them gone: `lost`.)
    let lost = 0;
    let checked = 0;
    for (const [id, left] of acknowledged) {
      const now = await callApi(request, server.token, `/api/v1/verifications/${id}`);
      expect(now.status).toBe(200);
      const remaining = now.body["attemptsRemaining"] as number;
      if (now.body["status"] !== "pending" || remaining > left) {
        lost++;
        continue;
      }
      const again = await callApi(request, server.token, `/api/v1/verifications/${id}/check`, {
        code: WRONG,
      });
      checked++;
      if (again.label !== "200 invalid" || (again.body["attemptsRemaining"] as number) >= left) {
        lost++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(lost).toBe(0);

    const during = tally.count(() => true, "during");
    recordFigures({
      title: "Fault: Redis stopped mid-load",
      lines: [
        `load: 4 workers, ${iterations} iterations (issue, wrong check, right check on every other)`,
        `Redis killed (SIGKILL) for ${downFor / 1000} s, restarted on the same port (appendfsync always)`,
        ...tally.lines(),
        `during the outage: ${during} requests, all 503 STORE_UNAVAILABLE, 0 verified`,
        `recovered ${recoveredMs} ms after Redis answered PING, without a server restart`,
        `acknowledged counters: ${acknowledged.size} checked after recovery, ${checked} counted on from there, lost: ${lost}`,
      ],
      data: {
        iterations,
        requestsDuringOutage: during,
        verifiedDuringOutage: verifiedWhileDown,
        recoveredMs,
        acknowledgedCounters: acknowledged.size,
        lostCounters: lost,
      },
    });
  });
});
