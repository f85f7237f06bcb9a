// Try the HubSpot app without a HubSpot account: `otpkit hubspot try` runs a fake HubSpot and the
// server wired to it in one process (everything on loopback); `otpkit hubspot play` sends a
// workflow step to it signed as HubSpot signs it; `otpkit hubspot contact` shows the contact.
import { serve } from "@hono/node-server";
import {
  signedFetchRequest,
  signedWorkflowRequest,
  startFakeHubSpot,
} from "@otpkit/hubspot-adapter/testing";
import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { createRuntime } from "./runtime.js";

/** The demo's fixed names: the fake's default OAuth app, one portal, one contact. */
export const DEMO = Object.freeze({
  clientId: "fake-client-id",
  clientSecret: "fake-client-secret",
  appId: 1,
  portalId: 101,
  /** A static token of the demo portal, for `otpkit hubspot contact` (the fake's API). */
  token: "demo-portal-token",
  contactId: "1001",
  fakePort: 3901,
});

const ACTIONS = { generate: "generate-otp", verify: "verify-otp", wait: "wait-for-verification" };
type Step = keyof typeof ACTIONS;

const out = (line = "") => process.stdout.write(`${line}\n`);
const fail = (message: string) => {
  process.stderr.write(`otpkit: ${message}\n`);
  return 1;
};

/** `otpkit hubspot try [--fake-port <port>]`: runs until Ctrl-C. */
export async function tryHubSpot(args: string[]): Promise<number> {
  const fakePort = Number(option(args, "--fake-port") ?? DEMO.fakePort);
  const fake = await startFakeHubSpot({
    port: fakePort,
    app: { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, appId: DEMO.appId },
    portals: [{ portalId: DEMO.portalId, accessToken: DEMO.token }],
  }).catch((error: Error) => {
    throw new Error(`cannot start the fake HubSpot on port ${fakePort} (${error.message})`);
  });
  const portal = fake.portal(DEMO.portalId);
  portal.addContact({
    id: DEMO.contactId,
    properties: {
      email: "jane@example.com",
      firstname: "Jane",
      lastname: "Doe",
      hs_language: "en",
    },
  });

  const port = Number(process.env["PORT"] || 3000);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: process.env["DATA_DIR"] || "./data/hubspot-demo",
      LOG_LEVEL: process.env["LOG_LEVEL"] || "warn",
      HUBSPOT_CLIENT_ID: DEMO.clientId,
      HUBSPOT_CLIENT_SECRET: DEMO.clientSecret,
      HUBSPOT_APP_ID: String(DEMO.appId),
      HUBSPOT_API_BASE_URL: fake.url,
      HUBSPOT_AUTH_BASE_URL: fake.url,
    });
  } catch (error) {
    await fake.close();
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  if (config.NODE_ENV === "production") {
    await fake.close();
    return fail("hubspot try is for development; unset NODE_ENV=production");
  }
  const rt = await createRuntime(config, {
    logger: createLogger(config.LOG_LEVEL, process.stderr),
  });
  const server = serve({ fetch: createApp(rt).fetch, port, hostname: "127.0.0.1" });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await rt.close();
    await fake.close();
    throw new Error(
      error.code === "EADDRINUSE"
        ? `port ${port} is in use; set PORT to another port`
        : error.message,
    );
  });
  rt.hubspot?.startBackground();
  const base = config.publicUrl;

  // Install as an admin would: our install route → HubSpot's consent → our callback.
  const installed = await fetch(`${base}/hubspot/oauth/install`);
  // E-mail delivery on, through the settings page's API (signed as hubspot.fetch signs).
  const saved = await fetch(
    signedFetchRequest({
      url: `${base}/hubspot/settings`,
      method: "PUT",
      clientSecret: DEMO.clientSecret,
      query: { appId: DEMO.appId, portalId: DEMO.portalId, userId: 1 },
      body: { email: { enabled: true } },
    }),
  );
  if (!installed.ok || !saved.ok) {
    server.close();
    await rt.close();
    await fake.close();
    return fail(`the demo install failed (install ${installed.status}, settings ${saved.status})`);
  }

  out();
  out(`  otpkit server with a fake HubSpot on ${base}`);
  out();
  out(`  Fake HubSpot   ${fake.url}   (portal ${DEMO.portalId}, app installed, e-mail on)`);
  out(`  Contact        ${DEMO.contactId}  Jane Doe <jane@example.com>`);
  out(`  Dev outbox     ${base}/dev/outbox`);
  out();
  out("  In another terminal, play a workflow as HubSpot would:");
  out();
  out(`    pnpm otpkit hubspot play generate --contact ${DEMO.contactId}`);
  out(`    pnpm otpkit hubspot play verify --contact ${DEMO.contactId} --code <the code>`);
  out(`    pnpm otpkit hubspot play wait --contact ${DEMO.contactId}`);
  out(`    pnpm otpkit hubspot contact ${DEMO.contactId}`);
  out();
  out("  Ctrl-C stops both.");
  out();

  // Wait-for-verification completions, as HubSpot's workflow would see them.
  let seen = 0;
  const watch = setInterval(() => {
    for (const done of portal.completedCallbacks.slice(seen)) {
      out(`  HubSpot got callback ${done.callbackId}: ${JSON.stringify(done.outputFields)}`);
    }
    seen = portal.completedCallbacks.length;
  }, 250);

  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  clearInterval(watch);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rt.close();
  await fake.close();
  return 0;
}

