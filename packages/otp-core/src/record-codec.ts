import type { Recipient } from "./channel.js";
import type { SealedText } from "./crypto.js";
import { OtpError } from "./errors.js";
import type { CodeState, ReplacedCode, SubjectRecord } from "./record.js";

// The stored form is a positional JSON array: about half the bytes of an object with names,
// which is most of a Redis key's memory. Times are stored as offsets from one base time (the
// latest time in the record), so a fresh record carries one 13-digit number instead of four.
// The throttle comes before the failure fields: a fresh record ends there (trailing zeros go).
// The version comes first, so a future layout can be told apart. A field added at the end that
// is absent (`0`) when unused keeps the version: the replaced code (position 16) came so, and a
// record written before it — or by an engine not yet upgraded, during a rolling deploy — still
// decodes both ways (an older decoder ignores position 16: it only forgets a replaced code).
const VERSION = 2;
const ENDED = { expired: 2, exhausted: 4 } as const;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** @internal The stored form of a record. */
export function encodeRecord(r: SubjectRecord): string {
  const base = Math.max(
    r.code?.issuedAt ?? 0,
    r.previous?.issuedAt ?? 0,
    r.lastSendAt ?? 0,
    r.sends > 0 ? r.sendsSince : 0,
    r.failures > 0 ? r.failuresSince : 0,
    r.lastFailureAt,
  );
  const fields: Json[] = [
    VERSION,
    base,
    r.code ? encodeCode(r.code, base) : 0,
    r.previous ? encodeCode(r.previous, base) : 0,
    r.to ? encodeRecipient(r.to) : 0,
    r.channels && r.channels.length > 0 ? [...r.channels] : 0,
    r.lastSendAt === undefined ? null : r.lastSendAt - base,
    r.sends,
    r.sends > 0 ? r.sendsSince - base : 0,
    r.test ? 1 : 0,
    r.failures,
    r.failures > 0 ? r.failuresSince - base : 0,
    r.consecutive,
    // null, not 0, for "never": an offset of 0 is a real time (the base itself).
    r.lastFailureAt > 0 ? r.lastFailureAt - base : null,
    r.locks,
    r.lock ? (r.lock.until === null ? true : [r.lock.until - base]) : 0,
    r.replaced ? encodeReplaced(r.replaced, base) : 0,
  ];
  // Trailing zeros and nulls carry nothing: drop them — but never a time that is present, whose
  // offset may well be 0 (a failure at the base time read back as "never" would forget it).
  const keep = r.lastFailureAt > 0 ? 14 : r.lastSendAt !== undefined ? 7 : 2;
  while (
    fields.length > keep &&
    (fields[fields.length - 1] === 0 || fields[fields.length - 1] === null)
  )
    fields.pop();
  return JSON.stringify(fields);
}

function encodeCode(c: CodeState, base: number): Json[] {
  const out: Json[] = [
    c.id,
    c.keyId,
    c.mac,
    c.issuedAt - base,
    c.expiresAt - c.issuedAt,
    c.used,
    c.max,
  ];
  const flags = (c.test ? 1 : 0) | (c.ended ? ENDED[c.ended] : 0);
  // Trailing zeros carry nothing: the tail goes only as far as its last non-zero field.
  if (flags !== 0 || c.sealed || c.channel) out.push(c.channel ?? 0);
  if (flags !== 0 || c.sealed) out.push(c.sealed ? [c.sealed.k, c.sealed.iv, c.sealed.ct] : 0);
  if (flags !== 0) out.push(flags);
  return out;
}

function encodeReplaced(c: ReplacedCode, base: number): Json[] {
  return [c.id, c.keyId, c.mac, c.expiresAt - base];
}

function encodeRecipient(to: Recipient): Json {
  // An e-mail address alone is stored as the bare string: the common case, and the smallest.
  const keys = Object.keys(to).filter((k) => to[k as keyof Recipient] !== undefined);
  if (keys.length === 1 && keys[0] === "email") return to.email!;
  const out: { [key: string]: Json } = {};
  for (const k of keys) out[k] = to[k as keyof Recipient]!;
  return out;
}

/**
 * @internal Parses a stored record. Anything otp-core did not write is `STORE_DATA_INVALID`: a
 * record is never guessed at, because a misread budget or lock is a security bug.
 */
