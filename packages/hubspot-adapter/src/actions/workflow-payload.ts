import * as z from "zod";
import type { HubSpotSignatureVersion } from "../signature.js";
import type { HubSpotObjectKind } from "./subject.js";

// HubSpot's workflow-action execution payload (hubspot.md §2.2), read with zod once the
// signature holds. The tenant is `origin.portalId` of the signed body, never an input.

// HubSpot's callback ids are opaque ("ap-99887766-1234567890-3-0"): printable ASCII, bounded.
const CALLBACK_ID = /^[\x21-\x7e]{1,200}$/;
const RECORD_ID = /^[0-9]{1,20}$/;
const OBJECT_TYPES: Record<string, HubSpotObjectKind> = {
  CONTACT: "contact",
  "0-1": "contact",
  DEAL: "deal",
  "0-3": "deal",
};

// Values arrive resolved and mostly as strings ("995" for a number); a null is an empty property.
const scalar = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .transform((v) => (v === null ? null : String(v)));
const fieldMap = z.record(z.string().max(200), scalar).optional();

/** HubSpot's execution payload. Unknown fields are tolerated (dropped). */
export const workflowPayloadSchema = z.object({
  callbackId: z.string().regex(CALLBACK_ID, { error: "callbackId: HubSpot's callback id" }),
  origin: z.object({
    portalId: z.union([
      z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
      z
        .string()
        .regex(/^[1-9][0-9]{0,15}$/)
        .transform(Number)
        .pipe(z.number().max(Number.MAX_SAFE_INTEGER)),
    ]),
  }),
  object: z.object({
    objectId: z.union([
      z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).transform(String),
      z.string().regex(RECORD_ID),
    ]),
    objectType: z.string().transform((t, ctx) => {
      const kind = OBJECT_TYPES[t.toUpperCase()];
      if (kind === undefined) {
        ctx.addIssue("objectType: CONTACT or DEAL");
        return z.NEVER;
      }
      return kind;
    }),
    properties: fieldMap,
  }),
  inputFields: fieldMap,
});

/** A verified, parsed workflow execution: what an action's `run` gets. */
export interface WorkflowRequest {
  callbackId: string;
  /** From `origin.portalId` of the signed body: the only source of the tenant. */
  portalId: number;
  objectType: HubSpotObjectKind;
  objectId: string;
  /** `object.properties` (what `objectRequestOptions` asked for); `null`: empty. */
  properties: Readonly<Record<string, string | null>>;
  /** `inputFields`, as strings. */
  inputs: Readonly<Record<string, string | null>>;
  /** Which signature verified the request (v2 requests are replayable: log it). */
  signatureVersion: HubSpotSignatureVersion;
}

/** The outcome of {@link parseWorkflowPayload}. */
export type ParsedWorkflowPayload =
  | { ok: true; request: WorkflowRequest }
  | { ok: false; issues: { path: string; message: string }[] };

/**
 * Reads a (signature-checked) JSON body as a workflow execution.
 *
 * @param body The parsed JSON.
 * @param signatureVersion Which signature verified it.
 * @returns The request, or up to 10 issues (`path`, `message`) for the 400 answer.
 * @throws Never.
 * @example
 * ```ts
 * const parsed = parseWorkflowPayload(JSON.parse(signed.rawBody), signed.version);
 * if (parsed.ok) parsed.request.portalId; // from origin.portalId
 * ```
 */
export function parseWorkflowPayload(
  body: unknown,
  signatureVersion: HubSpotSignatureVersion,
): ParsedWorkflowPayload {
  const parsed = workflowPayloadSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    }));
    return { ok: false, issues };
  }
  const p = parsed.data;
  return {
    ok: true,
    request: {
      callbackId: p.callbackId,
      portalId: p.origin.portalId,
      objectType: p.object.objectType,
      objectId: p.object.objectId,
      properties: p.object.properties ?? {},
      inputs: p.inputFields ?? {},
      signatureVersion,
    },
  };
}

/**
 * An input value, trimmed; `undefined` when absent or empty.
 *
 * @internal
 * @throws Never.
 * @example
 * ```ts
 * inputValue(request, "delivery") ?? "auto";
 * ```
 */
export function inputValue(request: WorkflowRequest, name: string): string | undefined {
  const value = request.inputs[name];
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/**
 * A bad input value, thrown by an action's `run`: answered 400 `BAD_INPUT` with the field (the
 * action is misconfigured in the workflow; HubSpot does not retry it).
 *
 * @internal
 * @example
 * ```ts
 * throw new WorkflowInputError("delivery", "delivery: one of auto, email, whatsapp, none");
 * ```
 */
export class WorkflowInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "WorkflowInputError";
  }
}
