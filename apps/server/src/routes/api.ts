import type { Context } from "hono";
import { Hono } from "hono";
import type { Verification } from "../db/verifications.js";
import { bodyLimit } from "../http-body-limit.js";
import { errorResponse } from "../http-errors.js";
import { jsonBody, query } from "../http-validation.js";
import type { Runtime } from "../runtime.js";
import {
  cancelVerification,
  checkVerification,
  tenantSubject,
  unlockSubject,
  verificationState,
} from "../verification-flow.js";
import type { ApiEnv } from "./api-key-auth.js";
import { apiKeyAuth } from "./api-key-auth.js";
import { auditView, outcomeView, refused, retryAfter } from "./api-outcomes.js";
import { auditQuery, checkSchema, startSchema, unlockSchema } from "./api-schemas.js";
import { conversationRoutes } from "./conversations.js";

type Env = ApiEnv;

/** The verification as the API shows it. */
function view(rt: Runtime, v: Verification) {
  return {
    id: v.id,
    status: v.status,
    purpose: v.purpose,
    channel: v.channel,
    destination: v.destination,
    expiresAt: new Date(v.expiresAt).toISOString(),
    verifyUrl: `${rt.config.publicUrl}/verify/${v.id}`,
  };
}

/**
 * The generic OTP API for service developers: `Authorization: Bearer otpk_…`.
 * Errors are JSON `{ error: { code, message, field? } }`; bad input is always a 4xx.
 */
export function apiRoutes(rt: Runtime): Hono<Env> {
  const api = new Hono<Env>();
  const limit = rt.config.API_BODY_LIMIT_BYTES;

  api.use(
    bodyLimit({
      maxSize: limit,
      onError: (c) => errorResponse(c, "PAYLOAD_TOO_LARGE", `The body exceeds ${limit} bytes`),
    }),
  );

  api.use(apiKeyAuth(rt));

  /** A verification of this API key, or null: other keys' verifications do not exist for you. */
  async function owned(c: Context<Env>): Promise<Verification | null> {
    const v = await rt.verifications.get(c.req.param("id") ?? "");
    return v && v.apiKeyId === c.get("apiKey").id ? v : null;
  }
  const notFound = (c: Context<Env>) => errorResponse(c, "NOT_FOUND", "No such verification");

  /** Each API key has its own subjects (see {@link tenantSubject}). */
  const engineSubject = (c: Context<Env>, subject: string) =>
    tenantSubject(c.get("apiKey").id, subject);

  api.post("/verifications", jsonBody(startSchema(rt.config.RETURN_URL_ALLOWLIST)), async (c) => {
    const input = c.req.valid("json");
    const idempotencyKey = c.req.header("idempotency-key") ?? input.idempotencyKey;
    const recipient = Object.fromEntries(
      Object.entries(input.recipient).filter(([, v]) => v !== undefined),
    );
    // Counted against the key's send quota (429 API_KEY_QUOTA_EXCEEDED past it: key-quota.ts).
    const result = await rt.keyQuota.forKey(rt.otp, c.get("apiKey").id).issue({
      subject: engineSubject(c, input.subject),
      purpose: input.purpose ?? "login",
      recipient,
      ...(input.channel ? { channels: [input.channel] } : {}),
      ...(idempotencyKey ? { idempotencyKey: `${c.get("apiKey").id}:${idempotencyKey}` } : {}),
    });
    if (result.status !== "issued") return refused(c, result);
    // A replayed idempotent request gets the verification it created the first time.
    const existing = result.replayed ? await rt.verifications.findByCode(result.codeId) : null;
    const verification =
      existing ??
      (await rt.verifications.create({
        subject: engineSubject(c, input.subject),
        purpose: input.purpose ?? "login",
        codeId: result.codeId,
        channel: result.channel ?? null,
        destination: result.destination ?? null,
        returnUrl: input.returnUrl ?? null,
        locale: input.recipient.locale ?? null,
        apiKeyId: c.get("apiKey").id,
        expiresAt: result.expiresAt,
        // Kept sealed for the hosted page's "Send a new code" (same recipient and channels).
        resendTo: { recipient, channels: input.channel ? [input.channel] : null },
      }));
    return c.json(
      { ...view(rt, verification), attemptsAllowed: result.attemptsAllowed },
      existing ? 200 : 201,
    );
  });

  api.get("/verifications/:id", async (c) => {
    const v = await owned(c);
    if (!v) return notFound(c);
    const status = await rt.otp.lookup({ subject: v.subject, purpose: v.purpose });
    const active = status.active?.codeId === v.codeId ? status.active : null;
    const gone = v.status === "pending" && !status.locked && status.latest === null;
    const replaced = gone && (await rt.verifications.hasNewer(v));
    const { state, expiresAt } = verificationState(v, status, rt.now(), replaced);
    return c.json({
      ...view(rt, v),
      status: state,
      expiresAt: new Date(expiresAt).toISOString(),
      attemptsRemaining: active?.attemptsRemaining ?? 0,
      active: state === "pending" && active !== null,
      locked: status.locked,
      // null also while locked until an operator unlocks (`locked` says which).
      lockedUntil: status.lockedUntil === null ? null : new Date(status.lockedUntil).toISOString(),
    });
  });

  api.post("/verifications/:id/check", jsonBody(checkSchema), async (c) => {
    const v = await owned(c);
    if (!v) return notFound(c);
    const body = c.req.valid("json");
    const idempotencyKey = c.req.header("idempotency-key") ?? body.idempotencyKey;
    const result = await checkVerification(
      rt,
      v,
      body.code,
      "api",
      idempotencyKey ? `${c.get("apiKey").id}:${idempotencyKey}` : undefined,
    );
    if (result.status === "locked") retryAfter(c, result.retryAfterMs);
    return c.json(outcomeView(result));
  });

  // An operator's unlock, for the person's support case: ends a lock (also one at the
  // consecutive-failure cap, which nothing else ends) and clears the failure counters. A key
  // unlocks only its own subjects.
  api.post("/subjects/unlock", jsonBody(unlockSchema), async (c) => {
    const { subject: name, purpose: given } = c.req.valid("json");
    const purposeName = given ?? "login";
    const unlocked = await unlockSubject(rt, c.get("apiKey").id, name, purposeName);
    return c.json({ subject: name, purpose: purposeName, unlocked });
  });

  api.delete("/verifications/:id", async (c) => {
    const v = await owned(c);
    if (!v) return notFound(c);
    await cancelVerification(rt, v);
    return c.json({ ...view(rt, v), status: v.status === "pending" ? "cancelled" : v.status });
  });

  // The audit trail of one of this key's subjects: every time ISO 8601, each event with the
  // verification it belongs to (when it concerns a code that one was started for).
  api.get("/audit", query(auditQuery), async (c) => {
    const q = c.req.valid("query");
    const events = await rt.audit.list({ ...q, subject: engineSubject(c, q.subject) });
    return c.json({ events: events.map((e) => auditView(e, q.subject)) });
  });

  // Seed 004's conversation flow: behind the same API-key middleware, each key its own tenant.
  api.route("/conversations", conversationRoutes(rt));

  return api;
}
