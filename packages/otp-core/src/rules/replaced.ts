import type { VerifyResult } from "../api.js";
import type { CodeState, ReplacedCode, SubjectRecord } from "../record.js";
import type { Step } from "./lock.js";
import { attemptsLeft, failuresInWindow, finish } from "./lock.js";
import type { Decision, Policy } from "./types.js";

// The replaced-code rule. A person who asked for a new code (or got one after a wrong guess, with
// `retryOnFailure`) very often types the one they received first: the new message has not
// arrived yet, or they copied the first e-mail. That is not a guess at the code, and counting it
// as one would spend an attempt (and, with retryOnFailure, send yet another code the person is
// not reading either). So the record keeps what is needed to recognise the most recent replaced
// code — id, key id, truncated MAC, expiry; never the code — until that code's own expiry, and a
// check that types it is answered `replaced` with the active code's id and its attempts left.
//
// Why an attacker gains nothing: the replaced code went to the person, not to the attacker, and
// guessing it has the same odds as guessing the active code (same length, same alphabet, one
// code). A match spends nothing but also verifies nothing: the active code is as it was, and no
// message is sent. A wrong guess still costs exactly what it cost before, so the budget and the
// lockout bound guessing as before (a guess that happens to hit the replaced code instead of
// the active one is free, but it was worthless: the attacker learns only that they hit a code
// that can no longer be used). Only one replaced code is kept, and not past its expiry, so the
// set of codes a guess is compared with never grows beyond two.

/**
 * What the record keeps of `old` when a newer code replaces it: its id, key id, MAC and expiry,
 * if it was still live (not ended, not expired); `undefined` otherwise, as nobody could have
 * used it any more anyway.
 */
export function replacedRef(old: CodeState | undefined, now: number): ReplacedCode | undefined {
  if (old === undefined || old.ended !== undefined || old.expiresAt <= now) return undefined;
  return { id: old.id, keyId: old.keyId, mac: old.mac, expiresAt: old.expiresAt };
}

/** The record's replaced code while it would still have been valid; `undefined` after its expiry. */
export function liveReplaced(r: SubjectRecord, now: number): ReplacedCode | undefined {
  const c = r.replaced;
  return c !== undefined && c.expiresAt > now ? c : undefined;
}

/**
 * The check of the input against the replaced code, after it did not match the active `code`:
 * a match answers `replaced` (the active code's id and its attempts left) and changes nothing —
 * no failure, no consecutive count, no new code, no event (like `not_found` and `malformed`,
 * an answer that changes no state records none). `undefined` when there is no replaced code,
 * it has expired (then the input is just a wrong code: answering `expired` would say the
 * ACTIVE code ended), or the input is not it.
 *
 * @param matches The same constant-time MAC comparison as for the active code.
 */
export function typedReplaced(
  step: Step,
  code: CodeState,
  now: number,
  matches: (state: ReplacedCode) => boolean,
  policy: Policy,
): Decision<VerifyResult> | undefined {
  const r = step.record;
  const replaced = liveReplaced(r, now);
  if (replaced === undefined || !matches(replaced)) return undefined;
  return finish(step, {
    status: "replaced",
    codeId: code.id,
    attemptsRemaining: attemptsLeft(r, code, failuresInWindow(r, now, policy), policy),
  });
}