export function decodeRecord(raw: string, store: string): SubjectRecord {
  let a: unknown;
  try {
    a = JSON.parse(raw);
  } catch (cause) {
    throw invalid(store, cause);
  }
  if (!Array.isArray(a) || a[0] !== VERSION) throw invalid(store);
  const base = num(a, 1, store);
  const chs = a[5] ?? 0;
  if (chs !== 0 && !(Array.isArray(chs) && chs.every((c) => typeof c === "string")))
    throw invalid(store);
  const sends = num(a, 7, store);
  const failures = num(a, 10, store);
  const never = a[13] === null || a[13] === undefined;
  const lastFailure = never ? 0 : num(a, 13, store);
  const test = num(a, 9, store) === 1 ? true : undefined;
  const lock = a[15] ?? 0;
  let locked: { until: number | null } | undefined;
  if (lock === true) locked = { until: null };
  else if (Array.isArray(lock) && typeof lock[0] === "number" && Number.isFinite(lock[0]))
    locked = { until: base + lock[0] };
  else if (lock !== 0) throw invalid(store);
  // Every field, in makeRecord's order (see there why).
  return {
    code: a[2] ? decodeCode(a[2], base, store) : undefined,
    previous: a[3] ? decodeCode(a[3], base, store) : undefined,
    // Absent in records written before the replaced code was kept: none.
    replaced: a[16] ? decodeReplaced(a[16], base, store) : undefined,
    to: a[4] ? decodeRecipient(a[4], store) : undefined,
    channels: chs !== 0 ? (chs as string[]) : undefined,
    test,
    failures,
    failuresSince: failures > 0 ? base + num(a, 11, store) : 0,
    consecutive: num(a, 12, store),
    lastFailureAt: never ? 0 : base + lastFailure,
    locks: num(a, 14, store),
    lock: locked,
    lastSendAt: a[6] !== null && a[6] !== undefined ? base + num(a, 6, store) : undefined,
    sends,
    sendsSince: sends > 0 ? base + num(a, 8, store) : 0,
  };
}

/** A finite number at `a[i]` (absent or null: 0); anything else is not a record of ours. */
function num(a: readonly unknown[], i: number, store: string): number {
  const v = a[i] ?? 0;
  if (typeof v !== "number" || !Number.isFinite(v)) throw invalid(store);
  return v;
}

function decodeCode(value: unknown, base: number, store: string): CodeState {
  if (!Array.isArray(value) || value.length < 7) throw invalid(store);
  const id: unknown = value[0];
  const keyId: unknown = value[1];
  const mac: unknown = value[2];
  if (typeof id !== "string" || typeof keyId !== "string" || typeof mac !== "string") {
    throw invalid(store);
  }
  // Positions 7.. are optional (trailing zeros are dropped); 3..6 are not.
  const issuedAt = finite(value[3], store);
  const ttl = finite(value[4], store);
  const used = finite(value[5], store);
  const max = finite(value[6], store);
  const channel: unknown = value[7] === undefined ? 0 : value[7];
  const sealed: unknown = value[8] === undefined ? 0 : value[8];
  const flags = finite(value[9] === undefined ? 0 : value[9], store);
  let opened: SealedText | undefined;
  if (sealed !== 0) {
    if (
      !Array.isArray(sealed) ||
      sealed.length !== 3 ||
      !sealed.every((s) => typeof s === "string")
    )
      throw invalid(store);
    const [k, iv, ct] = sealed as [string, string, string];
    opened = { k, iv, ct };
  }
  // Every field, in the interface's order (see makeRecord why).
  return {
    id,
    keyId,
    mac,
    issuedAt: base + issuedAt,
    expiresAt: base + issuedAt + ttl,
    used,
    max,
    channel: typeof channel === "string" ? channel : undefined,
    sealed: opened,
    test: flags & 1 ? true : undefined,
    ended: flags & ENDED.expired ? "expired" : flags & ENDED.exhausted ? "exhausted" : undefined,
  };
}

function decodeReplaced(value: unknown, base: number, store: string): ReplacedCode {
  if (!Array.isArray(value) || value.length !== 4) throw invalid(store);
  const [id, keyId, mac, expiresAt] = value as unknown[];
  if (typeof id !== "string" || typeof keyId !== "string" || typeof mac !== "string") {
    throw invalid(store);
  }
  return { id, keyId, mac, expiresAt: base + finite(expiresAt, store) };
}

function finite(v: unknown, store: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw invalid(store);
  return v;
}

function decodeRecipient(value: unknown, store: string): Recipient {
  if (typeof value === "string") return { email: value };
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid(store);
  const out: Recipient = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "string" || !["email", "phone", "name", "locale"].includes(k))
      throw invalid(store);
    out[k as keyof Recipient] = v;
  }
  return out;
}

function invalid(store: string, cause?: unknown): OtpError {
  return new OtpError(
    "STORE_DATA_INVALID",
    `Store "${store}" returned a record otp-core did not write`,
    { cause, source: store },
  );
}
