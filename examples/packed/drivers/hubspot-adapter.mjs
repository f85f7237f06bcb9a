// The hubspot-adapter quick start builds a working app: its Generate handler refuses an unsigned
// request (401) and, signed by the installed @otpkit/hubspot-adapter/testing, a portal that never
// installed the app (403 NOT_INSTALLED).
import { signedWorkflowRequest } from "@otpkit/hubspot-adapter/testing";
import { report } from "./run.mjs";

const { app } = await import("../dist/quick-starts/hubspot-adapter.js");
const payload = {
  callbackId: "ap-1-2-3-0",
  origin: { portalId: 99887766, actionDefinitionId: 1, actionDefinitionVersion: 1 },
  object: { objectId: 5101, objectType: "CONTACT", properties: { email: "jane@example.com" } },
  inputFields: {},
};
const url = "https://otp.example.com/hubspot/actions/generate-otp";
const unsigned = new Request(url, { method: "POST", body: JSON.stringify(payload) });
const clientSecret = process.env.HUBSPOT_CLIENT_SECRET ?? "";
const refused = await app.handlers.generate(unsigned);
const signed = await app.handlers.generate(signedWorkflowRequest({ url, clientSecret, payload }));
report({ unsigned: refused.status, signed: signed.status, body: await signed.json() });
await app.close();
