import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { open, verification } from "../test/support/hosted-page.js";
import type { TestServer } from "../test/support/runtime.js";
import { createTestServer } from "../test/support/runtime.js";
import { recordFigures } from "./support/figures.js";
import {
  forwardedChain,
  headerValue,
  hostileSegment,
  hostileString,
  request,
} from "./support/fuzz-arbitraries.js";
import type { Fuzzer } from "./support/fuzz-harness.js";
import { countsLine, createFuzzer, expectReady, FUZZ_SEED, runs } from "./support/fuzz-harness.js";

// Hostile input against the hosted page (/verify/:id and its "Send a new code"): forms that are
// not forms, multipart bodies that lie about their boundary, missing and forged CSRF tokens,
// bodies past the page's 4 KiB, hostile Accept-Language; and spoofed X-Forwarded-For chains
// against the per-address limit, with TRUST_PROXY off and on.

let s: TestServer;
let fz: Fuzzer;
const sessions: Array<{ id: string; cookie: string; csrf: string }> = [];
const started = Date.now();
let limitRequests = 0;

beforeAll(async () => {
  s = await createTestServer({
    HOSTED_PAGE_RATE_LIMIT_PER_MINUTE: "10000",
    RETURN_URL_ALLOWLIST: "https://app.example.com",
  });
  fz = createFuzzer(s.app, s.rt);
  for (let i = 0; i < 4; i++) {
    const { id } = await verification(s, { returnUrl: "https://app.example.com/x" }, `page-${i}`);
    const { session } = await open(s, id);
    sessions.push({ id, cookie: session.cookie, csrf: session.csrf });
  }
});
afterAll(() => s?.close());

const session = fc.integer({ min: 0, max: 3 }).map((i) => sessions[i]!);
const id = fc.oneof(
  { weight: 3, arbitrary: session.map((x) => x.id) },
  { weight: 1, arbitrary: hostileSegment },
);
const cookie = fc.oneof(
  fc.constant<"own">("own"),
  fc.constant(null),
  fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
  headerValue,
);
const csrf = fc.oneof(
  fc.constant<"own">("own"),
  fc.constant(null),
  fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
  hostileString,
);
const language = fc.oneof(
  fc.constantFrom("en", "es-MX,es;q=0.9", "zz", "*", "ar;q=abc", "de;q=0.5, fr;q=2"),
  headerValue,
);

/** The form's fields: the right or a forged token, a hostile code, extra fields. */
const fields = fc.record({
  csrf,
  code: fc.oneof(hostileString, fc.stringMatching(/^\d{6}$/)),
  extra: fc.array(fc.tuple(hostileString, hostileString), { maxLength: 3 }),
});

/** The body as sent: url-encoded, multipart (its own boundary or a lying one), raw, or huge. */
const encoding = fc.constantFrom("urlencoded", "multipart", "multipart-lie", "raw", "huge", "json");

function clean(v: string): string {
  return v.replace(/[\ud800-\udfff]/g, "?");
}

function build(
  verb: string,
  path: string,
  own: { cookie: string; csrf: string },
  f: { csrf: string | null; code: string; extra: Array<[string, string]> },
  how: string,
  jar: string | null,
  lang: string,
): Request {
  const token = f.csrf === "own" ? own.csrf : f.csrf;
  const pairs: Array<[string, string]> = [
    ["code", clean(f.code)],
    ...f.extra.map(([k, v]) => [clean(k), clean(v)] as [string, string]),
  ];
  if (token !== null) pairs.unshift(["csrf", clean(token)]);
  const headers: Array<[string, string]> = [["accept-language", lang]];
  if (jar !== null) headers.push(["cookie", `otpkit_csrf=${jar === "own" ? own.cookie : jar}`]);
  let body: string | FormData;
  if (how === "multipart" || how === "multipart-lie") {
    body = new FormData();
    for (const [k, v] of pairs) body.append(k, v);
    if (how === "multipart-lie")
      headers.push(["content-type", "multipart/form-data; boundary=lie"]);
  } else {
    const encoded = new URLSearchParams(pairs).toString();
    body =
      how === "huge"
        ? `${encoded}&pad=${"x".repeat(5_000)}`
        : how === "json"
          ? JSON.stringify(Object.fromEntries(pairs))
          : encoded;
    const type =
      how === "raw"
        ? "text/plain"
        : how === "json"
          ? "application/json"
          : "application/x-www-form-urlencoded";
    headers.push(["content-type", type]);
  }
  return request(verb, path, { headers, body });
}

