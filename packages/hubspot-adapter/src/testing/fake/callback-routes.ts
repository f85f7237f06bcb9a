// The automation callbacks API: completing a workflow action that answered BLOCK
// (`POST /automation/v4/actions/callbacks/{callbackId}/complete`, and the batch form). Both
// answer 204 with no body, as @hubspot/api-client 13.4.0 expects.
import type { FakeResponse } from "./http.js";
import { bodyObject, boundedArray, isRecord, validationError } from "./http.js";
import type { FakeCompletedCallback } from "./portal.js";
import type { Route, RouteContext } from "./route.js";

const BATCH_MAX = 100;

function outputFields(value: unknown): Record<string, string> {
  if (!isRecord(value)) {
    throw validationError('Invalid input JSON: "outputFields" must be an object of strings');
  }
  const fields: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== "string") throw validationError(`outputFields.${key} must be a string`);
    fields[key] = v;
  }
  return fields;
}

function record(ctx: RouteContext, entries: Omit<FakeCompletedCallback, "completedAt">[]) {
  const completedAt = ctx.world.now();
  for (const entry of entries) ctx.portal.completedCallbacks.push({ ...entry, completedAt });
}

function completeOne(ctx: RouteContext): FakeResponse {
  const [callbackId = ""] = ctx.params;
  const body = bodyObject(ctx.body, "CallbackCompletionRequest");
  record(ctx, [{ callbackId, outputFields: outputFields(body["outputFields"]), via: "single" }]);
  return { status: 204 };
}

function completeBatch(ctx: RouteContext): FakeResponse {
  const body = bodyObject(ctx.body, "BatchInputCallbackCompletionBatchRequest");
  const inputs = boundedArray(body["inputs"], "inputs", BATCH_MAX).map((input) => {
    if (!isRecord(input) || typeof input["callbackId"] !== "string" || input["callbackId"] === "") {
      throw validationError('Invalid input JSON: every input needs a "callbackId" string');
    }
    return { callbackId: input["callbackId"], outputFields: outputFields(input["outputFields"]) };
  });
  // Validate every input before recording any: a 400 completes nothing.
  record(
    ctx,
    inputs.map((i) => ({ ...i, via: "batch" as const })),
  );
  return { status: 204 };
}

/** The v4 callback completion endpoints (scope `automation`). */
export function callbackRoutes(): Route[] {
  const common = { auth: "bearer", scope: "automation", limit: "burst", method: "POST" } as const;
  return [
    {
      ...common,
      pattern: /^\/automation\/v4\/actions\/callbacks\/complete$/,
      handle: completeBatch,
    },
    {
      ...common,
      pattern: /^\/automation\/v4\/actions\/callbacks\/([^/]+)\/complete$/,
      handle: completeOne,
    },
  ];
}
