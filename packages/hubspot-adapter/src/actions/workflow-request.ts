import { isOtpError } from "@otpkit/otp-core";
import type { HubSpotSignatureVersion } from "../signature.js";
import { readSignedRequest } from "../signed-request.js";
import type { HubSpotAppStorage } from "../storage.js";
import type { WorkflowRequest } from "./workflow-payload.js";
import { parseWorkflowPayload, WorkflowInputError } from "./workflow-payload.js";

// What every workflow action shares: the signed request, the answer per callbackId
// (idempotency), and the one table of error answers. The payload itself: workflow-payload.ts.

/**
 * Every error a workflow action answers with, and its HTTP status (besides the signature
 * check's own 401 / 413 / 400 from `readSignedRequest`). HubSpot does not retry a 4xx (except
 * 429) and retries a 5xx for up to three days: so a request that can never succeed is a 4xx, and
 * only a passing problem on our side is a 5xx.
 */
export const WORKFLOW_ERRORS = Object.freeze({
  /** Not a POST. */
  METHOD_NOT_ALLOWED: 405,
  /** The body is not JSON. */
  BAD_JSON: 400,
  /** The JSON is not a workflow execution (`details.issues` says where). */
  BAD_PAYLOAD: 400,
  /** An input field holds a value the action cannot use (`details.field` names it). */
  BAD_INPUT: 400,
  /** The portal has no tokens: never installed, or uninstalled. Retrying cannot help. */
  NOT_INSTALLED: 403,
  /** A store or HubSpot is unavailable for now, or the same callback is still being answered. */
  UNAVAILABLE: 503,
  /** A bug or a broken configuration (stored settings that no longer validate). */
  INTERNAL: 500,
} as const);
/** A code of {@link WORKFLOW_ERRORS}. */
export type WorkflowErrorCode = keyof typeof WORKFLOW_ERRORS;

/** One answered workflow request, for logs: never a code (the outputs hold none). */
export interface WorkflowLogEntry {
  action: string;
  status: number;
  portalId?: number;
  callbackId?: string;
  signatureVersion?: HubSpotSignatureVersion;
  /** The answer's `outputFields` (200 only). */
  outputFields?: Record<string, string>;
  /** The error code (4xx/5xx). */
  error?: string;
  /** The error behind a 5xx. */
  cause?: unknown;
}

/** What {@link workflowHandler} needs. */
export interface WorkflowHandlerDeps {
  clientSecret: string;
  publicUrl?: string;
  storage: HubSpotAppStorage;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  log?: (entry: WorkflowLogEntry) => void;
}

/** One workflow action: its name (for logs) and what it answers, as `outputFields`. */
export interface WorkflowAction {
  name: string;
  run(request: WorkflowRequest): Promise<Record<string, string>>;
}

/** How long an answer is kept for HubSpot's retries (they go on for up to three days). */
export const CALLBACK_RESULT_TTL_MS = 4 * 24 * 60 * 60_000;
/** Tries while another process answers the same callback (the engine says "in progress"). */
const IN_PROGRESS_TRIES = 6;

/**
 * A workflow action as a web handler: signature first (v3, or v2 where HubSpot sends only v2;
 * the version is logged), then the payload (400 with the issues), then the portal's install
 * (403), then the action — once per `callbackId`: the first answer is saved, and a retry,
 * sequential or concurrent, in this process or another, gets that answer byte for byte.
 *
 * @internal Used by `createHubSpotApp`; each action module builds its `run`.
 * @throws Never: every failure is an answer (4xx, or 5xx for a passing one).
 * @example
 * ```ts
 * const generate = workflowHandler(deps, generateAction({ engines, crmFor, storeCode }));
 * const response = await generate(request); // 200 { outputFields: { otp_status, ... } }
 * ```
 */
