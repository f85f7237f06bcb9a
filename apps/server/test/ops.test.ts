import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import {
  emails,
  lastEmailCode,
  lastWhatsAppCode,
  whatsappMessages,
  wrongCode,
} from "./support/outbox.js";
import type { TestServer, TestServerOptions } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const server = await createTestServer(env, options);
  servers.push(server);
  return server;
}

const ANA = { email: "ana@example.com" };

async function issue(s: TestServer, body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await s.api("/api/v1/verifications", { body });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

/** One sample of the Prometheus text format. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? "").matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]!] = pair[2]!;
    }
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the sample with this name and (at least) these labels; 0 when absent. */
function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0]?.value ?? 0;
}

async function metrics(s: TestServer): Promise<Sample[]> {
  const res = await s.app.request("/metrics");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(await res.text());
}

describe("/healthz and /readyz", () => {
  it("healthz is 200 while the process is up", async () => {
    const s = await start();
    const res = await s.app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("readyz is 200 when the store and database answer, 503 while shutting down", async () => {
    const s = await start();
    const ready = await s.app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: { store: true, database: true },
      shuttingDown: false,
    });
    s.state.shuttingDown = true;
    const draining = await s.app.request("/readyz");
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({
      status: "not_ready",
      checks: { store: true, database: true },
      shuttingDown: true,
    });
    // Health is about the process, not readiness.
    expect((await s.app.request("/healthz")).status).toBe(200);
  });

  it("readyz is 503 when the database is gone", async () => {
    const s = await start();
    await s.rt.database.close();
    const res = await s.app.request("/readyz");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      status: "not_ready",
      checks: { store: true, database: false },
    });
  });
});

