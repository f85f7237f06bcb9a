import type { OtpStatus, SubjectRef } from "./api.js";
import { astring } from "./assert.js";
import { maskDestination } from "./mask.js";
import type { Parts } from "./parts.js";
import { commitAndEmit, contextOf } from "./parts.js";
import { EMPTY_RECORD } from "./record.js";
import { decideRevoke, decideUnlock, statusOf } from "./rules/index.js";

/** @internal `lookup`: one read, no write, no event, no message. */
export async function lookup(
  parts: Parts,
  request: SubjectRef & { reveal?: boolean },
): Promise<OtpStatus> {
  const ctx = contextOf(parts, request);
  const record = await parts.committer.read(ctx.key);
  const status = statusOf(record, parts.shell.now(), parts.policy);
  if (status.active === null || record?.code === undefined) return { ...status, active: null };
  const active: NonNullable<OtpStatus["active"]> = { ...status.active };
  const address = destinationOf(parts, record.to, active.channel);
  if (address !== undefined) active.destination = maskDestination(address);
  if (request.reveal === true) {
    const code = await parts.codes.reveal(ctx.sid, record.code);
    if (code !== undefined) active.code = code;
  }
  return { ...status, active };
}

/** The address the active code went to: by its channel's kind, else whatever the recipient has. */
function destinationOf(
  parts: Parts,
  to: (typeof EMPTY_RECORD)["to"],
  channel: string | undefined,
): string | undefined {
  if (to === undefined) return undefined;
  const kind = parts.deliverer.channels.find((c) => c.name === channel)?.address;
  if (kind === "email") return to.email;
  if (kind === "phone") return to.phone;
  return to.phone ?? to.email;
}

/** @internal `revoke`. */
export async function revoke(
  parts: Parts,
  request: SubjectRef & { reason?: string; codeId?: string },
): Promise<boolean> {
  const ctx = contextOf(parts, request);
  const reason = request.reason === undefined ? "revoked" : astring("reason", request.reason, 64);
  const codeId = request.codeId === undefined ? undefined : astring("codeId", request.codeId, 64);
  const decision = await commitAndEmit(parts, ctx, (record) =>
    decideRevoke(record, { codeId, reason }),
  );
  return decision.outcome;
}

/** @internal `unlock`: an operator's. */
export async function unlock(parts: Parts, request: SubjectRef): Promise<boolean> {
  const ctx = contextOf(parts, request);
  const decision = await commitAndEmit(parts, ctx, (record, now) =>
    decideUnlock(record ?? EMPTY_RECORD, now, parts.policy),
  );
  return decision.outcome;
}
