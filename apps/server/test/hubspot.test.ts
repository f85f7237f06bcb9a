import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readOutbox, readOutboxMessage } from "@otpkit/delivery-email";
import type { FakeHubSpot, FakePortal } from "@otpkit/hubspot-adapter/testing";
import {
  signedFetchRequest,
  signedWorkflowRequest,
  startFakeHubSpot,
} from "@otpkit/hubspot-adapter/testing";
import type { Hono } from "hono";
import { simpleParser } from "mailparser";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { ConfigError, loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import type { Runtime } from "../src/runtime.js";
import { createRuntime } from "../src/runtime.js";
import { emails, lastEmailCode } from "./support/outbox.js";
import { childEnv, runCli, SERVER_DIR } from "./support/processes.js";

// The HubSpot app end to end through the server: the real @hubspot/api-client against the fake
// HubSpot on loopback, the server's app database (SQLite file, and PostgreSQL: a database of its
// own, dropped afterwards; without PostgreSQL these tests FAIL, they never skip), the dev outbox.

const CLIENT_ID = "server-test-client";
const CLIENT_SECRET = "server-test-client-secret";
const APP_ID = 7;
const PORTAL = 4242;
const BASE = "http://localhost";
const MINUTE = 60_000;
const ADMIN_URL = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
const DATABASE = `otpkit_hubspot_e2e_${randomUUID().slice(0, 8)}`;
const SECRETS = `k1:${randomBytes(48).toString("base64")}`;

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${(error as Error).message}): start it or set DATABASE_URL. These tests never skip.`,
      { cause: error },
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** One server process's insides: runtime and Hono app over a DATA_DIR (a restart: a new one). */
interface Node {
  rt: Runtime;
  app: Hono;
  hubspot: NonNullable<Runtime["hubspot"]>;
}

let time = Date.now();
const clock = { now: () => time };

async function startNode(dataDir: string, fake: FakeHubSpot, extra: Record<string, string>) {
  const config = loadConfig({
    DATA_DIR: dataDir,
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    OTPKIT_SECRETS: SECRETS,
    HUBSPOT_CLIENT_ID: CLIENT_ID,
    HUBSPOT_CLIENT_SECRET: CLIENT_SECRET,
    HUBSPOT_APP_ID: String(APP_ID),
    HUBSPOT_API_BASE_URL: fake.url,
    HUBSPOT_AUTH_BASE_URL: fake.url,
    ...extra,
  });
  const rt = await createRuntime(config, { logger: createLogger("silent"), now: clock.now });
  if (!rt.hubspot) throw new Error("HubSpot is not mounted");
  return { rt, app: createApp(rt), hubspot: rt.hubspot } satisfies Node;
}

const backends: Array<[string, () => Record<string, string>]> = [
  ["SQLite", () => ({})],
  ["PostgreSQL", () => ({ DATABASE_URL: databaseUrl(DATABASE) })],
];

beforeAll(async () => {
  await admin(`CREATE DATABASE ${DATABASE}`);
});
afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
});

describe.each(backends)("HubSpot through the server (%s)", (_name, backendEnv) => {
  let fake: FakeHubSpot;
  let portal: FakePortal;
  let dataDir: string;
  let node: Node;
  let extra: Record<string, string>;

  const action = (name: string, payload: unknown, target = node) =>
    target.app.request(
      signedWorkflowRequest({
        url: `${BASE}/hubspot/actions/${name}`,
        clientSecret: CLIENT_SECRET,
        payload,
        timestamp: clock.now(),
      }),
    );
  async function outputs(name: string, payload: unknown, target = node) {
    const res = await action(name, payload, target);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return (JSON.parse(text) as { outputFields: Record<string, string> }).outputFields;
  }
  const fetchCall = (
    method: "GET" | "POST" | "PUT",
    path: string,
    body?: Record<string, unknown>,
  ) =>
    node.app.request(
      signedFetchRequest({
        url: `${BASE}/hubspot${path}`,
        method,
        clientSecret: CLIENT_SECRET,
        query: { appId: APP_ID, portalId: PORTAL, userId: 1, userEmail: "admin@example.org" },
        ...(body ? { body } : {}),
        timestamp: clock.now(),
      }),
    );
  let callbacks = 0;
  const payload = (contactId: string, inputFields: Record<string, unknown> = {}) => ({
    callbackId: `ap-${PORTAL}-${Date.now()}-${++callbacks}-0`,
    origin: { portalId: PORTAL, actionDefinitionId: 77 },
    context: { source: "WORKFLOWS", workflowId: 123 },
    object: { objectId: Number(contactId), objectType: "CONTACT" },
    inputFields,
  });
  async function settle(target = node) {
    for (let i = 0; i < 30; i++) {
      await target.hubspot.app.flush();
      if (target.hubspot.app.writesFor(PORTAL).size === 0) return;
    }
  }

  beforeEach(async () => {
    time = Date.now();
    fake = await startFakeHubSpot({
      app: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appId: APP_ID },
      defaultPortalId: PORTAL,
    });
    portal = fake.portal(PORTAL);
    dataDir = mkdtempSync(join(tmpdir(), "otpkit-hubspot-e2e-"));
    extra = backendEnv();
    node = await startNode(dataDir, fake, extra);
    // The admin installs the app: our install route, HubSpot's consent, its redirect back.
    const install = await node.app.request("/hubspot/oauth/install");
    expect(install.status).toBe(302);
    const consent = await fetch(install.headers.get("Location")!, { redirect: "manual" });
    const back = new URL(consent.headers.get("Location")!);
    expect(back.pathname).toBe("/hubspot/oauth/callback");
    const installed = await node.app.request(`${back.pathname}${back.search}`);
    expect(installed.status).toBe(200);
    // ...and turns e-mail on in the settings page.
    const saved = await fetchCall("PUT", "/settings", { email: { enabled: true } });
    expect(saved.status, await saved.clone().text()).toBe(200);
  });
  afterEach(async () => {
    await node.rt.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("Generate by e-mail, the code from the dev outbox, Verify from a contact property: the contact's properties written", async () => {
    const id = portal.addContact({
      properties: { email: "jane@example.com", firstname: "Jane", lastname: "Doe" },
    });
    const generated = await outputs("generate-otp", payload(id));
    expect(generated).toMatchObject({
      otp_status: "generated",
      otp_channel: "email",
      otp_destination: "j***@example.com",
    });
    const code = await lastEmailCode(node.rt, "jane@example.com");
    // HubSpot resolves the input (a form field's property) to its value before it calls us.
    const verified = await outputs("verify-otp", payload(id, { submitted_code: code }));
    expect(verified).toMatchObject({ otp_result: "verified" });
    await settle();
    const contact = portal.contact(id)!;
    expect(contact["otpkit_verification_status"]).toBe("verified");
    expect(contact["otpkit_last_outcome"]).toBe("verified");
    expect(contact["otpkit_last_channel"]).toBe("email");
    expect(Number.isNaN(Date.parse(contact["otpkit_verified_at"] ?? ""))).toBe(false);
    // The engine's events joined the server's audit trail (no code in it).
    const trail = JSON.stringify(
      await node.rt.audit.list({ subject: `hubspot:${PORTAL}:contact:${id}` }),
    );
    expect(trail).toContain("verified");
    expect(trail).not.toContain(code);
  });

  it("e-mails each contact in their hs_language, with the portal's texts for that language over it", async () => {
    const saved = await fetchCall("PUT", "/settings", {
      email: { enabled: true, translations: { de: { subject: "Ihr Code von Acme" } } },
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const contacts = ["de", "ar", "kl"].map((hs_language) =>
      portal.addContact({ properties: { email: `${hs_language}@example.com`, hs_language } }),
    );
    for (const id of contacts) {
      expect((await outputs("generate-otp", payload(id)))["otp_status"]).toBe("generated");
    }
    const [de] = await emails(node.rt, "de@example.com");
    expect(de?.subject).toBe("Ihr Code von Acme");
    expect(de?.text).toContain("Hier ist der Bestätigungscode, den Sie angefordert haben:");
    expect(de?.html).toContain('<html lang="de" dir="ltr">');
    const [ar] = await emails(node.rt, "ar@example.com");
    expect(ar?.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar?.code).not.toBeNull();
    // A language otpkit has no e-mail in: the portal's own (English) e-mail texts.
    const [kl] = await emails(node.rt, "kl@example.com");
    expect(kl?.subject).toBe("Your Verification Code");
    expect(kl?.html).toContain('<html lang="en" dir="ltr">');
  });

  it("a retried Generate (same callbackId) answers the first answer and sends one code", async () => {
    const id = portal.addContact({ properties: { email: "ana@example.com" } });
    const first = payload(id);
    const a = await outputs("generate-otp", first);
    const b = await outputs("generate-otp", first);
    expect(b).toEqual(a);
    expect((await emails(node.rt, "ana@example.com")).length).toBe(1);
  });

  it("Wait for verification is completed by a hosted-page verification", async () => {
    const id = portal.addContact({ properties: { email: "ana@example.com" } });
    const wait = payload(id);
    expect(await outputs("wait-for-verification", wait)).toMatchObject({
      hs_execution_state: "BLOCK",
    });
    // An integration starts a hosted-page verification for the same contact through the API.
    const key = await node.rt.apiKeys.create("hubspot-forms");
    const started = await node.app.request("/api/v1/verifications", {
      method: "POST",
      headers: { authorization: `Bearer ${key.token}`, "content-type": "application/json" },
      body: JSON.stringify({
        subject: `hubspot:${PORTAL}:contact:${id}`,
        recipient: { email: "ana@example.com" },
      }),
    });
    expect(started.status).toBe(201);
    const { id: verificationId } = (await started.json()) as { id: string };
    const code = await lastEmailCode(node.rt, "ana@example.com");
    const page = await node.app.request(`/verify/${verificationId}`);
    const html = await page.text();
    const cookie = /otpkit_csrf=([^;]+)/.exec(page.headers.get("set-cookie") ?? "")?.[1] ?? "";
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(portal.completedCallbacks).toEqual([]);
    const sent = await node.app.request(`/verify/${verificationId}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `otpkit_csrf=${cookie}`,
      },
      body: new URLSearchParams({ csrf, code }).toString(),
    });
    expect(sent.status).toBeLessThan(400);
    expect(portal.completedCallbacks.map((c) => [c.callbackId, c.outputFields])).toEqual([
      [wait.callbackId, { otp_result: "verified", hs_execution_state: "SUCCESS" }],
    ]);
  });

  it("a verification of another subject completes no Wait", async () => {
    const id = portal.addContact({ properties: { email: "ana@example.com" } });
    await outputs("wait-for-verification", payload(id));
    await node.rt.verified({
      id: "x",
      subject: `key:k:user-${id}`,
      purpose: "login",
      codeId: null,
      status: "verified",
      channel: null,
      destination: null,
      returnUrl: null,
      locale: null,
      apiKeyId: "k",
      createdAt: time,
      expiresAt: time,
      completedAt: time,
    });
    expect(portal.completedCallbacks).toEqual([]);
  });

  it("Wait for verification is completed with expired after a server restart", async () => {
    const id = portal.addContact();
    const wait = payload(id, { expiration_duration: "PT10M" });
    await outputs("wait-for-verification", wait);
    // The process stops; a new one starts over the same DATA_DIR and app database.
    await node.rt.close();
    time += 11 * MINUTE;
    node = await startNode(dataDir, fake, extra);
    expect(await node.hubspot.app.completeDue()).toEqual({ completed: 1, failed: 0, dropped: 0 });
    expect(portal.completedCallbacks.map((c) => [c.callbackId, c.outputFields])).toEqual([
      [wait.callbackId, { otp_result: "expired", hs_execution_state: "SUCCESS" }],
    ]);
  });

  it("refuses a bad signature (401) and a bad payload (400), never 5xx", async () => {
    const id = portal.addContact({ properties: { email: "ana@example.com" } });
    const forged = signedWorkflowRequest({
      url: `${BASE}/hubspot/actions/generate-otp`,
      clientSecret: "not-the-client-secret",
      payload: payload(id),
      timestamp: clock.now(),
    });
    const refused = await node.app.request(forged);
    expect(refused.status).toBe(401);
    const bad = await action("verify-otp", { callbackId: "ap-1", origin: {} });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error?: { code?: string } }).error?.code).toBeTruthy();
    // A signed call for one route replayed at another is refused too (the URL is signed).
    const moved = signedWorkflowRequest({
      url: `${BASE}/hubspot/actions/generate-otp`,
      clientSecret: CLIENT_SECRET,
      payload: payload(id),
      timestamp: clock.now(),
    });
    const replayed = await node.app.request(`${BASE}/hubspot/actions/verify-otp`, {
      method: "POST",
      headers: moved.headers,
      body: await moved.text(),
    });
    expect(replayed.status).toBe(401);
  });

  it("serves the card's status and the settings page through its routes", async () => {
    const id = portal.addContact({ properties: { email: "ana@example.com" } });
    const settings = await fetchCall("GET", "/settings");
    expect(settings.status).toBe(200);
    const body = (await settings.json()) as {
      settings: { email: { enabled: boolean } };
      saved: boolean;
    };
    expect(body.saved).toBe(true);
    expect(body.settings.email.enabled).toBe(true);
    const invalid = await fetchCall("PUT", "/settings", { code: { length: 5 } });
    expect(invalid.status).toBe(422);
    expect(JSON.stringify(await invalid.json())).toContain("code.length");

    const before = await fetchCall("GET", `/card/status?contactId=${id}`);
    expect(before.status, await before.clone().text()).toBe(200);
    expect(((await before.json()) as { active: unknown }).active).toBeNull();
    const generated = await fetchCall("POST", "/card/generate", {
      contactId: id,
      requestId: randomUUID(),
    });
    expect(generated.status, await generated.clone().text()).toBe(200);
    const after = (await (await fetchCall("GET", `/card/status?contactId=${id}`)).json()) as {
      active?: unknown;
    };
    expect(after.active).toBeTruthy();
    expect((await lastEmailCode(node.rt, "ana@example.com")).length).toBe(6);

    const properties = await fetchCall("GET", "/settings/properties");
    expect(properties.status).toBe(200);
    const preview = await fetchCall("POST", "/settings/preview", {});
    expect(preview.status).toBe(200);
    // Unsigned: refused before anything is read.
    expect((await node.app.request("/hubspot/settings")).status).toBe(401);
  });
});

