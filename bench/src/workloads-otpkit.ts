import { createCodePool } from "./code-pool.js";
import type { ScenarioId } from "./configuration-ids.js";
import type { Target } from "./configurations.js";
import { TEST_CODE } from "./configurations.js";
import type { Workload } from "./load.js";
import { drive, failures } from "./load.js";
import type { Names } from "./requests.js";
import { is2xx, jsonPost } from "./requests.js";
import type { ConfigurationWorkloads } from "./workloads.js";

/** Codes live 600 s on the server (OTP_TTL_SECONDS); a prepared one is used within 480 s. */
const POOL_MAX_AGE_MS = 480_000;
const ID = /"id":"([^"]+)"/;
const VERIFIED = '"status":"verified"';

const checkPath = (id: string) => `/api/v1/verifications/${id}/check`;

function issueBody(names: Names) {
  const n = names.next();
  return { subject: names.subject(n), recipient: { email: names.email(n) } };
}

/**
 * The otpkit server's workloads. Issue: `POST /api/v1/verifications` for a distinct subject and
 * test-recipient address (a fixed code, no delivery). Check: `POST /api/v1/verifications/:id/check`
 * with the fixed code, each request a verification no other request touched. Every verification an
 * issue creates (timed or set-up) goes into the pool the checks take from.
 *
 * @example
 * const w = otpkitWorkloads(target, createNames(), 50);
 */
export function otpkitWorkloads(
  target: Target,
  names: Names,
  connections: number,
): ConfigurationWorkloads {
  const pool = createCodePool<string>(POOL_MAX_AGE_MS);
  const auth = { authorization: `Bearer ${target.apiKey}` };

  const issue: Workload = (tally) => [
    jsonPost({
      path: "/api/v1/verifications",
      body: () => issueBody(names),
      onResponse(status, text) {
        if (!is2xx(status)) return;
        const id = status === 201 ? ID.exec(text)?.[1] : undefined;
        if (id) pool.push(id);
        else tally.wrong++;
      },
      headers: auth,
    }),
  ];

  const check: Workload = (tally, control) => [
    jsonPost({
      path() {
        const id = pool.take();
        if (id) return checkPath(id);
        // Out of prepared codes: end the run; what is still sent answers 404 (counted apart).
        tally.outOfCodes++;
        control.stop();
        return checkPath("none-left");
      },
      body: () => ({ code: TEST_CODE }),
      onResponse(status, text) {
        if (is2xx(status) && !text.includes(VERIFIED)) tally.wrong++;
      },
      headers: auth,
    }),
  ];

  return {
    workload: (scenario: ScenarioId) => (scenario === "issue" ? issue : check),
    ready: () => pool.size(),
    async prepare(count) {
      const missing = count - pool.size();
      if (missing <= 0) return;
      const run = await drive(target.server.url, connections, { amount: missing }, issue);
      if (failures(run) > 0 || pool.size() < count) {
        throw new Error(
          `${target.id}: preparing ${missing} verifications failed (${run.errors} connection errors, ${run.non2xx} non-2xx, ${run.wrong} without an id); see ${target.server.logFile}`,
        );
      }
    },
  };
}

/**
 * The whole life of a code on each connection, for long runs that need no prepared codes (the
 * RSS-growth run): issue a verification, then check it with the fixed code.
 *
 * @example
 * await drive(target.server.url, 50, { durationS: 60 }, otpkitCycle(target, createNames()));
 */
export function otpkitCycle(target: Target, names: Names): Workload {
  const headers = { authorization: `Bearer ${target.apiKey}` };
  return (tally) => [
    jsonPost({
      path: "/api/v1/verifications",
      body: () => issueBody(names),
      onResponse(status, text, context) {
        const id = status === 201 ? ID.exec(text)?.[1] : undefined;
        if (id) context["id"] = id;
        else if (is2xx(status)) tally.wrong++;
      },
      headers,
    }),
    jsonPost({
      // No id (the issue failed, and was counted): this check answers 404 and is counted too.
      path: (context) => checkPath(String(context["id"] ?? "none")),
      body: () => ({ code: TEST_CODE }),
      onResponse(status, text) {
        if (is2xx(status) && !text.includes(VERIFIED)) tally.wrong++;
      },
      headers,
    }),
  ];
}
