import { normalizeCode } from "./alphabet.js";
import { aint, argumentError, astring, configError } from "./assert.js";
import type { OtpChannel, OtpMessageKind, Recipient } from "./channel.js";
import type { OtpSecret, SealedText } from "./crypto.js";
import { constantTimeEqual, createKeyring, subjectDigest } from "./crypto.js";
import type { Delivered, DeliveryOptions } from "./delivery.js";
import { createDeliverer } from "./delivery.js";
import { isOtpError, OtpError } from "./errors.js";
import type { OtpEvent, OtpEventSink } from "./events.js";
import type { SubjectKeys } from "./keys.js";
import { keysFor } from "./keys.js";
import { maskDestination } from "./mask.js";
import type { CodePolicy, CodePolicyOptions } from "./policy.js";
import { createCodePolicy } from "./policy.js";
import type { RandomSource } from "./random.js";
import { cryptoRandom, fromBase64Url, randomId, randomString, toBase64Url } from "./random.js";
import type { OtpStore } from "./store.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Options for {@link createOtp}. Every field is checked once, here; errors name the field. */
export interface OtpOptions {
  /** Where state lives (memory, Redis, SQLite, or your own adapter). */
  store: OtpStore;
  /**
   * Server secrets; the first protects new codes, all verify existing ones (rotation: put the new
   * secret first, keep the old one until its codes have expired).
   */
  secrets: readonly OtpSecret[];
  /** Code shape. @default { alphabet: "numeric", length: 6 } */
  code?: CodePolicyOptions;
  /** How long a code works, ms (1 min .. 24 h). ASVS 6.5.5 caps out-of-band codes at 10 min. @default 600000 */
  ttlMs?: number;
  /** Wrong guesses one code survives; the last one ends it. @default 3 */
  maxAttempts?: number;
  /** The failed-attempt budget of a (subject, purpose) across resends, and what happens past it. */
  lockout?: {
    /** Failed attempts (over all codes) before the subject is locked. NIST 800-63B caps it at 100. @default 5 */
    maxFailures?: number;
    /** The budget counts failures within this window from the first one, ms. @default 3600000 (1 h) */
    windowMs?: number;
    /** How long a lock lasts, ms. @default 900000 (15 min) */
    durationMs?: number;
  };
  /** Resend throttling per (subject, purpose). */
  resend?: {
    /** Minimum time between two codes, ms. @default 30000 */
    cooldownMs?: number;
    /** Codes per window. @default 5 */
    maxSends?: number;
    /** The window, ms (fixed windows aligned to the epoch). @default 3600000 (1 h) */
    windowMs?: number;
  };
  /**
   * After a wrong guess, send a fresh code as a `retry` message (WhatsApp seed 003). The resend
   * throttle still applies; the failed-attempt budget is not reset.
   * @default false
   */
  retryOnFailure?: boolean;
  /**
   * `"hash"` stores only an HMAC of the code. `"encrypted"` also stores it AES-GCM-encrypted so
   * an authorised caller can see the active code again (`lookup({ reveal: true })`).
   * @default "hash"
   */
  storage?: "hash" | "encrypted";
  /** Delivery channels. Without them, call `issue({ deliver: false })` and deliver yourself. */
  channels?: readonly OtpChannel[];
  /** Retry, backoff and timeout of deliveries. */
  delivery?: DeliveryOptions;
  /** Send `lockout` and `unlock` messages to the last known destination. @default true */
  notifyLockout?: boolean;
  /** The audit trail. Awaited; never receives a code. */
  events?: OtpEventSink;
  /** Called when the event sink throws; the operation itself goes on. @default ignore */
  onSinkError?: (error: unknown, event: OtpEvent) => void;
  /** How long an idempotency key remembers its outcome, ms. @default 86400000 (24 h) */
  idempotencyTtlMs?: number;
  /** Clock in epoch ms. @default Date.now */
  now?: () => number;
  /** Random bytes. @default crypto.getRandomValues */
  random?: RandomSource;
  /** Sleep used between delivery retries. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Schedule the unlock notice with a timer when a lock starts (in this process). Without it, the
   * `unlocked` event fires the next time the subject is seen after the lock ends.
   * @default true
   */
  scheduleUnlocks?: boolean;
  /**
   * Test recipients (store reviewers, end-to-end suites, demo accounts): a recipient for which
   * `matches` returns true gets the fixed `code` and no delivery, and every event about that code
   * carries `test: true`. Refuse this in production at your edge (the server does).
   */
  testRecipients?: {
    /** The fixed code; it must fit the code policy (alphabet and length). */
    code: string;
    matches: (recipient: Recipient) => boolean;
  };
}

