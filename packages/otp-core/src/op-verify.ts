import { normalizeCode } from "./alphabet.js";
import type { VerifyRequest, VerifyResult } from "./api.js";
import { argumentError } from "./assert.js";
import type { OtpChannel, Recipient } from "./channel.js";
import { destinationsOf } from "./destination-quota.js";
import type { SubjectContext } from "./effects.js";
import type { Parts } from "./parts.js";
import { commitAndEmit, contextOf } from "./parts.js";
import type { Candidate, Decision } from "./rules/index.js";
import { decideUndelivered, decideVerify } from "./rules/index.js";

/** @internal `verify`: checks the request, then runs it once per idempotency key. */
export async function verify(parts: Parts, request: VerifyRequest): Promise<VerifyResult> {
  const ctx = contextOf(parts, request);
  if (typeof request.code !== "string") throw argumentError("code", "string", request.code);
  if (request.codeId !== undefined && typeof request.codeId !== "string") {
    throw argumentError("codeId", "string", request.codeId);
  }
  const code = normalizeCode(request.code, parts.policy.code.alphabet);
  // Without an idempotency key the check runs as it is, without the claim around it.
  if (request.idempotencyKey === undefined) return verifyNow(parts, ctx, code, request.codeId);
  return parts.idempotency.once(
    ctx,
    "verify",
    request.idempotencyKey,
    // The same key must mean the same check: the code id and the (normalised) code it was for.
    () => `${request.codeId ?? "-"}\0${code}`,
    () => verifyNow(parts, ctx, code, request.codeId),
  );
}

async function verifyNow(
  parts: Parts,
  ctx: SubjectContext,
  code: string,
  codeId: string | undefined,
): Promise<VerifyResult> {
  // With retryOnFailure the fresh code is prepared before deciding (randomness and sealing are
  // the shell's); it is used only if the decision sends it.
  const retry = parts.policy.retryOnFailure
    ? await parts.codes.seal(ctx.sid, parts.codes.make(ctx.sid, undefined))
    : undefined;
  const decision = await commitAndEmit(parts, ctx, (record, now) =>
    decideVerify(
      record,
      {
        now,
        code,
        codeId,
        matches: (state) => parts.codes.matches(ctx.sid, code, state),
        retry: retry?.candidate,
        // Planned only when a fresh code could go out (retryOnFailure): not on every check.
        retryChannel:
          retry !== undefined && record?.to
            ? planFirst(parts, record.to, record.channels)
            : undefined,
      },
      parts.policy,
    ),
  );
  const outcome = decision.outcome;
  if (outcome.status === "not_found") parts.codes.dummy(ctx.sid, code);
  if (outcome.status === "invalid" && outcome.resent && retry !== undefined) {
    return sendRetry(parts, ctx, decision, retry, outcome);
  }
  return outcome;
}

async function sendRetry(
  parts: Parts,
  ctx: SubjectContext,
  decision: Decision<VerifyResult>,
  retry: { code: string; candidate: Candidate },
  outcome: VerifyResult & { status: "invalid" },
): Promise<VerifyResult> {
  const message = decision.messages.find((m) => m.kind === "retry")!;
  // A fresh code is a send like any other: its destination's quota counts it (and, over it,
  // withdraws it as if undelivered). Without the quota, retries would multiply what one
  // destination may receive by the attempts of every subject sending to it.
  if (parts.quota !== undefined) {
    const plan = planOf(parts, message.to, message.channels);
    const take = await parts.quota.take(ctx, destinationsOf(plan, message.to));
    if (!take.ok) return withdraw(parts, ctx, retry.candidate.id);
  }
  try {
    await parts.effects.deliver(ctx, {
      message: message as typeof message & { kind: "retry" },
      code: retry.code,
      expiresAt: decision.next?.code?.expiresAt ?? parts.shell.now() + parts.policy.ttlMs,
    });
    return outcome;
  } catch {
    return withdraw(parts, ctx, retry.candidate.id);
  }
}

/** The fresh code could not go out: it is withdrawn and the spent one comes back if it can. */
async function withdraw(parts: Parts, ctx: SubjectContext, codeId: string): Promise<VerifyResult> {
  const undelivered = await commitAndEmit(parts, ctx, (record, now) =>
    decideUndelivered(record, { now, codeId }, parts.policy),
  );
  const u = undelivered.outcome;
  if (u.restored) {
    return { status: "invalid", attemptsRemaining: u.attemptsRemaining, resent: false };
  }
  return { status: u.previous ?? "not_found" };
}

function planFirst(
  parts: Parts,
  to: Recipient,
  channels: readonly string[] | undefined,
): string | undefined {
  return planOf(parts, to, channels)[0]?.name;
}

function planOf(
  parts: Parts,
  to: Recipient,
  channels: readonly string[] | undefined,
): OtpChannel[] {
  try {
    return parts.deliverer.plan(to, channels);
  } catch {
    return []; // a channel named in the record is no longer configured
  }
}