describe("/metrics", () => {
  it("counts events by type and channel, outcomes, and request latency", async () => {
    const s = await start({ TEST_RECIPIENTS: "*@example.test" });
    const before = await metrics(s);
    // prom-client's process and Node.js metrics under their standard names, never doubled.
    const names = new Set(before.map((m) => m.name));
    expect(names).toContain("process_cpu_user_seconds_total");
    expect(names).toContain("process_resident_memory_bytes");
    expect(names).toContain("nodejs_heap_size_used_bytes");
    for (const name of names) {
      expect(name).not.toMatch(/process_process|^otpkit_process_|^otpkit_nodejs_/);
      expect(name).toMatch(/^(otpkit|process|nodejs)_/);
    }
    const issuedBefore = value(before, "otpkit_otp_events_total", { event: "issued" });

    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    await s.api(`/api/v1/verifications/${v.id}/check`, { body: { code: wrongCode(s.rt, code) } });
    await s.api(`/api/v1/verifications/${v.id}/check`, { body: { code } });
    await issue(s, { subject: "qa-1", recipient: { email: "qa@example.test" } });
    await issue(s, { subject: "user-2", recipient: { phone: "+34600123478" } });

    const after = await metrics(s);
    const events = (labels: Record<string, string>) =>
      value(after, "otpkit_otp_events_total", labels);
    expect(issuedBefore).toBe(0);
    expect(events({ event: "issued", channel: "none", test: "false" })).toBe(2);
    expect(events({ event: "issued", channel: "none", test: "true" })).toBe(1);
    expect(events({ event: "delivered", channel: "email", test: "false" })).toBe(1);
    expect(events({ event: "delivered", channel: "whatsapp", test: "false" })).toBe(1);
    expect(events({ event: "failed", test: "false" })).toBe(1);
    expect(events({ event: "verified", test: "false" })).toBe(1);
    expect(value(after, "otpkit_verify_outcomes_total", { outcome: "invalid", via: "api" })).toBe(
      1,
    );
    expect(value(after, "otpkit_verify_outcomes_total", { outcome: "verified", via: "api" })).toBe(
      1,
    );

    const route = { method: "POST", route: "/api/v1/verifications", status: "201" };
    expect(value(after, "otpkit_http_request_duration_seconds_count", route)).toBe(3);
    expect(
      value(after, "otpkit_http_request_duration_seconds_bucket", { ...route, le: "+Inf" }),
    ).toBe(3);
    expect(
      value(after, "otpkit_http_request_duration_seconds_count", {
        method: "POST",
        route: "/api/v1/verifications/:id/check",
        status: "200",
      }),
    ).toBe(2);
    // Buckets are cumulative.
    const buckets = after
      .filter(
        (m) =>
          m.name === "otpkit_http_request_duration_seconds_bucket" &&
          m.labels["route"] === route.route &&
          m.labels["status"] === "201",
      )
      .map((m) => m.value);
    expect(buckets.length).toBeGreaterThan(5);
    expect([...buckets].sort((a, b) => a - b)).toEqual(buckets);
    // Hosted-page hits are counted by route pattern, never by the id in the URL.
    await s.app.request(`/verify/${v.id}`);
    const text = await (await s.app.request("/metrics")).text();
    expect(text).toContain('route="/verify/:id"');
    expect(text).not.toContain(v.id);
    expect(text).not.toContain(code);
  });

  it("counts hosted-page outcomes with via=hosted", async () => {
    const s = await start();
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    const page = await s.app.request(`/verify/${v.id}`);
    const cookie = /otpkit_csrf=([^;]+)/.exec(page.headers.get("set-cookie") ?? "")?.[1] ?? "";
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    await s.app.request(`/verify/${v.id}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `otpkit_csrf=${cookie}`,
      },
      body: new URLSearchParams({ csrf, code }).toString(),
    });
    const after = await metrics(s);
    expect(
      value(after, "otpkit_verify_outcomes_total", { outcome: "verified", via: "hosted" }),
    ).toBe(1);
  });
});

describe("/dev/outbox", () => {
  it("lists e-mails and WhatsApp messages newest first, with message pages", async () => {
    const s = await start();
    const empty = await s.app.request("/dev/outbox");
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain("Nothing yet.");
    const root = await s.app.request("/");
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/dev/outbox");

    await issue(s, { subject: "user-1", recipient: ANA });
    // The list is ordered by the time each message was written (wall clock, millisecond resolution).
    await new Promise((resolve) => setTimeout(resolve, 5));
    await issue(s, { subject: "user-2", recipient: { phone: "+34600123478" } });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    const [mail] = await emails(s.rt);
    const [wa] = whatsappMessages(s.rt);

    const list = await s.app.request("/dev/outbox");
    expect(list.status).toBe(200);
    expect(list.headers.get("cache-control")).toBe("no-store");
    expect(list.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await list.text();
    const emailLink = `/dev/outbox/email/${mail!.entry.id}`;
    const waLink = `/dev/outbox/whatsapp/${wa!.id}`;
    expect(html).toContain(emailLink);
    expect(html).toContain(waLink);
    expect(html).toContain("ana@example.com");
    expect(html).toContain("+34600123478");
    expect(html.indexOf(waLink)).toBeLessThan(html.indexOf(emailLink));

    const message = await s.app.request(emailLink);
    expect(message.status).toBe(200);
    const page = await message.text();
    expect(page).toContain("Your otpkit verification code");
    expect(page).toMatch(new RegExp(`<pre data-part="text">[^<]*${code}`));
    expect(page).toContain(`<iframe sandbox title="HTML part" src="${emailLink}/html"></iframe>`);

    const part = await s.app.request(`${emailLink}/html`);
    expect(part.status).toBe(200);
    expect(part.headers.get("content-type")).toMatch(/^text\/html/);
    expect(part.headers.get("content-security-policy")).toContain("sandbox");
    expect(part.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await part.text()).toContain(code);

    const waPage = await s.app.request(waLink);
    expect(waPage.status).toBe(200);
    const waHtml = await waPage.text();
    expect(waHtml).toContain("WhatsApp: tmpl_otp_code");
    expect(waHtml).toMatch(/POST \/v\d+\.\d+\/100000000000000\/messages/);
    const json = /<pre data-part="json">([\s\S]*?)<\/pre>/.exec(waHtml)?.[1] ?? "";
    const entities: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">" };
    const unescaped = json
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
      .replace(/&(quot|amp|lt|gt);/g, (_, name: string) => entities[name]!);
    expect(JSON.parse(unescaped)).toEqual(wa!.body);

    for (const path of [
      "/dev/outbox/email/0000000000-000000000000",
      "/dev/outbox/email/..%2F..%2Fotpkit-secret",
      "/dev/outbox/email/nope/html",
      "/dev/outbox/whatsapp/000000000-00000000",
      "/dev/outbox/whatsapp/..%2F..%2Fotpkit-secret",
    ]) {
      const res = await s.app.request(path);
      expect(res.status, path).toBe(404);
    }
  });

  it("has a JSON view: each message with its kind, its code and its verification", async () => {
    const s = await start({
      PUBLIC_URL: "https://otp.example.com",
      OTP_RETRY_ON_FAILURE: "true",
      OTP_RESEND_COOLDOWN_SECONDS: "0",
    });
    const empty = await s.app.request("/dev/outbox.json");
    expect(empty.status).toBe(200);
    expect(empty.headers.get("cache-control")).toBe("no-store");
    expect(await empty.json()).toEqual({ messages: [] });

    const mail = await issue(s, { subject: "user-1", recipient: ANA });
    const first = await lastEmailCode(s.rt, "ana@example.com");
    await new Promise((resolve) => setTimeout(resolve, 5)); // ordered by wall-clock write time
    // A wrong guess sends a fresh code (retry) for the same verification.
    await s.api(`/api/v1/verifications/${mail.id}/check`, {
      body: { code: wrongCode(s.rt, first) },
    });
    const second = await lastEmailCode(s.rt, "ana@example.com");
    expect(second).not.toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 5)); // ordered by wall-clock write time
    const wa = await issue(s, { subject: "user-2", recipient: { phone: "+34600123478" } });

    const res = await s.app.request("/dev/outbox.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const { messages } = (await res.json()) as { messages: Array<Record<string, unknown>> };
    const [waEntry] = whatsappMessages(s.rt);
    const [retryMail, codeMail] = await emails(s.rt);
    expect(messages).toEqual([
      {
        id: waEntry!.id,
        channel: "whatsapp",
        createdAt: waEntry!.createdAt,
        to: "+34600123478",
        kind: "code",
        title: "tmpl_otp_code",
        messageId: `wamid.outbox.${waEntry!.id}`,
        code: lastWhatsAppCode(s.rt, "+34600123478"),
        verificationId: wa.id,
        verifyUrl: `https://otp.example.com/verify/${wa.id}`,
        href: `/dev/outbox/whatsapp/${waEntry!.id}`,
      },
      expect.objectContaining({
        id: retryMail!.entry.id,
        channel: "email",
        to: "ana@example.com",
        kind: "retry",
        code: second,
        verificationId: mail.id,
        verifyUrl: `https://otp.example.com/verify/${mail.id}`,
      }),
      expect.objectContaining({
        id: codeMail!.entry.id,
        kind: "code",
        title: "Your otpkit verification code",
        messageId: codeMail!.entry.messageId,
        // The first code was replaced; its message still names its verification.
        code: first,
        verificationId: mail.id,
        href: `/dev/outbox/email/${codeMail!.entry.id}`,
      }),
    ]);
    // The page shows the same: the code and a link to the verification.
    const html = await (await s.app.request("/dev/outbox")).text();
    expect(html).toContain(`<td>${second}</td>`);
    expect(html).toContain(`<a href="/verify/${mail.id}">${mail.id}</a>`);
    const limited = await s.app.request("/dev/outbox.json?limit=1");
    expect(((await limited.json()) as { messages: unknown[] }).messages).toHaveLength(1);
    const bad = await s.app.request("/dev/outbox.json?limit=0");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe("limit");
  });

  it("is not mounted when SMTP and WhatsApp credentials are configured", async () => {
    // SMTP_URL points at a closed port: nothing is sent in this test, the route is simply absent.
    const s = await start({
      SMTP_URL: "smtp://127.0.0.1:9",
      SMTP_FROM: "Acme <no-reply@acme.example>",
      WHATSAPP_PHONE_NUMBER_ID: "123456789012345",
      WHATSAPP_ACCESS_TOKEN: "EAAG-not-a-real-token-000000",
    });
    expect(s.rt.outbox).toEqual({ email: null, whatsapp: null });
    for (const path of [
      "/dev/outbox",
      "/dev/outbox.json",
      "/dev/outbox/email/x",
      "/dev/outbox/whatsapp/x",
    ]) {
      expect((await s.app.request(path)).status, path).toBe(404);
    }
    const root = await s.app.request("/");
    expect(root.headers.get("location")).toBe("/healthz");
  });

  it("is never served in production, even where the outbox is explicitly allowed", async () => {
    const s = await start({
      NODE_ENV: "production",
      PUBLIC_URL: "https://otp.example.com",
      OTPKIT_SECRETS: `k1:${"p".repeat(48)}`,
      OTP_NAMING_KEY: "n".repeat(48),
      ALLOW_DEV_OUTBOX_IN_PRODUCTION: "true",
    });
    expect(s.rt.outbox.email).not.toBeNull();
    expect((await s.app.request("/dev/outbox")).status).toBe(404);
    expect((await s.app.request("/dev/outbox.json")).status).toBe(404);
    expect((await s.app.request("/")).headers.get("location")).toBe("/healthz");
  });

  it("production with SMTP only has no WhatsApp outbox: a phone gets no fake delivery", async () => {
    const s = await start({
      NODE_ENV: "production",
      PUBLIC_URL: "https://otp.example.com",
      OTPKIT_SECRETS: `k1:${"p".repeat(48)}`,
      OTP_NAMING_KEY: "n".repeat(48),
      SMTP_URL: "smtp://127.0.0.1:9",
      SMTP_FROM: "Acme <no-reply@acme.example>",
    });
    expect(s.rt.outbox).toEqual({ email: null, whatsapp: null });
    const res = await s.api("/api/v1/verifications", {
      body: { subject: "u", recipient: { phone: "+34600123478" } },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NO_CHANNEL");
  });

  it("shows only the WhatsApp part when SMTP is configured but WhatsApp is not", async () => {
    const s = await start({
      SMTP_URL: "smtp://127.0.0.1:9",
      SMTP_FROM: "Acme <no-reply@acme.example>",
    });
    expect(s.rt.outbox.email).toBeNull();
    expect((await s.app.request("/dev/outbox")).status).toBe(200);
    expect((await s.app.request("/dev/outbox/email/0000000000-000000000000")).status).toBe(404);
  });
});

