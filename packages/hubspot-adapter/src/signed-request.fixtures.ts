import type { ReadSignedRequestResult, SignedHubSpotRequest } from "./signed-request.js";

// Shared by the signed-request tests (not part of the package: tsup builds only the index files).

export const SECRET = "f6e94c08-85d0-4608-bcc6-e1850176e7b8";
export const NOW = 1_767_225_600_000;
export const ACTION_URL = "https://otp.example.com/hubspot/actions/generate-otp";
export const CARD_URL = "https://otp.example.com/hubspot/card/active-code";
/** A workflow-action execution as HubSpot documents it (reference/hubspot.md §2.2). */
export const PAYLOAD = {
  callbackId: "ap-99887766-1234567890-3-0",
  origin: { portalId: 99887766, actionDefinitionId: 4455667, actionDefinitionVersion: 2 },
  object: { objectId: 5101, objectType: "CONTACT", properties: { email: "jane@example.org" } },
  inputFields: { channel: "email" },
};
export const IDENTITY = {
  appId: 1234,
  portalId: 99887766,
  userId: 7,
  userEmail: "admin@example.org",
};
export const options = { clientSecret: SECRET, now: () => NOW };

/** The accepted request, or a thrown error naming why it was refused. */
export function accepted(result: ReadSignedRequestResult): SignedHubSpotRequest {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
}

/** What a refusal says: status, reason, content type, raw text and parsed JSON. */
export async function refusal(result: ReadSignedRequestResult) {
  if (result.ok) throw new Error("accepted");
  return {
    status: result.response.status,
    reason: result.reason,
    type: result.response.headers.get("content-type"),
    text: await result.response.clone().text(),
    body: (await result.response.json()) as {
      error: { code: string; message: string; details?: { reason: string } };
    },
  };
}

/** The same request with some parts changed, keeping its signature headers. */
export function altered(
  request: Request,
  change: { url?: string; method?: string; body?: string; headers?: Record<string, string> },
): Request {
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(change.headers ?? {})) headers.set(name, value);
  return new Request(change.url ?? request.url, {
    method: change.method ?? request.method,
    headers,
    ...(change.body === undefined ? {} : { body: change.body }),
  });
}
