// Internal to the CRM client: one HubSpot call made safely (the portal's limiter, a fresh
// api-client, a per-request timeout, bounded retries, an error without secrets). Not re-exported.
import { Client } from "@hubspot/api-client";
import { isOtpError, OtpError } from "@otpkit/otp-core";
import type { BackoffPolicy, Failure } from "./crm-retry.js";
import { classify, delayFor, failureError, TimeoutError } from "./crm-retry.js";
import type { RateLimiter } from "./rate-limiter.js";

/** Everything {@link createCrmCaller} needs, already checked by `createCrmClient`. */
export interface CrmCallerSettings {
  portalId: number;
  accessToken: () => Promise<string>;
  basePath: string | undefined;
  maxAttempts: number;
  policy: BackoffPolicy;
  timeoutMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/**
 * The api-client's per-call options (its last parameter), as one type for every API module:
 * their context classes differ per module, so the middleware is generic.
 */
export interface CallOptions {
  middleware: { pre<C>(context: C): Promise<C>; post<C>(context: C): Promise<C> }[];
}

/** Makes one HubSpot call, or throws the `OtpError` that ends it. Pass `options` on. */
export type CrmCall = <T>(
  operation: string,
  budget: RateLimiter,
  call: (client: Client, options: CallOptions) => Promise<T>,
) => Promise<T>;

/**
 * The call loop: acquire a slot, get the token, build a client, call, release the slot when
 * the answer is in, and on failure wait and go again while the failure is worth it and tries
 * are left.
 *
 * Why a new api-client for every request, with `numberOfApiCallRetries: 0`: the api-client's
 * retry and limiter decorators are process-global (every `new Client()` replaces them for all
 * clients, and they are applied when an API object is first reached). Building the client and
 * reaching the API object in the same synchronous step leaves no room for anyone else's
 * decorators, and picks up a token refreshed since the last call.
 */
export function createCrmCaller(settings: CrmCallerSettings): CrmCall {
  const { portalId, basePath, maxAttempts, policy, timeoutMs, now, sleep, random } = settings;

  async function token(operation: string): Promise<string> {
    try {
      const value = await settings.accessToken();
      if (typeof value === "string" && value !== "") return value;
    } catch (error) {
      if (isOtpError(error)) throw error;
    }
    // Why no cause: whatever the token source threw may quote the token or its refresh token.
    throw new OtpError("PROVIDER_REJECTED", `No HubSpot access token for portal ${portalId}`, {
      source: "hubspot",
      retryable: false,
      details: { operation, portalId },
    });
  }

  return async function run<T>(
    operation: string,
    budget: RateLimiter,
    call: (client: Client, options: CallOptions) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const release = await budget.acquire();
      let failure: Failure;
      let response: SeenResponse | undefined;
      let sent: Promise<unknown> | undefined;
      try {
        const accessToken = await token(operation);
        const client = new Client({ accessToken, basePath, numberOfApiCallRetries: 0 });
        // Notes the status: an error answer the api-client cannot parse (no Content-Type) reaches
        // us as a plain Error without it. Passed per call: api-client 13.4.0 ignores middleware
        // given to the Client.
        const options: CallOptions = {
          middleware: [
            {
              pre: async (context) => context,
              post: async (context) => {
                response = seen(context) ?? response;
                return context;
              },
            },
          ],
        };
        const pending = call(client, options);
        sent = pending.then(noop, noop);
        return await withTimeout(pending, timeoutMs, operation);
      } catch (error) {
        // Only the token source throws OtpErrors (the api-client never does): not a HubSpot
        // answer, nothing to retry here.
        if (isOtpError(error)) throw error;
        failure = classify(error, now(), response);
      } finally {
        // The slot counts from when the request really ended: after a timeout it may still be
        // on its way to HubSpot.
        if (sent === undefined) release();
        else void sent.then(release);
      }
      const delay = attempt < maxAttempts ? delayFor(failure, attempt, policy, random) : undefined;
      if (delay === undefined) {
        throw failureError(failure, { operation, attempts: attempt, portalId });
      }
      // A 429 means the portal's budget is spent, for every caller: hold the whole portal back
      // (the next `acquire` waits), not only this call.
      if (failure.kind === "throttled") budget.pauseUntil(now() + delay);
      else await sleep(delay);
    }
  };
}

function noop(): void {}

/** What the middleware saw of the last response. */
interface SeenResponse {
  code: number;
  headers: Record<string, string>;
}

/** The status and headers of a response context, if it is one. */
function seen(context: unknown): SeenResponse | undefined {
  const r = context as { httpStatusCode?: unknown; headers?: unknown };
  if (typeof r?.httpStatusCode !== "number") return undefined;
  const headers = typeof r.headers === "object" && r.headers !== null ? r.headers : {};
  return { code: r.httpStatusCode, headers: headers as Record<string, string> };
}

/** The read's value, or `undefined` when HubSpot answered 404. */
export async function orNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isOtpError(error) && error.details?.["status"] === 404) return undefined;
    throw error;
  }
}

/** `"created"`, or `"existing"` when HubSpot answered 409 (it exists, maybe made concurrently). */
export async function createdOrExisting(create: Promise<unknown>): Promise<"created" | "existing"> {
  try {
    await create;
    return "created";
  } catch (error) {
    if (isOtpError(error) && error.details?.["status"] === 409) return "existing";
    throw error;
  }
}

/** Rejects with {@link TimeoutError} when `promise` takes longer than `ms` (a real timer). */
async function withTimeout<T>(promise: Promise<T>, ms: number, operation: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${operation} took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
