// The mixed load of the soak (and of the files that load a server while something happens to
// it): each flow is what one client does, and it adds what it caused to a ledger, so the audit
// log can be checked against the client's own count (accounting.ts).
import type { HttpClient, Reply } from "./load.js";
import { expectStatus } from "./load.js";
import type { CodeSource } from "./mail-sink.js";
import { PEOPLE, TEST_CODE, TEST_DOMAIN } from "./stack.js";

/** What the clients caused, by their answers: the other side of the audit accounting. */
export interface Ledger {
  /** Codes the server said it issued (201 starts, conversation starts, replacements). */
  codes: number;
  /** `verified` answers (API), success pages (hosted), `authenticated` (conversations). */
  verified: number;
  /** The `exhausted` answer to a code's last attempt. */
  exhausted: number;
  /** Cancelled verifications and codes a second start replaced. */
  revoked: number;
  /** `expired` answers to a check after the code's time. */
  expired: number;
}

/** An empty ledger. */
export function emptyLedger(): Ledger {
  return { codes: 0, verified: 0, exhausted: 0, revoked: 0, expired: 0 };
}

/** What every flow needs. */
export interface FlowContext {
  http: HttpClient;
  mail: CodeSource;
  ledger: Ledger;
  /** Unique per run: subjects and addresses carry it. */
  run: string;
  personEmail(i: number): string;
  /** The server's OTP_TTL_SECONDS in ms (late checks wait for it). */
  ttlMs: number;
  /** Verifications waiting for their code to expire (the `late` flow checks them). */
  expiring: Array<{ id: string; due: number }>;
}

/** The flows of the mixed load, in the order the soak cycles through them. */
export const FLOW_KINDS = [
  "api-right",
  "api-test-recipient",
  "hosted",
  "api-exhaust",
  "conversation",
  "api-right",
  "api-revoke",
  "hosted",
  "api-replace",
  "late",
] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** A different code of the same length. */
export function wrongCode(code: string): string {
  return code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
}

/** Runs flow `kind` as iteration `n`. @throws {Error} On any answer the flow did not expect. */
export function runFlow(ctx: FlowContext, kind: FlowKind, n: number): Promise<void> {
  switch (kind) {
    case "api-right":
      return apiRight(ctx, n, false);
    case "api-test-recipient":
      return apiRight(ctx, n, true);
    case "hosted":
      return hosted(ctx, n);
    case "api-exhaust":
      return apiExhaust(ctx, n);
    case "conversation":
      return conversation(ctx, n);
    case "api-revoke":
      return apiRevoke(ctx, n);
    case "api-replace":
      return apiReplace(ctx, n);
    case "late":
      return late(ctx, n);
  }
}

interface Person {
  subject: string;
  email: string;
}

function person(ctx: FlowContext, n: number, test = false): Person {
  const tag = `${ctx.run}-${n}`;
  return { subject: `s-${tag}`, email: test ? `u-${tag}@${TEST_DOMAIN}` : `u-${tag}@example.com` };
}

/** POST /api/v1/verifications; counts the code; returns the id and the code the person got. */
export async function issue(ctx: FlowContext, who: Person): Promise<{ id: string; code: string }> {
  const test = who.email.endsWith(`@${TEST_DOMAIN}`);
  const before = ctx.mail.countFor(who.email);
  const reply = await ctx.http.api("issue", "POST", "/api/v1/verifications", {
    subject: who.subject,
    recipient: { email: who.email },
  });
  expectStatus(reply, [201], "issue");
  ctx.ledger.codes++;
  const code = test ? TEST_CODE : await ctx.mail.codeFor(who.email, { after: before });
  return { id: reply.json.id as string, code };
}

/** POST …/check; returns the answer's `status`. */
export async function check(ctx: FlowContext, id: string, code: string): Promise<string> {
  const reply = await ctx.http.api("check", "POST", `/api/v1/verifications/${id}/check`, { code });
  expectStatus(reply, [200], "check");
  return reply.json.status as string;
}

function expectOutcome(got: string, want: string, what: string): void {
  if (got !== want) throw new Error(`${what}: expected ${want}, got ${got}`);
}

async function apiRight(ctx: FlowContext, n: number, test: boolean): Promise<void> {
  const { id, code } = await issue(ctx, person(ctx, n, test));
  expectOutcome(await check(ctx, id, wrongCode(code)), "invalid", "wrong check");
  expectOutcome(await check(ctx, id, code), "verified", "right check");
  ctx.ledger.verified++;
}

