import type {
  ConversationAuth,
  ConversationResult,
  ConversationState,
} from "@otpkit/conversation-auth";
import { CONVERSATION_STATES } from "./schemas.js";

/** Options for {@link createHttpConversationAuth}. */
export interface HttpConversationAuthOptions {
  /** The otpkit server, e.g. `https://otp.example.com` (a path prefix is kept). */
  baseUrl: string;
  /** An API key of that server (`otpk_…`): its conversations are the key's own. */
  apiKey: string;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** How long one request may take, ms. @default 15000 */
  timeoutMs?: number;
}

/** Why a call to the otpkit server failed. */
export type ConversationApiErrorCode =
  /** The server's own error code (`UNAUTHORIZED`, `VALIDATION_FAILED`, `NOT_FOUND`, …). */
  | (string & {})
  /** The server could not be reached. */
  | "NETWORK_ERROR"
  /** The server did not answer within `timeoutMs`. */
  | "TIMEOUT"
  /** The answer was not the conversation API's `{ state, reply }`. */
  | "BAD_RESPONSE";

/**
 * A failed call to the otpkit server's conversation API. `code` is the server's error code (its
 * error table, see the server's README) or one of this client's: `NETWORK_ERROR`, `TIMEOUT`,
 * `BAD_RESPONSE`. Expected outcomes (a wrong code, an expired session) are never errors.
 */
export class ConversationApiError extends Error {
  override readonly name = "ConversationApiError";
  /** The HTTP status, or 0 when there was no HTTP answer. */
  readonly status: number;
  readonly code: ConversationApiErrorCode;
  /** The request field at fault, when the server named one. */
  readonly field: string | undefined;
  /** Whether the same call may succeed later (5xx, 429, network, timeout). */
  readonly retryable: boolean;

  constructor(
    message: string,
    details: { status: number; code: ConversationApiErrorCode; field?: string; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.field = details.field;
    this.retryable = details.status === 0 || details.status === 429 || details.status >= 500;
  }
}

/** What a status means for the person running the agent, when the server's message is not enough. */
function hint(status: number): string {
  if (status === 401) return " Check the API key (OTPKIT_API_KEY for otpkit-mcp).";
  if (status === 404) return " Check the server URL (OTPKIT_URL for otpkit-mcp).";
  return "";
}

/**
 * A {@link ConversationAuth} that runs on an otpkit server: `start`, `submit`, `status` and `end`
 * call `POST /api/v1/conversations/{id}/start`, `POST …/messages`, `GET …/session` and
 * `DELETE …/session` with `Authorization: Bearer <apiKey>`. Sessions, codes and directory live on
 * the server (each API key is its own tenant); this client holds nothing.
 *
 * @param options The server, the key, and optionally a fetch and a timeout.
 * @returns A `ConversationAuth` whose methods throw {@link ConversationApiError} for a refused key
 *   (401), a server without conversations (404), bad input (400, naming the field), a server
 *   failure (5xx), no answer (`NETWORK_ERROR`, `TIMEOUT`) or an unexpected answer.
 * @throws {TypeError} For a `baseUrl` that is not an http(s) URL, an empty `apiKey`, or a bad
 *   `timeoutMs`.
 * @example
 * ```ts
 * const auth = createHttpConversationAuth({ baseUrl: "https://otp.example.com", apiKey });
 * await auth.start({ conversationId: "c1", identifier: "4721" }); // { state: "pending", reply }
 * ```
 */
export function createHttpConversationAuth(options: HttpConversationAuthOptions): ConversationAuth {
  const base = checkBaseUrl(options?.baseUrl);
  const { apiKey } = options;
  if (typeof apiKey !== "string" || !/^\S+$/.test(apiKey)) {
    throw new TypeError('"apiKey" expected the API key (otpk_…) without spaces or "Bearer"');
  }
  const timeoutMs = options.timeoutMs ?? 15_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600_000) {
    throw new TypeError(`"timeoutMs" expected a whole number 1..600000, got ${String(timeoutMs)}`);
  }
  const fetcher = options.fetch ?? globalThis.fetch;

  async function call(
    method: "GET" | "POST" | "DELETE",
    conversationId: unknown,
    route: "start" | "messages" | "session",
    body?: Record<string, unknown>,
  ): Promise<ConversationResult> {
    if (typeof conversationId !== "string" || conversationId === "") {
      throw new ConversationApiError('"conversationId" expected a non-empty string', {
        status: 0,
        code: "INVALID_ARGUMENT",
        field: "conversationId",
      });
    }
    const url = `${base}/api/v1/conversations/${encodeURIComponent(conversationId)}/${route}`;
    let response: Response;
    try {
      response = await fetcher(url, {
        method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          accept: "application/json",
          ...(body ? { "content-type": "application/json" } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timeout = (error as Error)?.name === "TimeoutError";
      throw new ConversationApiError(
        timeout
          ? `The otpkit server at ${base} did not answer within ${timeoutMs} ms`
          : `The otpkit server at ${base} could not be reached (${(error as Error)?.message})`,
        { status: 0, code: timeout ? "TIMEOUT" : "NETWORK_ERROR", cause: error },
      );
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok) throw errorOf(response.status, json);
    return resultOf(response.status, json);
  }

  return {
    start: (r) =>
      call("POST", r?.conversationId, "start", {
        identifier: r.identifier,
        ...(r.locale === undefined ? {} : { locale: r.locale }),
      }),
    submit: (r) => call("POST", r?.conversationId, "messages", { text: r.text }),
    status: (r) => call("GET", r?.conversationId, "session"),
    end: (r) => call("DELETE", r?.conversationId, "session"),
  };
}

function checkBaseUrl(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new TypeError(
      `"baseUrl" expected the otpkit server's http(s) URL such as https://otp.example.com, got ${JSON.stringify(value)}`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** The server's `{ error: { code, message, field? } }` as a ConversationApiError. */
function errorOf(status: number, json: unknown): ConversationApiError {
  const error = (json as { error?: { code?: unknown; message?: unknown; field?: unknown } })?.error;
  const code = typeof error?.code === "string" ? error.code : `HTTP_${status}`;
  const message = typeof error?.message === "string" ? error.message : `HTTP ${status}`;
  return new ConversationApiError(`otpkit server: ${message} (${status} ${code}).${hint(status)}`, {
    status,
    code,
    ...(typeof error?.field === "string" ? { field: error.field } : {}),
  });
}

/** A 2xx body as `{ state, reply }`, checked: nothing else is passed on. */
function resultOf(status: number, json: unknown): ConversationResult {
  const { state, reply } = (json ?? {}) as { state?: unknown; reply?: unknown };
  if (typeof reply !== "string" || !(CONVERSATION_STATES as readonly unknown[]).includes(state)) {
    throw new ConversationApiError(
      `otpkit server: the answer (${status}) is not a conversation result { state, reply }; is the URL an otpkit server of a matching version?`,
      { status, code: "BAD_RESPONSE" },
    );
  }
  return { state: state as ConversationState, reply };
}