export function workflowHandler(
  deps: WorkflowHandlerDeps,
  action: WorkflowAction,
): (request: Request) => Promise<Response> {
  const inflight = new Map<string, Promise<string>>();

  async function answerOnce(request: WorkflowRequest): Promise<string> {
    const { portalId, callbackId } = request;
    const saved = await deps.storage.getCallbackResult(portalId, callbackId);
    if (saved !== null) return saved;
    const key = `${portalId}\0${callbackId}`;
    let running = inflight.get(key);
    if (running === undefined) {
      running = compute(request).finally(() => inflight.delete(key));
      inflight.set(key, running);
    }
    return running;
  }

  async function compute(request: WorkflowRequest): Promise<string> {
    const { portalId, callbackId } = request;
    for (let attempt = 1; ; attempt++) {
      try {
        const outputFields = await action.run(request);
        const saved = await deps.storage.saveCallbackResult({
          portalId,
          callbackId,
          result: JSON.stringify({ outputFields }),
          expiresAt: deps.now() + CALLBACK_RESULT_TTL_MS,
        });
        // The first saved answer wins, also over this one (another process raced us).
        return saved.result;
      } catch (error) {
        const inProgress =
          isOtpError(error) && error.code === "IDEMPOTENCY_CONFLICT" && error.retryable;
        if (!inProgress || attempt >= IN_PROGRESS_TRIES) throw error;
        // Another process is answering this callback right now: wait for its answer.
        await deps.sleep(25 * 2 ** attempt);
        const saved = await deps.storage.getCallbackResult(portalId, callbackId);
        if (saved !== null) return saved;
      }
    }
  }

  return async (request) => {
    const signed = await readSignedRequest(request, {
      clientSecret: deps.clientSecret,
      now: deps.now,
      allowV2: true,
      ...(deps.publicUrl === undefined ? {} : { publicUrl: deps.publicUrl }),
    });
    const entry: WorkflowLogEntry = { action: action.name, status: 0 };
    const done = (response: Response) => {
      entry.status = response.status;
      deps.log?.(entry);
      return response;
    };
    if (!signed.ok) {
      entry.error = signed.reason;
      return done(signed.response);
    }
    entry.signatureVersion = signed.version;
    if (request.method !== "POST") return done(failure(entry, "METHOD_NOT_ALLOWED", "Use POST"));
    let body: unknown;
    try {
      body = JSON.parse(signed.rawBody);
    } catch {
      return done(failure(entry, "BAD_JSON", "The body is not JSON"));
    }
    const parsed = parseWorkflowPayload(body, signed.version);
    if (!parsed.ok) {
      return done(
        failure(entry, "BAD_PAYLOAD", "The body is not a workflow action execution", {
          issues: parsed.issues,
        }),
      );
    }
    const workflow = parsed.request;
    entry.portalId = workflow.portalId;
    entry.callbackId = workflow.callbackId;
    try {
      if ((await deps.storage.getTokens(workflow.portalId)) === null) {
        return done(
          failure(
            entry,
            "NOT_INSTALLED",
            `The app is not installed in portal ${workflow.portalId}`,
          ),
        );
      }
      const text = await answerOnce(workflow);
      entry.outputFields = (
        JSON.parse(text) as { outputFields: Record<string, string> }
      ).outputFields;
      return done(json(200, text));
    } catch (error) {
      if (error instanceof WorkflowInputError) {
        return done(failure(entry, "BAD_INPUT", error.message, { field: error.field }));
      }
      entry.cause = error;
      const retryable = isOtpError(error) && error.retryable;
      return done(
        retryable
          ? failure(entry, "UNAVAILABLE", "Temporarily unavailable: retry later", undefined, {
              "Retry-After": "60",
            })
          : failure(entry, "INTERNAL", "The request could not be answered"),
      );
    }
  };
}

function failure(
  entry: WorkflowLogEntry,
  code: WorkflowErrorCode,
  message: string,
  details?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  entry.error = code;
  const body = JSON.stringify({ error: { code, message, ...(details ? { details } : {}) } });
  return json(WORKFLOW_ERRORS[code], body, headers);
}

function json(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}