describe("HubSpot configuration", () => {
  it("mounts nothing without credentials, and names the missing one", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "otpkit-hubspot-off-"));
    try {
      const rt = await createRuntime(loadConfig({ DATA_DIR: dataDir, NODE_ENV: "test" }), {
        logger: createLogger("silent"),
      });
      expect(rt.hubspot).toBeNull();
      expect((await createApp(rt).request("/hubspot/oauth/install")).status).toBe(404);
      await rt.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const problem = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return null;
      } catch (error) {
        return error instanceof ConfigError ? [error.variable, error.message] : null;
      }
    };
    expect(problem({ HUBSPOT_CLIENT_ID: CLIENT_ID })?.[0]).toBe("HUBSPOT_CLIENT_SECRET");
    expect(problem({ HUBSPOT_CLIENT_SECRET: CLIENT_SECRET })?.[0]).toBe("HUBSPOT_CLIENT_ID");
    expect(problem({ HUBSPOT_APP_ID: "7" })?.[0]).toBe("HUBSPOT_CLIENT_ID");
    expect(
      problem({
        HUBSPOT_CLIENT_ID: CLIENT_ID,
        HUBSPOT_CLIENT_SECRET: CLIENT_SECRET,
        HUBSPOT_API_BASE_URL: "ftp://x",
      })?.[0],
    ).toBe("HUBSPOT_API_BASE_URL");
  });
});