/** Who and what a code is for. */
export interface SubjectRef {
  /** Your stable id for the person (user id, contact id, e-mail). 1..256 characters. */
  subject: string;
  /** What the code is for; each purpose has its own code and budget. @default "login" */
  purpose?: string;
}

/** Arguments of {@link Otp.issue}. */
export interface IssueRequest extends SubjectRef {
  /** Where to send it. Required unless `deliver` is false. */
  recipient?: Recipient;
  /** Deliver through the channels (default), or return the code to you (`false`). @default true */
  deliver?: boolean;
  /** Channel names to try first, in order (`["email"]`). @default phone channels, then e-mail */
  channels?: readonly string[];
  /** The same key returns the same outcome instead of a second code (HubSpot retries requests). */
  idempotencyKey?: string;
}

/** The outcome of {@link Otp.issue}. */
export type IssueResult =
  | {
      status: "issued";
      codeId: string;
      expiresAt: number;
      attemptsAllowed: number;
      /** The channel that delivered it, when delivered. */
      channel?: string;
      /** Masked destination (`***78`), when delivered. */
      destination?: string;
      /** The code, only for `deliver: false` (on a replay: only in `encrypted` storage). */
      code?: string;
      /** True when this is the stored outcome of an earlier call with the same idempotency key. */
      replayed?: boolean;
    }
  | {
      status: "throttled";
      reason: "cooldown" | "max_sends";
      retryAfterMs: number;
      replayed?: boolean;
    }
  | { status: "locked"; lockedUntil: number; retryAfterMs: number; replayed?: boolean };

/** Arguments of {@link Otp.verify}. */
export interface VerifyRequest extends SubjectRef {
  /** What the person typed; normalised (spaces, dashes, case) before comparing. */
  code: string;
  /** The same key returns the same outcome (a retried request is not a second guess). */
  idempotencyKey?: string;
  /**
   * The code this check is meant for (from `issue`). When another code has replaced it, the
   * answer is `not_found` and nothing is counted: a stale form can never spend a newer code.
   */
  codeId?: string;
}

/**
 * The outcome of {@link Otp.verify}. `not_found` is the same whether the subject never existed,
 * never had a code, or used it already: it reveals nothing a caller did not send.
 */
export type VerifyResult = (
  | { status: "verified"; codeId: string }
  | {
      status: "invalid";
      /** Guesses left before the code ends (or the subject locks, whichever is first). */
      attemptsRemaining: number;
      /** With `retryOnFailure`: whether a fresh code went out. */
      resent?: boolean;
      /** The fresh code's id, when one went out (pass it as `codeId` from now on). */
      codeId?: string;
    }
  | { status: "expired" }
  | { status: "exhausted" }
  | { status: "locked"; lockedUntil: number; retryAfterMs: number }
  | { status: "not_found" }
) & { replayed?: boolean };

/** What {@link Otp.lookup} reports. */
export interface OtpStatus {
  /** The active code, if any. */
  active: {
    codeId: string;
    issuedAt: number;
    expiresAt: number;
    attemptsUsed: number;
    attemptsRemaining: number;
    maxAttempts: number;
    /** Channel that delivered it. */
    channel?: string;
    /** Masked destination (the reference shown to agents). */
    destination?: string;
    /** The code itself: only with `reveal: true` and `storage: "encrypted"`. */
    code?: string;
  } | null;
  /** Set while the subject is locked. */
  lockedUntil: number | null;
  /** Failed attempts counted against the budget so far. */
  failures: number;
  /** The budget. */
  maxFailures: number;
}

/** The engine. */
export interface Otp {
  /** The validated code policy (alphabet, length, bits, inputMode). */
  readonly policy: CodePolicy;
  /** Creates a code (replacing the active one), stores its hash, and delivers it. */
  issue(request: IssueRequest): Promise<IssueResult>;
  /** Checks a code. Expected outcomes are values; only operational failures throw. */
  verify(request: VerifyRequest): Promise<VerifyResult>;
  /** The active code, lock and budget of a subject, for dashboards and the CRM card. */
  lookup(request: SubjectRef & { reveal?: boolean }): Promise<OtpStatus>;
  /** Ends the active code. Returns false when there was none. */
  revoke(request: SubjectRef & { reason?: string; codeId?: string }): Promise<boolean>;
  /** Stops unlock timers. Stores and channels belong to the caller and stay open. */
  close(): Promise<void>;
}