/** `otpkit hubspot play <generate|verify|wait> --contact <id> [--code <code>] [--server <url>]`. */
export async function playHubSpot(args: string[]): Promise<number> {
  const step = args[0] as Step;
  const contact = option(args, "--contact");
  const code = option(args, "--code");
  if (!(step in ACTIONS) || !contact || !/^\d{1,20}$/.test(contact)) {
    return fail(
      "usage: otpkit hubspot play <generate|verify|wait> --contact <id> [--code <code>] [--expiration PT30M]",
    );
  }
  if (step === "verify" && code === undefined) {
    return fail("verify needs --code <code> (the value of the contact's form field)");
  }
  const server = option(args, "--server") ?? `http://127.0.0.1:${process.env["PORT"] || 3000}`;
  const portalId = Number(option(args, "--portal") ?? DEMO.portalId);
  const expiration = option(args, "--expiration");
  const inputFields: Record<string, string> = {};
  if (step === "verify") inputFields["submitted_code"] = code!;
  if (step === "wait" && expiration) inputFields["expiration_duration"] = expiration;
  const callbackId = `ap-${portalId}-${Date.now()}-0`;
  const request = signedWorkflowRequest({
    url: `${server}/hubspot/actions/${ACTIONS[step]}`,
    clientSecret: process.env["HUBSPOT_CLIENT_SECRET"] || DEMO.clientSecret,
    payload: {
      callbackId,
      origin: { portalId, actionDefinitionId: 1 },
      context: { source: "WORKFLOWS", workflowId: 1 },
      object: { objectId: Number(contact), objectType: "CONTACT" },
      inputFields,
    },
  });
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    return fail(
      `cannot reach ${server} (${(error as Error).message}); is \`otpkit hubspot try\` running?`,
    );
  }
  const text = await response.text();
  out(`POST ${new URL(request.url).pathname}  callbackId ${callbackId}  → ${response.status}`);
  try {
    const body = JSON.parse(text) as { outputFields?: Record<string, string> };
    out(JSON.stringify(body.outputFields ?? body, null, 2));
    if (body.outputFields?.["otp_channel"] === "email") {
      out(`The e-mail is in the dev outbox: ${server}/dev/outbox`);
    }
  } catch {
    out(text);
  }
  return response.ok ? 0 : 1;
}

/** `otpkit hubspot contact <id> [--fake <url>]`: the contact's otpkit_* properties, from the fake. */
export async function showContact(args: string[]): Promise<number> {
  const id = args[0];
  if (!id || !/^\d{1,20}$/.test(id)) return fail("usage: otpkit hubspot contact <id>");
  const fakeUrl = option(args, "--fake") ?? `http://127.0.0.1:${DEMO.fakePort}`;
  const names = [
    "email",
    "otpkit_verification_status",
    "otpkit_verified_at",
    "otpkit_attempts_used",
    "otpkit_locked_until",
    "otpkit_last_channel",
    "otpkit_last_outcome",
    "otpkit_last_outcome_at",
  ];
  let response: Response;
  try {
    response = await fetch(
      `${fakeUrl}/crm/v3/objects/contacts/${id}?properties=${names.join(",")}`,
      { headers: { authorization: `Bearer ${DEMO.token}` } },
    );
  } catch (error) {
    return fail(`cannot reach the fake HubSpot at ${fakeUrl} (${(error as Error).message})`);
  }
  if (!response.ok) return fail(`the fake HubSpot answered ${response.status} for contact ${id}`);
  const { properties } = (await response.json()) as { properties: Record<string, string | null> };
  for (const name of names) out(`${name.padEnd(28)} ${properties[name] ?? ""}`);
  return 0;
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}