describe("hostile input: the hosted page", () => {
  it("GET /verify/:id: hostile ids, languages and cookies", async () => {
    await fc.assert(
      fc.asyncProperty(id, language, cookie, async (i, lang, jar) => {
        const headers: Array<[string, string]> = [["accept-language", lang]];
        if (jar !== null && jar !== "own") headers.push(["cookie", `otpkit_csrf=${jar}`]);
        await fz.send("hosted: GET", request("GET", `/verify/${i}`, { headers }), "text");
      }),
      runs(700),
    );
  });

  it("POST /verify/:id: forms, multipart, CSRF missing or forged, hostile codes, 4 KiB+", async () => {
    await fc.assert(
      fc.asyncProperty(
        session,
        id,
        fields,
        encoding,
        cookie,
        language,
        async (own, i, f, how, jar, lang) => {
          const req = build("POST", `/verify/${i}`, own, f, how, jar, lang);
          await fz.send("hosted: POST code", req, "text");
        },
      ),
      runs(1_400),
    );
  });

  it('POST /verify/:id/resend ("Send a new code"): the same hostile forms', async () => {
    await fc.assert(
      fc.asyncProperty(
        session,
        id,
        fields,
        encoding,
        cookie,
        language,
        async (own, i, f, how, jar, lang) => {
          await fz.send(
            "hosted: POST resend",
            build("POST", `/verify/${i}/resend`, own, f, how, jar, lang),
            "text",
          );
        },
      ),
      runs(400),
    );
  });

  it("other methods on the page's routes", async () => {
    const verb = fc.constantFrom("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
    await fc.assert(
      fc.asyncProperty(verb, id, fc.constantFrom("", "/resend"), async (m, i, tail) => {
        await fz.send(
          "hosted: other methods",
          request(m, `/verify/${i}${tail}`, { body: "x" }),
          "text",
        );
      }),
      runs(200),
    );
  });
});

describe("spoofed X-Forwarded-For against the page's per-address limit", () => {
  /** A server allowing 5 requests a minute per address; each run starts a new minute. */
  async function limitServer(trustProxy: string) {
    const server = await createTestServer({
      HOSTED_PAGE_RATE_LIMIT_PER_MINUTE: "5",
      TRUST_PROXY: trustProxy,
    });
    return server;
  }

  it("TRUST_PROXY=0: any X-Forwarded-For chain is ignored, the 6th request of a minute is 429", async () => {
    const server = await limitServer("0");
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(forwardedChain, { minLength: 6, maxLength: 6 }),
          async (chains) => {
            server.clock.advance(60_000);
            const statuses: number[] = [];
            for (const xff of chains) {
              const req = request("GET", "/verify/nope", { headers: [["x-forwarded-for", xff]] });
              statuses.push((await server.app.request(req)).status);
            }
            limitRequests += chains.length;
            expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
          },
        ),
        runs(60),
      );
    } finally {
      await server.close();
    }
  });

  it("TRUST_PROXY=1: a spoofed left part changes nothing; only the proxy's hop is the client", async () => {
    const server = await limitServer("1");
    try {
      const spoof = fc.array(forwardedChain, { minLength: 6, maxLength: 6 });
      await fc.assert(
        fc.asyncProperty(spoof, fc.ipV4(), async (chains, other) => {
          server.clock.advance(60_000);
          const statuses: number[] = [];
          for (const left of chains) {
            const xff = `${left}, 203.0.113.7`; // the proxy appended the address it saw
            const req = request("GET", "/verify/nope", { headers: [["x-forwarded-for", xff]] });
            statuses.push((await server.app.request(req)).status);
          }
          const elsewhere = request("GET", "/verify/nope", {
            headers: [
              [
                "x-forwarded-for",
                `203.0.113.7, ${other === "203.0.113.7" ? "198.51.100.1" : other}`,
              ],
            ],
          });
          statuses.push((await server.app.request(elsewhere)).status);
          limitRequests += chains.length + 1;
          expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 404]);
        }),
        runs(60),
      );
    } finally {
      await server.close();
    }
  });

  it("the runtime still answers after it all, and records its figures", async () => {
    await expectReady(s.app);
    expect(fz.total()).toBeGreaterThanOrEqual(2_700);
    const seconds = (Date.now() - started) / 1000;
    const total = fz.total() + limitRequests;
    recordFigures({
      title: "Hostile input: hosted page",
      lines: [
        `seed ${FUZZ_SEED} (RELIABILITY_SEED=${FUZZ_SEED} reproduces it)`,
        `${total.toLocaleString("en-US")} generated requests in ${seconds.toFixed(0)} s, 0 5xx, /readyz 200 after`,
        `per surface: ${countsLine({ ...fz.counts, "hosted: spoofed X-Forwarded-For vs the limit": limitRequests })}`,
        `statuses: ${countsLine(fz.statuses)}`,
        "X-Forwarded-For: with TRUST_PROXY=0 and =1, 120 minutes of spoofed chains: the 6th request of each minute was 429",
      ],
      data: {
        seed: FUZZ_SEED,
        requests: total,
        fivexx: 0,
        ...fz.counts,
        spoofedForwarding: limitRequests,
      },
    });
  });
});
