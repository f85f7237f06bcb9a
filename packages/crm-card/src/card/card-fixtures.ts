// Server answers for the card's tests and its preview pictures: one set, so every picture in the
// README shows a state a test checks. Not part of the package's exports.
import type { ApiFailure, ApiResult, IssueOutcome, OtpkitApi } from "../api.js";
import type { CardActiveCode, CardGenerated, CardStatus } from "../wire.js";

/** The server's clock in every fixture: 1 Dec 2026, 14:30 UTC (9:30 AM in New York). */
export const FIXTURE_NOW = Date.UTC(2026, 11, 1, 14, 30);

const MINUTE = 60_000;

/**
 * An active code, 3 minutes into its 10, nothing guessed yet.
 *
 * @param overrides Fields to change.
 * @returns The code's metadata.
 * @throws Never.
 * @example
 * ```ts
 * activeCode({ attemptsUsed: 1, attemptsRemaining: 2 });
 * ```
 */
export function activeCode(overrides: Partial<CardActiveCode> = {}): CardActiveCode {
  return {
    codeId: "c_01HZX3",
    issuedAt: FIXTURE_NOW - 3 * MINUTE,
    expiresAt: FIXTURE_NOW + 7 * MINUTE,
    validForMinutes: 10,
    reference: "a***@example.com",
    storedIn: null,
    attemptsUsed: 0,
    attemptsRemaining: 3,
    maxAttempts: 3,
    channel: "email",
    ...overrides,
  };
}

/**
 * A contact's status: by default no active code, e-mail on, hash storage, not locked.
 *
 * @param overrides Fields to change.
 * @returns The status as `GET /hubspot/card/status` answers it.
 * @throws Never.
 * @example
 * ```ts
 * cardStatus({ active: activeCode(), code: "482913", canShowCode: true, storage: "encrypted" });
 * ```
 */
export function cardStatus(overrides: Partial<CardStatus> = {}): CardStatus {
  return {
    contactId: "123",
    active: null,
    locked: false,
    lockedUntil: null,
    nextSendAt: null,
    emailEnabled: true,
    propertyStorageEnabled: false,
    storage: "hash",
    canShowCode: false,
    recipientEmail: "ana@example.com",
    now: FIXTURE_NOW,
    ...overrides,
  };
}

/**
 * The status of a contact whose code the card can show (encrypted storage).
 *
 * @param overrides Fields to change.
 * @returns The status.
 * @throws Never.
 * @example
 * ```ts
 * shownCode({ emailEnabled: false });
 * ```
 */
export function shownCode(overrides: Partial<CardStatus> = {}): CardStatus {
  return cardStatus({
    active: activeCode(),
    storage: "encrypted",
    canShowCode: true,
    code: "482913",
    codeSource: "engine",
    ...overrides,
  });
}

/**
 * A 200 from generate / resend / regenerate: a fresh code, issued now.
 *
 * @param overrides Fields of the status after it.
 * @returns The answer's body.
 * @throws Never.
 * @example
 * ```ts
 * ok(generated({ code: "730155" }));
 * ```
 */
export function generated(overrides: Partial<CardStatus> = {}): CardGenerated {
  return {
    outcome: "generated",
    replayed: false,
    ...shownCode({
      active: activeCode({ issuedAt: FIXTURE_NOW, expiresAt: FIXTURE_NOW + 10 * MINUTE }),
      code: "730155",
      codeSource: "generated",
      nextSendAt: FIXTURE_NOW + 30_000,
      ...overrides,
    }),
  };
}

/**
 * A successful API result.
 *
 * @param data The body.
 * @param status The HTTP status (409 / 423 for throttled / locked outcomes).
 * @returns The result.
 * @throws Never.
 * @example
 * ```ts
 * ok(cardStatus());
 * ```
 */
export function ok<T>(data: T, status = 200): ApiResult<T> {
  return { ok: true, status, data };
}

/**
 * A failed API result.
 *
 * @param code The server's error code, or `NETWORK`.
 * @param status The HTTP status (0 for no answer).
 * @param extra `recipientEmail`, `retryAfter`, `fieldErrors`.
 * @returns The failure.
 * @throws Never.
 * @example
 * ```ts
 * fail("RECIPIENT_CHANGED", 409, { recipientEmail: "new@example.com" });
 * ```
 */
export function fail(
  code: string,
  status: number,
  extra: Partial<Omit<ApiFailure, "ok" | "code" | "status">> = {},
): ApiFailure {
  return { ok: false, status, code, message: `${code} (from the fixture)`, ...extra };
}

type Answer<T> = ApiResult<T> | Promise<ApiResult<T>>;

/** The answers a {@link fakeApi} gives, per call: one answer for every call, or one per call. */
export interface FakeAnswers {
  cardStatus?: Answer<CardStatus> | Answer<CardStatus>[];
  generate?: Answer<IssueOutcome> | Answer<IssueOutcome>[];
  resend?: Answer<IssueOutcome> | Answer<IssueOutcome>[];
  regenerate?: Answer<IssueOutcome> | Answer<IssueOutcome>[];
}

/** A call a {@link fakeApi} received. */
export interface FakeCall {
  name: keyof FakeAnswers;
  args: unknown[];
}

/** An {@link OtpkitApi} answering from {@link FakeAnswers}, recording every call. */
export interface FakeApi extends OtpkitApi {
  calls: FakeCall[];
  /** The calls to one method. */
  callsTo(name: keyof FakeAnswers): unknown[][];
}

/**
 * A fake of the otpkit API for the card: each card call answers from `answers` (a list answers
 * call by call, its last entry repeating); a call with no answer fails with `UNEXPECTED_CALL`.
 * The settings calls always fail: the card never makes them.
 *
 * @param answers What each call answers.
 * @returns The fake, with `calls`.
 * @throws Never.
 * @example
 * ```ts
 * const api = fakeApi({ cardStatus: ok(cardStatus()), generate: ok(generated()) });
 * ```
 */
export function fakeApi(answers: FakeAnswers): FakeApi {
  const calls: FakeCall[] = [];
  const counts = new Map<string, number>();
  function answer<T>(name: keyof FakeAnswers, args: unknown[]): Promise<ApiResult<T>> {
    calls.push({ name, args });
    const n = counts.get(name) ?? 0;
    counts.set(name, n + 1);
    const given = answers[name] as Answer<T> | Answer<T>[] | undefined;
    const pick = Array.isArray(given) ? given[Math.min(n, given.length - 1)] : given;
    return Promise.resolve(pick ?? fail("UNEXPECTED_CALL", 0));
  }
  const never = () => Promise.resolve(fail("UNEXPECTED_CALL", 0));
  return {
    calls,
    callsTo: (name) => calls.filter((c) => c.name === name).map((c) => c.args),
    cardStatus: (...args) => answer("cardStatus", args),
    generate: (...args) => answer("generate", args),
    resend: (...args) => answer("resend", args),
    regenerate: (...args) => answer("regenerate", args),
    getSettings: never,
    saveSettings: never,
    properties: never,
    preview: never,
  };
}
