// Two server processes on one PostgreSQL and one Redis run HubSpot's "Wait for verification":
// every contact gets Generate OTP and Wait through A (A answers BLOCK: the callback is pending),
// then A is SIGKILLed in the middle of completing some of them (its calls to HubSpot's callbacks
// API held, so they died with it, claimed but not completed). The survivor B completes every
// pending callback exactly once with the right outcome: contacts that verify through B at once
// (`verified`), those whose completion died with A once A's claim lapses (`verified`, kept from
// the claim), and those who never verify when their window ends (`expired`).
import type { ServerResponse } from "node:http";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeHubSpot } from "@otpkit/hubspot-adapter/testing";
import {
  signedFetchRequest,
  signedWorkflowRequest,
  startFakeHubSpot,
} from "@otpkit/hubspot-adapter/testing";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { ServerProcess } from "../test/support/processes.js";
import { until } from "./support/fault-load.js";
import { recordFigures } from "./support/figures.js";
import type { Stack } from "./support/stack.js";
import { startStack } from "./support/stack.js";

const APP = { clientId: "rel-sigkill-client", clientSecret: "rel-sigkill-client-secret", appId: 7 };
const PORTAL = 4242;
const PER_GROUP = 4;
/** The shortest wait window the action takes (WAIT_WINDOW.min). */
const WINDOW = "PT1M";
/** The adapter's fixed waitLeaseMs (60 s) + the server's completeDue beat (30 s) + slack. */
const COMPLETE_WITHIN_MS = 150_000;
const CALLBACKS = /^\/automation\/v4\/actions\/callbacks\//;