async function apiExhaust(ctx: FlowContext, n: number): Promise<void> {
  const { id, code } = await issue(ctx, person(ctx, n));
  const wrong = wrongCode(code);
  expectOutcome(await check(ctx, id, wrong), "invalid", "wrong 1");
  expectOutcome(await check(ctx, id, wrong), "invalid", "wrong 2");
  expectOutcome(await check(ctx, id, wrong), "exhausted", "wrong 3");
  ctx.ledger.exhausted++;
  // The right code after that counts nothing and verifies nothing.
  expectOutcome(await check(ctx, id, code), "exhausted", "right after exhausted");
}

async function apiRevoke(ctx: FlowContext, n: number): Promise<void> {
  const { id, code } = await issue(ctx, person(ctx, n));
  const reply = await ctx.http.api("cancel", "DELETE", `/api/v1/verifications/${id}`);
  expectStatus(reply, [200, 204], "cancel");
  ctx.ledger.revoked++;
  expectOutcome(await check(ctx, id, code), "not_found", "check after cancel");
}

async function apiReplace(ctx: FlowContext, n: number): Promise<void> {
  const who = person(ctx, n);
  const first = await issue(ctx, who);
  const second = await issue(ctx, who); // OTP_RESEND_COOLDOWN_SECONDS=0: a fresh code at once
  ctx.ledger.revoked++;
  expectOutcome(await check(ctx, first.id, first.code), "not_found", "the replaced code");
  expectOutcome(await check(ctx, second.id, second.code), "verified", "the new code");
  ctx.ledger.verified++;
}

/** A test-recipient code left to expire, or the check of one that did (`expired`). */
async function late(ctx: FlowContext, n: number): Promise<void> {
  const due = ctx.expiring[0];
  if (due && due.due <= Date.now()) {
    ctx.expiring.shift();
    expectOutcome(await check(ctx, due.id, TEST_CODE), "expired", "late check");
    ctx.ledger.expired++;
    return;
  }
  const { id } = await issue(ctx, person(ctx, n, true));
  ctx.expiring.push({ id, due: Date.now() + ctx.ttlMs + 1_500 });
}

/** Each hosted flow is its own browser, from its own address (TRUST_PROXY=1). */
function clientIp(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

async function hosted(ctx: FlowContext, n: number): Promise<void> {
  const { id, code } = await issue(ctx, person(ctx, n));
  const ip = { "x-forwarded-for": clientIp(n) };
  const page = await ctx.http.raw("hosted-get", `/verify/${id}`, { headers: ip });
  expectStatus(page, [200], "hosted page");
  const cookie = /otpkit_csrf=([^;]+)/.exec(page.headers.get("set-cookie") ?? "")?.[1];
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1];
  if (!cookie || !csrf) throw new Error("hosted page: no CSRF cookie or token");
  const post = (typed: string): Promise<Reply> =>
    ctx.http.raw("hosted-post", `/verify/${id}`, {
      method: "POST",
      headers: {
        ...ip,
        "content-type": "application/x-www-form-urlencoded",
        cookie: `otpkit_csrf=${cookie}`,
      },
      body: new URLSearchParams({ csrf, code: typed }).toString(),
    });
  const wrong = await post(wrongCode(code));
  expectStatus(wrong, [200], "hosted wrong code");
  if (!wrong.text.includes("attempts remaining")) throw new Error("hosted: no attempts left shown");
  const right = await post(code.replace(/^(\d{3})/, "$1 ")); // typed as "123 456"
  expectStatus(right, [200], "hosted right code");
  if (!right.text.includes("You&#39;re verified")) throw new Error("hosted: no success page");
  ctx.ledger.verified++;
}

async function conversation(ctx: FlowContext, n: number): Promise<void> {
  // One person per conversation flow (every FLOW_KINDS.length-th flow is one): a person met twice
  // within the resend cooldown would be throttled.
  const i = Math.floor(n / FLOW_KINDS.length) % PEOPLE;
  const email = ctx.personEmail(i);
  const before = ctx.mail.countFor(email);
  const path = `/api/v1/conversations/c-${ctx.run}-${n}`;
  const started = await ctx.http.api("conversation", "POST", `${path}/start`, {
    identifier: `emp-${i}`,
  });
  expectStatus(started, [200], "conversation start");
  expectOutcome(started.json.state, "pending", "conversation start");
  ctx.ledger.codes++;
  const code = await ctx.mail.codeFor(email, { after: before });
  const said = await ctx.http.api("conversation", "POST", `${path}/messages`, {
    text: `the code is ${code}`,
  });
  expectStatus(said, [200], "conversation message");
  expectOutcome(said.json.state, "authenticated", "conversation code");
  ctx.ledger.verified++;
  const session = await ctx.http.api("conversation", "GET", `${path}/session`);
  expectOutcome(session.json?.state, "authenticated", "conversation session");
}
