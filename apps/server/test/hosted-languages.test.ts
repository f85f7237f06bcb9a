import { afterEach, describe, expect, it } from "vitest";
import { MESSAGES } from "../src/pages/i18n.js";
import { lastEmailCode, wrongCode } from "./support/outbox.js";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

// The hosted page in the 58 languages: Accept-Language negotiation with otp-core's matcher, the
// verification's locale as the fallback, right-to-left pages marked so.

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(): Promise<TestServer> {
  const server = await createTestServer({});
  servers.push(server);
  return server;
}

/** The HTML text of a message, as the page escapes it. */
const escaped = (text: string) => text.replaceAll("'", "&#39;").replaceAll('"', "&quot;");

async function verification(s: TestServer, locale?: string): Promise<{ id: string; code: string }> {
  const recipient = { email: "ana@example.com", ...(locale ? { locale } : {}) };
  const res = await s.api("/api/v1/verifications", { body: { subject: "user-1", recipient } });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  return { id, code: await lastEmailCode(s.rt, "ana@example.com") };
}

async function open(s: TestServer, id: string, acceptLanguage?: string) {
  const headers: Record<string, string> = acceptLanguage
    ? { "accept-language": acceptLanguage }
    : {};
  const res = await s.app.request(`/verify/${id}`, { headers });
  const html = await res.text();
  const cookie = /otpkit_csrf=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  return { html, cookie, csrf };
}

describe("the hosted page in the visitor's language", () => {
  it.each([
    ["ar-EG,ar;q=0.9,en;q=0.5", "ar", ' dir="rtl"'],
    ["he", "he", ' dir="rtl"'],
    ["fa-IR", "fa", ' dir="rtl"'],
    ["ur-PK", "ur", ' dir="rtl"'],
    ["pt-BR,pt;q=0.9", "pt", ""],
    ["zh-HK", "zh-Hant", ""],
    ["kl, ja;q=0.4", "ja", ""],
  ] as const)("%s → lang=%s%s", async (header, lang, dir) => {
    const s = await start();
    const { id } = await verification(s);
    const { html } = await open(s, id, header);
    expect(html).toContain(`<html lang="${lang}"${dir}>`);
    expect(html).toContain(`<title>${escaped(MESSAGES[lang].title)}</title>`);
    expect(html).toContain(escaped(MESSAGES[lang].intro("a***@example.com")));
    expect(html).toContain(`>${escaped(MESSAGES[lang].submit)}</button>`);
  });

  it("speaks the verification's own locale without a header it can serve", async () => {
    const s = await start();
    const { id } = await verification(s, "zh-TW");
    expect((await open(s, id)).html).toContain('<html lang="zh-Hant">');
    expect((await open(s, id, "kl")).html).toContain('<html lang="zh-Hant">');
    expect((await open(s, id, "de")).html).toContain('<html lang="de">');
  });

  it("answers a wrong code in the page's language, right to left in Arabic", async () => {
    const s = await start();
    const { id, code } = await verification(s);
    const session = await open(s, id, "ar");
    const res = await s.app.request(`/verify/${id}`, {
      method: "POST",
      headers: {
        "accept-language": "ar",
        "content-type": "application/x-www-form-urlencoded",
        cookie: `otpkit_csrf=${session.cookie}`,
      },
      body: new URLSearchParams({ csrf: session.csrf, code: wrongCode(s.rt, code) }).toString(),
    });
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(escaped(MESSAGES.ar.invalid(2)));
  });
});
