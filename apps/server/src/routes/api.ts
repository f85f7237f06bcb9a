import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import * as z from "zod";
import type { Verification } from "../db/verifications.js";
import { errorBody } from "../http-errors.js";
import type { Runtime } from "../runtime.js";
import {
  API_PURPOSE_MAX,
  API_SUBJECT_MAX,
  cancelVerification,
  checkVerification,
  tenantSubject,
  unlockSubject,
  verificationState,
} from "../verification-flow.js";
import type { ApiEnv } from "./api-key-auth.js";
import { apiKeyAuth } from "./api-key-auth.js";
import { outcomeView, refused, retryAfter } from "./api-outcomes.js";
import { conversationRoutes } from "./conversations.js";

type Env = ApiEnv;

const subject = z.string().trim().min(1).max(API_SUBJECT_MAX);
const purpose = z
  .string()
  .trim()
  .min(1)
  .max(API_PURPOSE_MAX)
  .regex(/^[A-Za-z0-9_.:-]+$/, { error: "letters, digits and _ . : - only" });

const startSchema = z.strictObject({
  subject,
  purpose: purpose.optional(),
  recipient: z.strictObject({
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{7,14}$/, { error: "use E.164: + and 8 to 15 digits" })
      .optional(),
    name: z.string().max(100).optional(),
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
        error: "use a BCP 47 tag such as en or es-MX",
      })
      .optional(),
  }),
  channel: z.enum(["email", "whatsapp"]).optional(),
  returnUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
});

const checkSchema = z.strictObject({
  code: z.string().min(1).max(64),
  idempotencyKey: z.string().min(1).max(200).optional(),
});

const unlockSchema = z.strictObject({ subject, purpose: purpose.optional() });

/** Reads a JSON body: 415 for another content type, 400 for bad JSON or a schema violation. */
async function readJson<T>(
  c: Context<Env>,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    return {
      ok: false,
      response: c.json(
        errorBody("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json"),
        415,
      ),
    };
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return {
      ok: false,
      response: c.json(errorBody("INVALID_JSON", "The body is not valid JSON"), 400),
    };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "body";
    return {
      ok: false,
      response: c.json(
        errorBody("VALIDATION_FAILED", `${field}: ${issue.message}`, { field }),
        400,
      ),
    };
  }
  return { ok: true, value: parsed.data };
}

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

  api.use(
    bodyLimit({
      maxSize: rt.config.API_BODY_LIMIT_BYTES,
      onError: (c) =>
        c.json(
          errorBody(
            "PAYLOAD_TOO_LARGE",
            `The body exceeds ${rt.config.API_BODY_LIMIT_BYTES} bytes`,
          ),
          413,
        ),
    }),
  );

  api.use(apiKeyAuth(rt));

  /** A verification of this API key, or null: other keys' verifications do not exist for you. */
  async function owned(c: Context<Env>): Promise<Verification | null> {
    const v = await rt.verifications.get(c.req.param("id") ?? "");
    return v && v.apiKeyId === c.get("apiKey").id ? v : null;
  }
  const notFound = (c: Context<Env>) => c.json(errorBody("NOT_FOUND", "No such verification"), 404);

  /** Each API key has its own subjects (see {@link tenantSubject}). */
  const engineSubject = (c: Context<Env>, subject: string) =>
    tenantSubject(c.get("apiKey").id, subject);

  api.post("/verifications", async (c) => {
    const body = await readJson(c, startSchema);
    if (!body.ok) return body.response;
    const input = body.value;
    const idempotencyKey = c.req.header("idempotency-key") ?? input.idempotencyKey;
    if (
      input.returnUrl &&
      !rt.config.RETURN_URL_ALLOWLIST.includes(new URL(input.returnUrl).origin)
    ) {
      return c.json(
        errorBody("VALIDATION_FAILED", "returnUrl: its origin is not in RETURN_URL_ALLOWLIST", {
          field: "returnUrl",
        }),
        400,
      );
    }
    const recipient = Object.fromEntries(
      Object.entries(input.recipient).filter(([, v]) => v !== undefined),
    );
    const result = await rt.otp.issue({
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

  api.post("/verifications/:id/check", async (c) => {
    const body = await readJson(c, checkSchema);
    if (!body.ok) return body.response;
    const v = await owned(c);
    if (!v) return notFound(c);
    const idempotencyKey = c.req.header("idempotency-key") ?? body.value.idempotencyKey;
    const result = await checkVerification(
      rt,
      v,
      body.value.code,
      "api",
      idempotencyKey ? `${c.get("apiKey").id}:${idempotencyKey}` : undefined,
    );
    if (result.status === "locked") retryAfter(c, result.retryAfterMs);
    return c.json(outcomeView(result));
  });

  // An operator's unlock, for the person's support case: ends a lock (also one at the
  // consecutive-failure cap, which nothing else ends) and clears the failure counters. A key
  // unlocks only its own subjects.
  api.post("/subjects/unlock", async (c) => {
    const body = await readJson(c, unlockSchema);
    if (!body.ok) return body.response;
    const { subject: name, purpose: given } = body.value;
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

  api.get("/audit", async (c) => {
    const parsed = z
      .object({
        subject,
        purpose: purpose.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      })
      .safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join(".") || "query";
      return c.json(errorBody("VALIDATION_FAILED", `${field}: ${issue.message}`, { field }), 400);
    }
    const events = await rt.audit.list({
      ...parsed.data,
      subject: engineSubject(c, parsed.data.subject),
    });
    return c.json({
      events: events.map((e) => ({
        ...e,
        subject: parsed.data.subject,
        at: new Date(e.at).toISOString(),
      })),
    });
  });

  // Seed 004's conversation flow: behind the same API-key middleware, each key its own tenant.
  api.route("/conversations", conversationRoutes(rt));

  return api;
}
