import { signHubSpotRequest } from "@otpkit/hubspot-adapter/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HubSpotServer } from "../test/support/hubspot.js";
import { startHubSpotServer } from "../test/support/hubspot.js";
import { recordFigures } from "./support/figures.js";
import {
  anyJson,
  headerValue,
  hostileString,
  malformedJson,
  mutated,
  request,
} from "./support/fuzz-arbitraries.js";
import type { Fuzzer } from "./support/fuzz-harness.js";
import {
  countsLine,
  createFuzzer,
  expectReady,
  FUZZ_SEED,
  runs,
  stateCount,
} from "./support/fuzz-harness.js";

// Hostile input against every HubSpot handler of the server (workflow actions, the contact card,
// the settings page, OAuth): missing, forged, stale, future and tampered signatures are refused
// with a reason; validly signed hostile payloads never make a 5xx; a replayed request (HubSpot's
// retries, or an attacker's copy inside the 5-minute window) makes no second code and counts no
// second guess, and a replay past the window is refused; a replayed OAuth callback is spent.

const SECRET = "server-hubspot-client-secret"; // test/support/hubspot.ts's app
const BASE = "http://localhost/hubspot";
let h: HubSpotServer;
let fz: Fuzzer;
let contacts: string[] = [];
let callbacks = 0;
const started = Date.now();
const accounting = { replays: 0, issuedByReplays: 0, failedByReplays: 0, staleRefused: 0 };

beforeAll(async () => {
  h = await startHubSpotServer();
  await h.settings({ email: { enabled: true } });
  fz = createFuzzer(h.server.app, h.server.rt);
  contacts = [0, 1, 2].map((i) =>
    h.portal.addContact({ properties: { email: `c${i}@example.com` } }),
  );
});
afterAll(() => h?.close());

const now = () => h.server.clock.now();

/** Every route, its method and how it is signed (a workflow action or a hubspot.fetch). */
const ROUTES = [
  ["POST", "/actions/generate-otp", "workflow"],
  ["POST", "/actions/verify-otp", "workflow"],
  ["POST", "/actions/wait-for-verification", "workflow"],
  ["GET", "/card/status", "fetch"],
  ["POST", "/card/generate", "fetch"],
  ["POST", "/card/resend", "fetch"],
  ["POST", "/card/regenerate", "fetch"],
  ["GET", "/settings", "fetch"],
  ["PUT", "/settings", "fetch"],
  ["GET", "/settings/properties", "fetch"],
  ["POST", "/settings/preview", "fetch"],
] as const;

type Signing = "valid" | "none" | "forged" | "stale" | "future" | "tampered" | "garbage";

/** A request to `path`, signed as `how` says; `query` is HubSpot's appended identity. */
function signed(
  verb: string,
  path: string,
  body: string | null,
  how: Signing,
  query = "",
): Request {
  const url = `${BASE}${path}${query}`;
  const at = how === "stale" ? now() - 6 * 60_000 : how === "future" ? now() + 6 * 60_000 : now();
  const secret = how === "forged" ? "not-the-client-secret" : SECRET;
  const sig = signHubSpotRequest({
    method: verb,
    url,
    ...(body === null ? {} : { body }),
    clientSecret: secret,
    timestamp: at,
  });
  let headers: Array<[string, string]> = Object.entries(sig);
  if (how === "none") headers = [];
  if (how === "garbage") headers = headers.map(([k]) => [k, "x"]);
  if (body !== null) headers.push(["content-type", "application/json"]);
  // Tampered after signing: a byte added to the body, or (no body) a parameter to the query.
  const tampered = how === "tampered";
  const sent = tampered && body !== null ? `${body} ` : body;
  const q = tampered && body === null ? `${query}${query ? "&" : "?"}userId=2` : query;
  return request(verb, `/hubspot${path}${q}`, { headers, body: sent });
}

function workflowPayload(
  contact: string,
  callbackId: string,
  inputFields: Record<string, unknown>,
) {
  return {
    callbackId,
    origin: { portalId: h.portalId, actionDefinitionId: 77 },
    context: { source: "WORKFLOWS", workflowId: 123 },
    object: { objectId: Number(contact), objectType: "CONTACT" },
    inputFields,
  };
}

const signing = fc.constantFrom<Signing>(
  "none",
  "forged",
  "stale",
  "future",
  "tampered",
  "garbage",
);
const contact = fc.integer({ min: 0, max: 2 }).map((i) => contacts[i]!);
const identity = fc.oneof(
  fc.constant(() => `?appId=7&portalId=${h.portalId}&userId=1`),
  fc.tuple(hostileString, hostileString).map(
    ([p, u]) =>
      () =>
        `?${new URLSearchParams({ appId: "7", portalId: p.replace(/[\ud800-\udfff]/g, "?"), userId: u.replace(/[\ud800-\udfff]/g, "?") })}`,
  ),
  fc.constant(() => `?appId=8&portalId=${h.portalId}&userId=1`),
  fc.constant(() => `?appId=7&portalId=${h.portalId}&portalId=1&userId=1`),
  fc.constant(() => ""),
);
const payload = fc.oneof(
  fc
    .tuple(contact, fc.integer())
    .chain(([c, n]) =>
      mutated(workflowPayload(c, `ap-fuzz-${n}`, { submitted_code: "123456" })).map((p) =>
        JSON.stringify(p),
      ),
    ),
  fc
    .tuple(contact, fc.dictionary(hostileString, anyJson, { maxKeys: 4 }))
    .map(([c, f]) => JSON.stringify(workflowPayload(c, `ap-f-${++callbacks}`, f))),
  malformedJson,
  fc.dictionary(hostileString, anyJson).map((o) => JSON.stringify(o)),
);