describe("logs", () => {
  it("are JSON lines without the code, the API token or the hosted-page id", async () => {
    const s = await start({}, { captureLogs: true });
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    await s.api(`/api/v1/verifications/${v.id}/check`, { body: { code: wrongCode(s.rt, code) } });
    await s.app.request(`/verify/${v.id}`);
    await s.api(`/api/v1/verifications/${v.id}/check`, { body: { code } });
    await s.app.request("/api/v1/audit?subject=user-1", {
      headers: { authorization: "Bearer otpk_wrong" },
    });
    // A 5xx logs an error; make one with a broken database.
    await s.rt.database.close();
    const broken = await s.api("/api/v1/audit?subject=user-1");
    expect(broken.status).toBe(503);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe(
      "DATABASE_UNAVAILABLE",
    );

    const logs = s.logs!;
    expect(logs.lines.length).toBeGreaterThan(5);
    const entries = logs.entries();
    for (const entry of entries) {
      expect(entry).toMatchObject({ service: "otpkit-server", level: expect.any(Number) });
      expect(typeof entry["time"]).toBe("string");
      expect(typeof entry["msg"]).toBe("string");
    }
    const requests = entries.filter((e) => e["msg"] === "request");
    expect(requests.map((e) => e["route"])).toContain("/verify/:id");
    expect(requests.map((e) => e["route"])).toContain("/api/v1/verifications/:id/check");
    expect(entries.some((e) => e["msg"] === "database unavailable" && e["level"] === 50)).toBe(
      true,
    );
    const all = logs.lines.join("\n");
    expect(all).not.toContain(code);
    expect(all).not.toContain(s.token);
    expect(all).not.toContain(s.token.slice(-43)); // the secret part alone
    expect(all).not.toContain(v.id);
    expect(all).not.toContain("ana@example.com");
  });

  it("redacts codes, tokens, secrets and credentials by configuration", () => {
    const lines: string[] = [];
    const logger = createLogger(
      "info",
      new Writable({
        write(chunk: Buffer | string, _encoding, callback) {
          lines.push(String(chunk));
          callback();
        },
      }),
    );
    logger.info(
      {
        code: "482913",
        token: "otpk_secret",
        secret: "s3cr3t",
        password: "hunter2",
        authorization: "Bearer abc",
        accessToken: "EAAGsecret",
        request: { code: "482913", headers: { authorization: "Bearer abc", cookie: "a=b" } },
        nested: { deeper: { code: "482913" } },
        kept: "visible",
      },
      "something happened",
    );
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry["kept"]).toBe("visible");
    for (const hidden of [
      "482913",
      "otpk_secret",
      "s3cr3t",
      "hunter2",
      "Bearer abc",
      "EAAGsecret",
      "a=b",
    ]) {
      expect(lines[0]).not.toContain(hidden);
    }
    expect(entry["code"]).toBe("[redacted]");
    expect((entry["request"] as Record<string, unknown>)["code"]).toBe("[redacted]");
  });

  it("keeps an error's code visible: operators see why a request failed", () => {
    const lines: string[] = [];
    const logger = createLogger(
      "info",
      new Writable({
        write(chunk: Buffer | string, _encoding, callback) {
          lines.push(String(chunk));
          callback();
        },
      }),
    );
    const err = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    logger.error({ err, error: { code: "STORE_UNAVAILABLE" }, code: "482913" }, "failed");
    const entry = JSON.parse(lines[0]!) as Record<string, Record<string, unknown>>;
    expect(entry["err"]!["code"]).toBe("ECONNREFUSED");
    expect(entry["error"]!["code"]).toBe("STORE_UNAVAILABLE");
    expect(lines[0]).not.toContain("482913");
  });
});