/** A loopback proxy to the fake HubSpot that can hold (never forward) callback completions. */
function startHoldingProxy(target: string) {
  const held: ServerResponse[] = [];
  let holding = false;
  const server = createServer((req, res) => {
    if (holding && CALLBACKS.test(req.url ?? "")) {
      held.push(res);
      return;
    }
    const up = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
  return new Promise<{ url: string; held: ServerResponse[]; hold(): void; close(): void }>(
    (resolve) =>
      server.listen(0, "127.0.0.1", () =>
        resolve({
          url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          held,
          hold: () => {
            holding = true;
          },
          close: () => {
            server.closeAllConnections();
            server.close();
          },
        }),
      ),
  );
}

let fake: FakeHubSpot | undefined;
let stack: Stack | undefined;
let proxy: Awaited<ReturnType<typeof startHoldingProxy>> | undefined;
afterAll(async () => {
  proxy?.close();
  await stack?.close();
  await fake?.close();
});

interface Contact {
  id: string;
  email: string;
  group: "verify-on-B" | "died-with-A" | "expire";
  callbackId: string;
  waitedAt: number;
  /** When the contact's verification was answered. */
  verifiedAt?: number;
}

let seq = 0;

/** A request as HubSpot sends it: signed for PUBLIC_URL's address, sent to `server`. */
async function send(server: ServerProcess, signed: Request): Promise<Response> {
  const { pathname, search } = new URL(signed.url);
  const body = signed.method === "GET" ? undefined : await signed.text();
  return fetch(`${server.url}${pathname}${search}`, {
    method: signed.method,
    headers: signed.headers,
    ...(body === undefined ? {} : { body }),
  });
}

async function action(
  server: ServerProcess,
  name: string,
  contact: Pick<Contact, "id">,
  inputFields: Record<string, string> = {},
  callbackId = `ap-${PORTAL}-${Date.now()}-${++seq}-0`,
): Promise<Record<string, string>> {
  const res = await send(
    server,
    signedWorkflowRequest({
      url: `${stack!.env["PUBLIC_URL"]}/hubspot/actions/${name}`,
      clientSecret: APP.clientSecret,
      payload: {
        callbackId,
        origin: { portalId: PORTAL, actionDefinitionId: 77 },
        context: { source: "WORKFLOWS", workflowId: 123 },
        object: { objectId: Number(contact.id), objectType: "CONTACT" },
        inputFields,
      },
    }),
  );
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return (JSON.parse(text) as { outputFields: Record<string, string> }).outputFields;
}

async function pendingRows(): Promise<Array<{ callback_id: string; claim_until: string | null }>> {
  const client = new pg.Client({ connectionString: stack!.databaseUrl });
  await client.connect();
  try {
    const sql = "SELECT callback_id, claim_until, outcome FROM hubspot_pending_callbacks";
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("two processes, the one holding Wait-for-verification callbacks SIGKILLed", () => {
  it("the survivor completes every pending callback once, with the right outcome", async () => {
    fake = await startFakeHubSpot({ app: APP, defaultPortalId: PORTAL });
    proxy = await startHoldingProxy(fake.url);
    const hubspotEnv = {
      HUBSPOT_CLIENT_ID: APP.clientId,
      HUBSPOT_CLIENT_SECRET: APP.clientSecret,
      HUBSPOT_APP_ID: String(APP.appId),
      HUBSPOT_API_BASE_URL: fake.url,
      HUBSPOT_AUTH_BASE_URL: fake.url,
    };
    stack = await startStack({
      label: "sigkillcb",
      processes: 0,
      env: { ...hubspotEnv, OTP_RESEND_COOLDOWN_SECONDS: "0" },
    });
    // A reaches HubSpot's API through the proxy (so its completions can be held), B directly.
    const A = await stack.start("A", { env: { HUBSPOT_API_BASE_URL: proxy.url } });
    const B = await stack.start("B");
    const publicUrl = stack.env["PUBLIC_URL"]!;

    // The admin installs the app (OAuth through A) and turns e-mail on (the settings page).
    const install = await fetch(`${A.url}/hubspot/oauth/install`, { redirect: "manual" });
    const consent = await fetch(install.headers.get("Location")!, { redirect: "manual" });
    const back = new URL(consent.headers.get("Location")!);
    expect((await fetch(`${A.url}${back.pathname}${back.search}`)).status).toBe(200);
    const saved = await send(
      A,
      signedFetchRequest({
        url: `${publicUrl}/hubspot/settings`,
        method: "PUT",
        clientSecret: APP.clientSecret,
        query: { appId: APP.appId, portalId: PORTAL, userId: 1 },
        body: { email: { enabled: true } },
      }),
    );
    expect(saved.status, await saved.text()).toBe(200);

    // Every contact: Generate OTP and Wait for verification through A.
    const portal = fake.portal(PORTAL);
    const groups = ["verify-on-B", "died-with-A", "expire"] as const;
    const contacts: Contact[] = [];
    for (const group of groups) {
      for (let i = 0; i < PER_GROUP; i++) {
        const email = `wait-${group}-${i}.${stack.run}@example.com`;
        const contact = { id: portal.addContact({ properties: { email } }), email, group };
        expect((await action(A, "generate-otp", contact))["otp_status"]).toBe("generated");
        const callbackId = `ap-${PORTAL}-wait-${stack.run}-${++seq}-0`;
        const waited = await action(
          A,
          "wait-for-verification",
          contact,
          {
            expiration_duration: WINDOW,
          },
          callbackId,
        );
        expect(waited["hs_execution_state"]).toBe("BLOCK");
        contacts.push({ ...contact, callbackId, waitedAt: Date.now() });
      }
    }
    const codeOf = (c: Contact) => stack!.mail.codeFor(c.email);

    // Some contacts verify through A; A claims their callbacks and calls HubSpot, which never
    // answers (held): A is SIGKILLed mid-completion.
    proxy.hold();
    const diedWithA = contacts.filter((c) => c.group === "died-with-A");
    for (const c of diedWithA) {
      const out = await action(A, "verify-otp", c, { submitted_code: await codeOf(c) });
      expect(out["otp_result"]).toBe("verified");
      c.verifiedAt = Date.now();
    }
    await until(async () => proxy!.held.length >= diedWithA.length, "A's completions held");
    const pendingAtKill = (await pendingRows()).length;
    const claimedAtKill = (await pendingRows()).filter((r) => r.claim_until !== null).length;
    process.kill(A.pid, "SIGKILL");
    const killedAt = Date.now();
    expect((await A.stop(1_000)).signal).toBe("SIGKILL");
    expect(pendingAtKill).toBe(contacts.length);
    expect(claimedAtKill).toBe(diedWithA.length);

    // After the kill, through B: the others verify (Verify OTP with the e-mailed code).
    for (const c of contacts.filter((x) => x.group === "verify-on-B")) {
      const out = await action(B, "verify-otp", c, { submitted_code: await codeOf(c) });
      expect(out["otp_result"]).toBe("verified");
      c.verifiedAt = Date.now();
    }

    // Every callback completes at HubSpot; when each was first seen there.
    const completedAt = new Map<string, number>();
    const waitedMs = await until(
      async () => {
        for (const done of portal.completedCallbacks) {
          if (!completedAt.has(done.callbackId)) completedAt.set(done.callbackId, Date.now());
        }
        return contacts.every((c) => completedAt.has(c.callbackId));
      },
      "every Wait callback completed",
      COMPLETE_WITHIN_MS,
    );
    // Nothing is left to complete (so nothing can complete twice later), and nothing died with A.
    expect(await pendingRows()).toEqual([]);
    expect(B.exited()).toBe(false);

    const expected = { "verify-on-B": "verified", "died-with-A": "verified", expire: "expired" };
    const completions = portal.completedCallbacks.filter((d) =>
      contacts.some((c) => c.callbackId === d.callbackId),
    );
    const outcomes = contacts.map((c) => {
      const done = completions.filter((d) => d.callbackId === c.callbackId);
      return { group: c.group, times: done.length, result: done[0]?.outputFields["otp_result"] };
    });
    expect(outcomes).toEqual(
      contacts.map((c) => ({ group: c.group, times: 1, result: expected[c.group] })),
    );
    expect(completions.every((d) => d.outputFields["hs_execution_state"] === "SUCCESS")).toBe(true);
    expect(completions.length).toBe(contacts.length);
    // The held calls never reached HubSpot: A completed nothing, B completed everything.
    expect(contacts.every((c) => completedAt.get(c.callbackId)! > killedAt)).toBe(true);

    /** The slowest completion of a group, ms after `from`. */
    const slowest = (group: Contact["group"], from: (c: Contact) => number) => {
      const ms = contacts
        .filter((c) => c.group === group)
        .map((c) => completedAt.get(c.callbackId)! - from(c));
      return Math.max(...ms);
    };
    const verifiedOnB = slowest("verify-on-B", (c) => c.verifiedAt!);
    const lapsed = slowest("died-with-A", () => killedAt);
    const expired = slowest("expire", (c) => c.waitedAt + 60_000);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    recordFigures({
      title: "Fault: SIGKILL with Wait-for-verification callbacks pending",
      lines: [
        `${contacts.length} Wait-for-verification callbacks pending on A (BLOCK answered by A, window ${WINDOW}) when A was SIGKILLed; ${claimedAtKill} of them mid-completion (claimed by A, its calls to HubSpot cut by the kill)`,
        `B completed all ${contacts.length}: ${PER_GROUP} verified through B within ${s(verifiedOnB)} of the verification; ${PER_GROUP} whose completion died with A within ${s(lapsed)} of the kill (A's 60 s claim lapsing + B's 30 s beat), outcome "verified" kept; ${PER_GROUP} never verified "expired" within ${s(expired)} of their window's end`,
        `each callback completed exactly once (duplicates 0, lost 0, pending rows left 0); all done ${(waitedMs / 1000).toFixed(1)} s after B's verifications`,
      ],
      data: {
        pendingOnAAtKill: pendingAtKill,
        claimedByAAtKill: claimedAtKill,
        completedByB: completions.length,
        verifiedOnBMaxMs: verifiedOnB,
        afterClaimLapseMaxMs: lapsed,
        afterWindowEndMaxMs: expired,
        duplicates: completions.length - new Set(completions.map((d) => d.callbackId)).size,
        lost: contacts.filter((c) => !completedAt.has(c.callbackId)).length,
      },
    });
  });
});