/** The stored record of one code. Immutable once written; counters live in their own keys. */
interface CodeRecord {
  v: 1;
  id: string;
  /** Secret id and HMAC of the code. */
  k: string;
  mac: string;
  iat: number;
  exp: number;
  max: number;
  /** Where it was (or will be) sent, for retry and lockout messages. */
  to?: Recipient;
  /** The preferred channel order of the request, reused for retries. */
  chs?: readonly string[];
  enc?: SealedText;
  /** Issued for a test recipient: fixed code, no delivery. */
  test?: true;
}

interface LockRecord {
  v: 1;
  until: number;
  to?: Recipient;
  chs?: readonly string[];
  test?: true;
}

interface DeliveryRecord {
  channel: string;
  destination: string;
}

interface Ctx {
  subject: string;
  purpose: string;
  sid: string;
  keys: SubjectKeys;
  /** Set once the code in play is known to belong to a test recipient: its events say so. */
  test?: boolean;
}

type Stored<T> = { raw: string; value: T };

/**
 * Creates the OTP engine: every rule of otpkit in one place, over any {@link OtpStore}.
 *
 * @param options Store, secrets, policy, channels, event sink; see {@link OtpOptions}.
 * @returns The engine.
 * @throws {OtpError} `CONFIG_INVALID` naming the field, for any bad option.
 * @example
 * ```ts
 * const otp = createOtp({ store: createMemoryStore(), secrets: [{ id: "k1", key: SECRET }] });
 * const issued = await otp.issue({ subject: "user-42", deliver: false });
 * if (issued.status === "issued") await otp.verify({ subject: "user-42", code: issued.code! });
 * ```
 */