describe("otpkit hubspot try / play / contact", () => {
  it("plays Generate → the e-mail in the dev outbox → Verify → the contact's properties, as a newcomer would", async () => {
    const [port, fakePort] = [await freePort(), await freePort()];
    const dataDir = mkdtempSync(join(tmpdir(), "otpkit-hubspot-try-"));
    const env = { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" };
    const child = spawn(
      process.execPath,
      ["--conditions=@otpkit/source", "--import", "tsx", "src/cli.ts", "hubspot", "try"].concat([
        "--fake-port",
        String(fakePort),
      ]),
      { cwd: SERVER_DIR, env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner:\n${output}`)), 60_000);
        const check = () => {
          if (output.includes("Ctrl-C stops both")) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on("data", check);
        void exited.then(() => reject(new Error(`try exited:\n${output}`)));
      });
      expect(output).toContain(`Fake HubSpot   http://127.0.0.1:${fakePort}`);

      const generated = await runCli(["hubspot", "play", "generate", "--contact", "1001"], env);
      expect(generated).toContain('"otp_status": "generated"');
      const waiting = await runCli(["hubspot", "play", "wait", "--contact", "1001"], env);
      expect(waiting).toContain('"hs_execution_state": "BLOCK"');
      const [mail] = await readOutbox(join(dataDir, "outbox", "email"));
      const raw = (await readOutboxMessage(join(dataDir, "outbox", "email"), mail!.id))!.raw;
      const code = /^(\d{6})$/m.exec((await simpleParser(raw)).text ?? "")?.[1];
      expect(code).toMatch(/^\d{6}$/);
      const verified = await runCli(
        ["hubspot", "play", "verify", "--contact", "1001", "--code", code!],
        env,
      );
      expect(verified).toContain('"otp_result": "verified"');
      // The CRM writes and the Wait completion run in the background: poll the fake.
      let contact = "";
      for (let i = 0; i < 50 && !/last_outcome\s+verified/.test(contact); i++) {
        contact = await runCli(
          ["hubspot", "contact", "1001", "--fake", `http://127.0.0.1:${fakePort}`],
          env,
        );
      }
      expect(contact).toMatch(/otpkit_verification_status\s+verified/);
      expect(contact).toMatch(/otpkit_last_channel\s+email/);
      for (let i = 0; i < 50 && !output.includes("HubSpot got callback"); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(output).toMatch(/HubSpot got callback ap-101-\d+-0: \{"otp_result":"verified"/);
    } finally {
      child.kill("SIGINT");
      expect(await exited).toBe(0);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