describe("hostile input: the HubSpot handlers", () => {
  it("missing, forged, stale, future, tampered and garbage signatures are refused on every route", async () => {
    const route = fc.constantFrom(...ROUTES);
    await fc.assert(
      fc.asyncProperty(
        route,
        signing,
        payload,
        identity,
        async ([verb, path, kind], how, body, q) => {
          const req = signed(
            verb,
            path,
            verb === "GET" ? null : body,
            how,
            kind === "fetch" ? q() : "",
          );
          const answer = await fz.send(`hubspot: ${how} signature`, req, "json");
          expect([401, 403, 405], `${how} ${verb} ${path}: ${answer.text}`).toContain(
            answer.status,
          );
        },
      ),
      runs(1_100),
    );
  });

  it("validly signed hostile payloads, queries and bodies: never a 5xx", async () => {
    const route = fc.constantFrom(...ROUTES);
    await fc.assert(
      fc.asyncProperty(route, payload, identity, async ([verb, path, kind], body, q) => {
        const req = signed(
          verb,
          path,
          verb === "GET" ? null : body,
          "valid",
          kind === "fetch" ? q() : "",
        );
        await fz.send("hubspot: signed hostile payload", req, "json");
      }),
      runs(900),
    );
  });

  it("replays inside the window make no second code and count no second guess; after it, 401", async () => {
    const countType = async (type: string) =>
      Number(
        (
          await h.server.rt.database.db
            .selectFrom("audit_events")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("type", "=", type)
            .executeTakeFirstOrThrow()
        ).n,
      );
    // The fuzzing before may have saved other (valid) settings through PUT /settings.
    await h.settings({ email: { enabled: true } });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 5 }), async (times) => {
        // A contact of its own: its first generate makes exactly one code, its first wrong
        // verify counts exactly one guess, whatever the fuzzing before did to the others.
        const c = h.portal.addContact({
          properties: { email: `replay${++callbacks}@example.com` },
        });
        for (const [action, fields, type] of [
          ["generate-otp", {}, "issued"],
          ["verify-otp", { submitted_code: "000000" }, "failed"],
        ] as const) {
          const body = JSON.stringify(workflowPayload(c, `ap-replay-${++callbacks}`, fields));
          const before = await countType(type);
          const first = await fz.send(
            "hubspot: replayed callbacks",
            signed("POST", `/actions/${action}`, body, "valid"),
            "json",
          );
          for (let i = 1; i < times; i++) {
            const again = await fz.send(
              "hubspot: replayed callbacks",
              signed("POST", `/actions/${action}`, body, "valid"),
              "json",
            );
            expect(again.status).toBe(first.status);
            expect(again.text).toBe(first.text);
            accounting.replays++;
          }
          const made = (await countType(type)) - before;
          expect(made, `${action} sent ${times} times: ${first.text}`).toBe(1);
          if (type === "issued") accounting.issuedByReplays += made;
          else accounting.failedByReplays += made;
          // The same signed bytes after HubSpot's 5-minute window: refused, nothing recorded.
          const stale = signed("POST", `/actions/${action}`, body, "valid");
          h.server.clock.advance(6 * 60_000);
          const state = await stateCount(h.server.rt);
          const late = await fz.send("hubspot: replayed callbacks", stale, "json");
          expect(late.status).toBe(401);
          expect(await stateCount(h.server.rt)).toEqual(state);
          accounting.staleRefused++;
        }
      }),
      runs(40),
    );
  });

  it("OAuth: hostile callbacks are refused with a page; a replayed callback is spent", async () => {
    const query = fc.array(
      fc.tuple(fc.constantFrom("code", "state", "error", "x"), hostileString),
      { maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("install", "callback"),
        query,
        headerValue,
        async (route, pairs, cookie) => {
          const q = new URLSearchParams(
            pairs.map(([k, v]) => [k, v.replace(/[\ud800-\udfff]/g, "?")]),
          );
          const req = request("GET", `/hubspot/oauth/${route}?${q}`, {
            headers: [["cookie", cookie]],
          });
          await fz.send("hubspot: OAuth", req, "text");
        },
      ),
      runs(300),
    );
    for (let i = 0; i < 5; i++) {
      const install = await h.server.app.request("/hubspot/oauth/install");
      const consent = await fetch(install.headers.get("Location")!, { redirect: "manual" });
      const back = new URL(consent.headers.get("Location")!);
      const path = `${back.pathname}${back.search}`;
      expect((await fz.send("hubspot: OAuth", path, "text")).status).toBe(200);
      const replayed = await fz.send("hubspot: OAuth", path, "text");
      expect(replayed.status).toBe(400);
    }
  });

  it("the runtime still answers after it all, and records its figures", async () => {
    await expectReady(h.server.app);
    expect(fz.total()).toBeGreaterThanOrEqual(2_400);
    const seconds = (Date.now() - started) / 1000;
    recordFigures({
      title: "Hostile input: HubSpot handlers",
      lines: [
        `seed ${FUZZ_SEED} (RELIABILITY_SEED=${FUZZ_SEED} reproduces it)`,
        `${fz.total().toLocaleString("en-US")} generated requests in ${seconds.toFixed(0)} s, 0 5xx, /readyz 200 after`,
        `per surface: ${countsLine(fz.counts)}`,
        `statuses: ${countsLine(fz.statuses)}`,
        `replays: 40 generate and 40 verify callbacks, each sent 2-5 times (${accounting.replays} replays): ${accounting.issuedByReplays} codes issued and ${accounting.failedByReplays} guesses counted, one per callback; ${accounting.staleRefused} replays past the 5-minute window refused (401), nothing recorded`,
      ],
      data: { seed: FUZZ_SEED, requests: fz.total(), fivexx: 0, ...fz.counts, ...accounting },
    });
  });
});