export function createOtp(options: OtpOptions): Otp {
  if (typeof options !== "object" || options === null)
    throw configError("options", "an object", options);
  const store = options.store;
  if (!store || typeof store.get !== "function" || typeof store.increment !== "function") {
    throw configError(
      "store",
      "an OtpStore",
      store === undefined ? undefined : typeof store,
      "e.g. createMemoryStore()",
    );
  }
  const keyring = createKeyring(options.secrets);
  const policy = createCodePolicy(options.code);
  const testRecipients = options.testRecipients;
  if (testRecipients !== undefined) {
    if (typeof testRecipients.matches !== "function") {
      throw configError(
        "testRecipients.matches",
        "a function (recipient) => boolean",
        typeof testRecipients.matches,
      );
    }
    const fixed =
      typeof testRecipients.code === "string"
        ? normalizeCode(testRecipients.code, policy.alphabet)
        : "";
    if (fixed.length !== policy.length || [...fixed].some((c) => !policy.symbols.includes(c))) {
      throw configError(
        "testRecipients.code",
        `${policy.length} symbols of the ${policy.alphabet} alphabet`,
        testRecipients.code,
      );
    }
  }
  const ttlMs = aint("ttlMs", options.ttlMs ?? 10 * MINUTE, MINUTE, 24 * HOUR);
  const maxAttempts = aint("maxAttempts", options.maxAttempts ?? 3, 1, 20);
  const maxFailures = aint("lockout.maxFailures", options.lockout?.maxFailures ?? 5, 1, 100);
  // At most 24 h: the lock record outlives its lock by 24 h, so a counter never outlives both.
  const failureWindowMs = aint(
    "lockout.windowMs",
    options.lockout?.windowMs ?? HOUR,
    MINUTE,
    24 * HOUR,
  );
  const lockoutMs = aint(
    "lockout.durationMs",
    options.lockout?.durationMs ?? 15 * MINUTE,
    1000,
    30 * 24 * HOUR,
  );
  const cooldownMs = aint("resend.cooldownMs", options.resend?.cooldownMs ?? 30_000, 0, HOUR);
  const maxSends = aint("resend.maxSends", options.resend?.maxSends ?? 5, 1, 1000);
  const sendWindowMs = aint(
    "resend.windowMs",
    options.resend?.windowMs ?? HOUR,
    MINUTE,
    30 * 24 * HOUR,
  );
  const idempotencyTtlMs = aint(
    "idempotencyTtlMs",
    options.idempotencyTtlMs ?? 24 * HOUR,
    MINUTE,
    30 * 24 * HOUR,
  );
  const storage = options.storage ?? "hash";
  if (storage !== "hash" && storage !== "encrypted")
    throw configError("storage", `"hash" or "encrypted"`, storage);
  const now = options.now ?? Date.now;
  const random = options.random ?? cryptoRandom;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deliverer = createDeliverer(options.channels ?? [], options.delivery ?? {}, sleep);
  const notifyLockout = options.notifyLockout ?? true;
  const retryOnFailure = options.retryOnFailure ?? false;
  const scheduleUnlocks = options.scheduleUnlocks ?? true;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // How long a lock record outlives its lock, so that the unlock is noticed (once) when the
  // subject comes back after a restart lost the timer.
  const UNLOCK_NOTICE_MS = 24 * HOUR;

  // ---------------------------------------------------------------- plumbing

  async function emit(
    ctx: Ctx,
    event: Omit<OtpEvent, "at" | "subject" | "purpose">,
  ): Promise<void> {
    if (!options.events) return;
    const full: OtpEvent = { at: now(), subject: ctx.subject, purpose: ctx.purpose, ...event };
    if (ctx.test) full.test = true;
    try {
      await options.events(full);
    } catch (error) {
      options.onSinkError?.(error, full);
    }
  }

  /** Every store call goes through here: foreign errors become STORE_UNAVAILABLE. */
  async function s<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (error) {
      if (isOtpError(error)) throw error;
      throw new OtpError("STORE_UNAVAILABLE", `Store "${store.name}" failed`, {
        cause: error,
        source: store.name,
      });
    }
  }

  async function read<T>(key: string): Promise<Stored<T> | null> {
    const raw = await s(() => store.get(key));
    if (raw === null) return null;
    try {
      return { raw, value: JSON.parse(raw) as T };
    } catch (cause) {
      throw new OtpError(
        "STORE_DATA_INVALID",
        `Store "${store.name}" returned a value otp-core did not write`,
        { cause },
      );
    }
  }

  function context(ref: SubjectRef): Ctx {
    if (typeof ref !== "object" || ref === null) throw argumentError("request", "an object", ref);
    const subject = astring("subject", ref.subject);
    const purpose = astring("purpose", ref.purpose ?? "login", 64);
    const sid = subjectDigest(subject, purpose);
    return { subject, purpose, sid, keys: keysFor(sid) };
  }

  function macInput(sid: string, codeId: string, code: string): string {
    // Binding the MAC to the subject and the code id means a stored hash cannot be replayed
    // for another subject or another code, even by someone who can write to the store.
    return `otpkit/v1\0${sid}\0${codeId}\0${code}`;
  }

  /** Idempotency: the first call with a key runs, later ones get its stored outcome. */
  async function once<T extends { replayed?: boolean }>(
    ctx: Ctx,
    operation: string,
    key: string | undefined,
    run: () => Promise<T>,
    strip: (result: T) => T = (r) => r,
  ): Promise<T> {
    if (key === undefined) return run();
    const idemKey = ctx.keys.idempotency(operation, astring("idempotencyKey", key, 256));
    const pending = JSON.stringify({ state: "pending" });
    // A pending claim expires on its own if this process dies mid-operation.
    const claimed = await s(() => store.setIfAbsent(idemKey, pending, 2 * MINUTE));
    if (!claimed) {
      const previous = await read<{ state: string; result?: T }>(idemKey);
      if (previous?.value.state === "done" && previous.value.result) {
        return { ...previous.value.result, replayed: true };
      }
      throw new OtpError(
        "IDEMPOTENCY_CONFLICT",
        "A request with this idempotency key is still in progress",
      );
    }
    try {
      const result = await run();
      await s(() =>
        store.set(
          idemKey,
          JSON.stringify({ state: "done", result: strip(result) }),
          idempotencyTtlMs,
        ),
      );
      return result;
    } catch (error) {
      await store.delete(idemKey).catch(() => undefined);
      throw error;
    }
  }

  // ---------------------------------------------------------------- locks

  /** Reads the lock; a lock whose time has passed is cleared here and the unlock recorded. */
  async function lockState(ctx: Ctx): Promise<number | null> {
    const lock = await read<LockRecord>(ctx.keys.lock);
    if (!lock) return null;
    if (lock.value.until > now()) return lock.value.until;
    await finishLock(ctx, lock);
    return null;
  }

  /** Exactly one caller (timer or request, in any process) wins the compare-and-delete and notifies. */
  async function finishLock(ctx: Ctx, lock: Stored<LockRecord>): Promise<void> {
    const won = await s(() => store.consume(ctx.keys.lock, lock.raw));
    if (won === null) return;
    if (lock.value.test) ctx.test = true;
    await s(() => store.delete(ctx.keys.failures));
    const timer = timers.get(ctx.sid);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(ctx.sid);
    await emit(ctx, { type: "unlocked" });
    if (notifyLockout && lock.value.to && !lock.value.test)
      await notify(ctx, "unlock", lock.value.to, lock.value.chs, {});
  }

  async function lock(ctx: Ctx, record: Stored<CodeRecord> | null): Promise<number> {
    const until = now() + lockoutMs;
    const value: LockRecord = { v: 1, until, to: record?.value.to, chs: record?.value.chs };
    if (record?.value.test) value.test = true;
    const raw = JSON.stringify(value);
    const created = await s(() =>
      store.setIfAbsent(ctx.keys.lock, raw, lockoutMs + UNLOCK_NOTICE_MS),
    );
    if (!created) {
      const existing = await read<LockRecord>(ctx.keys.lock);
      return existing?.value.until ?? until;
    }
    // No usable code while locked. The failure counter is NOT reset here: guesses still in
    // flight would count from zero again and be evaluated past the budget. It is reset when the
    // lock ends (finishLock), which also gives the person a fresh budget.
    if (record) await s(() => store.consume(ctx.keys.code, record.raw));
    await emit(ctx, {
      type: "locked",
      codeId: record?.value.id,
      lockedUntil: until,
    });
    if (notifyLockout && value.to && !value.test)
      await notify(ctx, "lockout", value.to, value.chs, { lockedUntil: until });
    if (scheduleUnlocks) {
      const timer = setTimeout(() => {
        timers.delete(ctx.sid);
        read<LockRecord>(ctx.keys.lock)
          .then((current) =>
            current && current.value.until <= now() ? finishLock(ctx, current) : undefined,
          )
          .catch(() => undefined); // the next request for this subject notices the unlock instead
      }, lockoutMs);
      (timer as { unref?: () => void }).unref?.();
      timers.set(ctx.sid, timer);
    }
    return until;
  }

  // ---------------------------------------------------------------- delivery

  /** Best-effort notice without a code (lockout, unlock): failures are recorded, not thrown. */
  async function notify(
    ctx: Ctx,
    kind: OtpMessageKind,
    to: Recipient,
    preferred: readonly string[] | undefined,
    extra: { lockedUntil?: number },
  ): Promise<void> {
    const plan = deliverer.plan(to, preferred);
    if (plan.length === 0) return;
    try {
      await send(ctx, kind, to, plan, undefined, extra);
    } catch {
      // already recorded as delivery_failed events
    }
  }

  async function send(
    ctx: Ctx,
    kind: OtpMessageKind,
    to: Recipient,
    plan: readonly OtpChannel[],
    code: { value: string; record: CodeRecord } | undefined,
    extra: { lockedUntil?: number },
  ): Promise<Delivered> {
    const deliveryId = randomId(random, 12);
    return deliverer.deliver(
      {
        kind,
        recipient: to,
        code: code?.value,
        expiresAt: code?.record.exp,
        ttlMs: code ? Math.max(0, code.record.exp - now()) : undefined,
        lockedUntil: extra.lockedUntil,
        locale: to.locale ?? "en",
        purpose: ctx.purpose,
        deliveryId,
      },
      plan,
      async (attempt) => {
        const base = {
          deliveryId,
          codeId: code?.record.id,
          channel: attempt.channel,
          destination: maskDestination(attempt.to),
          messageKind: kind,
        };
        if (attempt.receipt) {
          await emit(ctx, { type: "delivered", ...base, messageId: attempt.receipt.messageId });
        } else if (attempt.error) {
          await emit(ctx, {
            type: "delivery_failed",
            ...base,
            error: attempt.error.code,
            retryable: attempt.error.retryable,
          });
        }
      },
    );
  }

  // ---------------------------------------------------------------- issue

  async function createCode(
    ctx: Ctx,
    request: { recipient?: Recipient; deliver: boolean; channels?: readonly string[] },
    kind: "code" | "retry",
  ): Promise<IssueResult> {
    const plan = request.deliver ? deliverer.plan(request.recipient ?? {}, request.channels) : [];
    if (request.deliver && plan.length === 0) {
      throw new OtpError(
        "NO_CHANNEL",
        deliverer.channels.length === 0
          ? "No channels are configured: pass deliver: false to receive the code and deliver it yourself"
          : "No configured channel can reach this recipient (give an email or a phone)",
      );
    }
    const t = now();
    const lockedUntil = await lockState(ctx);
    if (lockedUntil !== null)
      return { status: "locked", lockedUntil, retryAfterMs: lockedUntil - t };

    // Throttle before generating anything: a cooldown between codes and a budget per window.
    if (cooldownMs > 0) {
      const mark = String(t + cooldownMs);
      let fresh = await s(() => store.setIfAbsent(ctx.keys.cooldown, mark, cooldownMs));
      if (!fresh) {
        // The marker holds its end time; our clock decides, not only the store's TTL.
        const current = await s(() => store.get(ctx.keys.cooldown));
        const until = Number(current);
        if (current !== null && until > t) {
          return { status: "throttled", reason: "cooldown", retryAfterMs: until - t };
        }
        // Over by our clock: take the marker over. Of concurrent callers only one can win.
        if (current !== null) await s(() => store.consume(ctx.keys.cooldown, current));
        fresh = await s(() => store.setIfAbsent(ctx.keys.cooldown, mark, cooldownMs));
        if (!fresh) return { status: "throttled", reason: "cooldown", retryAfterMs: cooldownMs };
      }
    }
    const bucket = Math.floor(t / sendWindowMs);
    const sends = await s(() => store.increment(ctx.keys.sends(bucket), sendWindowMs));
    if (sends > maxSends) {
      if (cooldownMs > 0) await s(() => store.consume(ctx.keys.cooldown, String(t + cooldownMs)));
      return {
        status: "throttled",
        reason: "max_sends",
        retryAfterMs: (bucket + 1) * sendWindowMs - t,
      };
    }

    const test =
      request.recipient !== undefined && testRecipients?.matches(request.recipient) === true;
    if (test) ctx.test = true;
    const code = test
      ? normalizeCode(testRecipients!.code, policy.alphabet)
      : randomString(policy.symbols, policy.length, random);
    const id = randomId(random);
    const record: CodeRecord = {
      v: 1,
      id,
      k: keyring.currentId,
      mac: toBase64Url(keyring.mac(keyring.currentId, macInput(ctx.sid, id, code))),
      iat: t,
      exp: t + ttlMs,
      max: maxAttempts,
      to: request.recipient,
      chs: request.channels,
    };
    if (test) record.test = true;
    if (storage === "encrypted")
      record.enc = await keyring.encrypt(code, `${ctx.sid}\0${id}`, random);
    const raw = JSON.stringify(record);
    const previous = await read<CodeRecord>(ctx.keys.code);
    // Writing the record replaces (and so invalidates) the previous code in one step; its attempt
    // counter stays behind until it expires, the subject's failure budget is untouched (NIST 3.1.3.2).
    await s(() => store.set(ctx.keys.code, raw, ttlMs));
    await s(() => store.delete(ctx.keys.delivery));
    if (previous) {
      // An expired predecessor ended by itself; a live one is revoked by this replacement.
      const ended =
        previous.value.exp <= t
          ? ({ type: "expired" } as const)
          : ({ type: "revoked", reason: "replaced" } as const);
      await emit(ctx, {
        ...ended,
        codeId: previous.value.id,
      });
    }
    await emit(ctx, {
      type: "issued",
      codeId: id,
      expiresAt: record.exp,
      messageKind: kind,
    });

    const result = {
      status: "issued" as const,
      codeId: id,
      expiresAt: record.exp,
      attemptsAllowed: maxAttempts,
    };
    if (!request.deliver) return { ...result, code };
    if (test) {
      // No delivery for test recipients: the caller knows the fixed code.
      const destination = maskDestination(
        request.recipient!.phone ?? request.recipient!.email ?? "",
      );
      const info: DeliveryRecord = { channel: "test", destination };
      await s(() => store.set(ctx.keys.delivery, JSON.stringify(info), ttlMs));
      return { ...result, channel: "test", destination };
    }

    let delivered: Delivered;
    try {
      delivered = await send(ctx, kind, request.recipient!, plan, { value: code, record }, {});
    } catch (error) {
      // Lose nothing: remove the undelivered code, give back the previous one if it was still
      // live (the person may hold it), and lift the cooldown so they can ask again at once. The
      // send counter stays: it guards cost, and the attempt did cost.
      if ((await s(() => store.consume(ctx.keys.code, raw))) !== null && previous) {
        const left = previous.value.exp - now();
        if (left > 0 && (await s(() => store.setIfAbsent(ctx.keys.code, previous.raw, left)))) {
          await emit(ctx, {
            type: "issued",
            codeId: previous.value.id,
            expiresAt: previous.value.exp,
            reason: "restored",
          });
        }
      }
      if (cooldownMs > 0) await s(() => store.delete(ctx.keys.cooldown));
      throw error;
    }
    const destination = maskDestination(delivered.to);
    const info: DeliveryRecord = { channel: delivered.channel, destination };
    await s(() =>
      store.set(ctx.keys.delivery, JSON.stringify(info), Math.max(1, record.exp - now())),
    );
    return { ...result, channel: delivered.channel, destination };
  }

  // ---------------------------------------------------------------- verify

  async function check(
    ctx: Ctx,
    input: string,
    expectedId: string | undefined,
  ): Promise<VerifyResult> {
    const code = normalizeCode(input, policy.alphabet);
    const lockedUntil = await lockState(ctx);
    if (lockedUntil !== null)
      return { status: "locked", lockedUntil, retryAfterMs: lockedUntil - now() };

    const stored = await read<CodeRecord>(ctx.keys.code);
    if (!stored || (expectedId !== undefined && stored.value.id !== expectedId)) {
      // Same work as a real comparison, so "no code" and "wrong code" take the same time.
      constantTimeEqual(
        keyring.mac(keyring.currentId, macInput(ctx.sid, "-", code)),
        new Uint8Array(32),
      );
      return { status: "not_found" };
    }
    const record = stored.value;
    if (record.test) ctx.test = true;
    if (record.exp <= now()) {
      // Expiry is decided here, by the record's own time, not by the store's TTL alone.
      if ((await s(() => store.consume(ctx.keys.code, stored.raw))) !== null) {
        await emit(ctx, {
          type: "expired",
          codeId: record.id,
        });
      }
      return { status: "expired" };
    }

    // Reserve the attempt BEFORE comparing: the counters are atomic, so however many requests
    // arrive at once, no more than `max` of them are ever evaluated against this code and no
    // more than `maxFailures` against this subject (CVE-2024-4629 was the opposite order).
    const attempt = await s(() =>
      store.increment(ctx.keys.attempts(record.id), Math.max(1, record.exp - now()) + MINUTE),
    );
    if (attempt > record.max) return { status: "exhausted" };
    const failures = await s(() => store.increment(ctx.keys.failures, failureWindowMs));
    if (failures > maxFailures) {
      const until = await lock(ctx, stored);
      return { status: "locked", lockedUntil: until, retryAfterMs: until - now() };
    }

    const expected = fromBase64Url(record.mac);
    const actual = keyring.mac(record.k, macInput(ctx.sid, record.id, code));
    if (constantTimeEqual(actual, expected)) {
      // Single use: of all correct submissions, only the one that deletes this exact record wins.
      const won = await s(() => store.consume(ctx.keys.code, stored.raw));
      if (won === null) return { status: "not_found" };
      // Success clears the failure count (NIST 800-63B 3.2.2).
      await s(() => store.delete(ctx.keys.failures));
      await s(() => store.delete(ctx.keys.attempts(record.id)));
      await s(() => store.delete(ctx.keys.delivery));
      await emit(ctx, {
        type: "verified",
        codeId: record.id,
      });
      return { status: "verified", codeId: record.id };
    }

    const attemptsRemaining = Math.max(0, Math.min(record.max - attempt, maxFailures - failures));
    await emit(ctx, {
      type: "failed",
      codeId: record.id,
      attemptsRemaining,
    });
    if (failures >= maxFailures) {
      const until = await lock(ctx, stored);
      return { status: "locked", lockedUntil: until, retryAfterMs: until - now() };
    }
    if (retryOnFailure && record.to) {
      const fresh = await createCode(
        ctx,
        { recipient: record.to, deliver: true, channels: record.chs },
        "retry",
      ).catch((error: unknown) => {
        if (isOtpError(error) && (error.code === "DELIVERY_FAILED" || error.code === "NO_CHANNEL"))
          return null;
        throw error;
      });
      if (fresh?.status === "issued") {
        return {
          codeId: fresh.codeId,
          status: "invalid",
          attemptsRemaining: Math.min(maxAttempts, maxFailures - failures),
          resent: true,
        };
      }
    }
    if (attempt >= record.max) {
      if ((await s(() => store.consume(ctx.keys.code, stored.raw))) !== null) {
        await emit(ctx, {
          type: "exhausted",
          codeId: record.id,
        });
      }
      return { status: "exhausted" };
    }
    return retryOnFailure
      ? { status: "invalid", attemptsRemaining, resent: false }
      : { status: "invalid", attemptsRemaining };
  }

  // ---------------------------------------------------------------- lookup

  async function lookup(request: SubjectRef & { reveal?: boolean }): Promise<OtpStatus> {
    const ctx = context(request);
    // The lock first: noticing its end resets the failure count read next.
    const lockedUntil = await lockState(ctx);
    const [stored, failures] = await Promise.all([
      read<CodeRecord>(ctx.keys.code),
      s(() => store.get(ctx.keys.failures)),
    ]);
    const base = { lockedUntil, failures: Number(failures ?? 0), maxFailures };
    if (!stored || stored.value.exp <= now()) return { ...base, active: null };
    const record = stored.value;
    const [used, delivery] = await Promise.all([
      s(() => store.get(ctx.keys.attempts(record.id))),
      read<DeliveryRecord>(ctx.keys.delivery),
    ]);
    const attemptsUsed = Math.min(record.max, Number(used ?? 0));
    const active: NonNullable<OtpStatus["active"]> = {
      codeId: record.id,
      issuedAt: record.iat,
      expiresAt: record.exp,
      attemptsUsed,
      attemptsRemaining: record.max - attemptsUsed,
      maxAttempts: record.max,
      channel: delivery?.value.channel,
      destination: delivery?.value.destination,
    };
    if (request.reveal === true && record.enc) {
      active.code = await keyring.decrypt(record.enc, `${ctx.sid}\0${record.id}`);
    }
    return { ...base, active };
  }

  // ---------------------------------------------------------------- public API

  return {
    policy,
    lookup,

    async issue(request) {
      const ctx = context(request);
      const deliver = request.deliver ?? true;
      if (typeof deliver !== "boolean") throw argumentError("deliver", "boolean", deliver);
      if (request.recipient !== undefined) checkRecipient(request.recipient);
      if (deliver && request.recipient === undefined) {
        throw argumentError("recipient", "{ email } or { phone } (or deliver: false)", undefined);
      }
      if (request.channels !== undefined && !Array.isArray(request.channels)) {
        throw argumentError("channels", "an array of channel names", request.channels);
      }
      const strip = (r: IssueResult): IssueResult => {
        if (r.status !== "issued" || r.code === undefined) return r;
        const { code: _code, ...rest } = r;
        return rest;
      };
      const result = await once(
        ctx,
        "issue",
        request.idempotencyKey,
        () =>
          createCode(
            ctx,
            { recipient: request.recipient, deliver, channels: request.channels },
            "code",
          ),
        strip,
      );
      if (result.replayed && result.status === "issued" && !deliver && storage === "encrypted") {
        // The plaintext is never stored with the idempotency record; re-read it from the sealed copy.
        const status = await lookup({ ...request, reveal: true });
        if (status.active?.codeId === result.codeId) return { ...result, code: status.active.code };
      }
      return result;
    },

    async verify(request) {
      const ctx = context(request);
      if (typeof request.code !== "string") throw argumentError("code", "string", request.code);
      return once(ctx, "verify", request.idempotencyKey, () =>
        check(ctx, request.code, request.codeId),
      );
    },

    async revoke(request) {
      const ctx = context(request);
      const stored = await read<CodeRecord>(ctx.keys.code);
      if (!stored || (request.codeId !== undefined && stored.value.id !== request.codeId))
        return false;
      if ((await s(() => store.consume(ctx.keys.code, stored.raw))) === null) return false;
      await s(() => store.delete(ctx.keys.delivery));
      await emit(ctx, {
        type: "revoked",
        codeId: stored.value.id,
        reason: request.reason ?? "revoked",
      });
      return true;
    },

    async close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

function checkRecipient(recipient: Recipient): void {
  if (typeof recipient !== "object" || recipient === null)
    throw argumentError("recipient", "an object", recipient);
  for (const field of ["email", "phone", "name", "locale"] as const) {
    const value = recipient[field];
    if (value !== undefined && (typeof value !== "string" || value.length > 320)) {
      throw argumentError(`recipient.${field}`, "string up to 320 characters", value);
    }
  }
}
