import type { IssueRequest, IssueResult } from "./api.js";
import { argumentError } from "./assert.js";
import type { Delivered } from "./delivery.js";
import type { Taken } from "./destination-quota.js";
import { destinationsOf } from "./destination-quota.js";
import type { SubjectContext } from "./effects.js";
import { maskDestination } from "./mask.js";
import type { Parts } from "./parts.js";
import { checkRecipient, commitAndEmit, contextOf } from "./parts.js";
import { decideDelivered, decideIssue, decideUndelivered } from "./rules/index.js";

/** @internal `issue`: checks the request, then runs it once per idempotency key. */
export async function issue(parts: Parts, request: IssueRequest): Promise<IssueResult> {
  const ctx = contextOf(parts, request);
  const deliver = request.deliver ?? true;
  if (typeof deliver !== "boolean") throw argumentError("deliver", "boolean", deliver);
  const returnCode = request.returnCode ?? false;
  if (typeof returnCode !== "boolean") throw argumentError("returnCode", "boolean", returnCode);
  if (request.recipient !== undefined) checkRecipient(request.recipient);
  if (deliver && request.recipient === undefined) {
    throw argumentError("recipient", "{ email } or { phone } (or deliver: false)", undefined);
  }
  if (request.channels !== undefined && !Array.isArray(request.channels)) {
    throw argumentError("channels", "an array of channel names", request.channels);
  }
  // Without an idempotency key the operation runs as it is, without the claim around it.
  if (request.idempotencyKey === undefined) return issueNow(parts, ctx, request, deliver);
  const result = await parts.idempotency.once(
    ctx,
    "issue",
    request.idempotencyKey,
    () =>
      JSON.stringify([request.recipient ?? null, request.channels ?? null, deliver, returnCode]),
    () => issueNow(parts, ctx, request, deliver),
    // The plaintext never goes into the idempotency record.
    (r) => (r.status === "issued" && r.code !== undefined ? { ...r, code: undefined } : r),
  );
  if (
    result.replayed &&
    result.status === "issued" &&
    (!deliver || returnCode) &&
    parts.shell.storage === "encrypted"
  ) {
    // Re-read it from the sealed copy, while it is still the active code.
    const record = await parts.committer.read(ctx.key);
    if (record?.code?.id === result.codeId && record.code.ended === undefined) {
      return { ...result, code: await parts.codes.reveal(ctx.sid, record.code) };
    }
  }
  return result;
}

async function issueNow(
  parts: Parts,
  ctx: SubjectContext,
  request: IssueRequest,
  deliver: boolean,
): Promise<IssueResult> {
  // A test recipient is sent nothing: neither the country allow-list nor the quota concerns it.
  const test = deliver && parts.codes.isTest(request.recipient);
  const plan = deliver ? parts.deliverer.plan(request.recipient!, request.channels, test) : [];
  if (deliver && plan.length === 0) {
    throw parts.deliverer.noPlanError(request.recipient!, request.channels);
  }
  const made = parts.codes.make(ctx.sid, request.recipient);
  const { code, candidate } =
    parts.shell.storage === "encrypted" ? await parts.codes.seal(ctx.sid, made) : made;
  const channel = candidate.test ? "test" : plan[0]?.name;
  // The destination quota first, so that a destination over it leaves the subject untouched (no
  // code replaced, no throttle spent). It costs a read and a compare-and-set more per delivered
  // issue (twice that when a phone and an e-mail fallback are both in the plan), only while the
  // quota is on; issue 14 measures the issue path with it.
  let counted: readonly Taken[] | undefined;
  if (parts.quota !== undefined && deliver && !candidate.test) {
    const take = await parts.quota.take(ctx, destinationsOf(plan, request.recipient!));
    if (!take.ok) {
      return { status: "throttled", reason: "destination_quota", retryAfterMs: take.retryAfterMs };
    }
    counted = take.taken;
  }
  const decision = await commitAndEmit(parts, ctx, (record, now) =>
    decideIssue(
      record,
      { now, candidate, to: request.recipient, channels: request.channels, deliver, channel },
      parts.policy,
    ),
  );
  const outcome = decision.outcome;
  if (outcome.status !== "issued") {
    // Refused by the subject's own lock or throttle: nothing was sent, nothing stays counted.
    if (counted !== undefined) await parts.quota!.refund(counted);
    return outcome;
  }
  // Object.assign, not `{ ...outcome, code }`: on V8 (Node 20) a spread that adds a field costs
  // microseconds (see makeRecord in record.ts), and every `deliver: false` issue comes here.
  if (!deliver) return Object.assign({}, outcome, { code });
  if (candidate.test) {
    // No delivery for test recipients: the caller knows the fixed code.
    const to = request.recipient!;
    return withCode(
      { ...outcome, channel: "test", destination: maskDestination(to.phone ?? to.email ?? "") },
      request.returnCode === true ? code : undefined,
    );
  }
  const message = decision.messages.find((m) => m.kind === "code");
  let delivered: Delivered;
  try {
    delivered = await parts.effects.deliver(ctx, {
      message: message as typeof message & { kind: "code" },
      code,
      expiresAt: outcome.expiresAt,
    });
  } catch (error) {
    // Lose nothing: the undelivered code is withdrawn (with an event), the code it replaced
    // comes back if still usable, and the cooldown is lifted.
    await commitAndEmit(parts, ctx, (record, now) =>
      decideUndelivered(record, { now, codeId: outcome.codeId }, parts.policy),
    );
    throw error;
  }
  if (delivered.channel !== channel) {
    await commitAndEmit(parts, ctx, (record) =>
      decideDelivered(record, { codeId: outcome.codeId, channel: delivered.channel }),
    );
  }
  return withCode(
    { ...outcome, channel: delivered.channel, destination: maskDestination(delivered.to) },
    request.returnCode === true ? code : undefined,
  );
}

/** The caller asked for the plaintext (`returnCode`): add it; otherwise the result stays code-free. */
function withCode<T extends object>(result: T, code: string | undefined): T & { code?: string } {
  return code === undefined ? result : Object.assign(result, { code });
}
