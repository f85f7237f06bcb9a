// The dev outbox's message pages are served through the channel registry: every registered
// channel's messages at /dev/outbox/<channel>/<id>, by that channel's own outbox entry; a name
// the registry does not have (an object's inherited keys included) is no channel.
import { afterEach, describe, expect, it } from "vitest";
import { CHANNEL_REGISTRY } from "../src/wiring/channel-registry.js";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

async function send(server: TestServer, recipient: Record<string, string>): Promise<void> {
  const res = await server.api("/api/v1/verifications", { body: { subject: "u", recipient } });
  expect(res.status, await res.clone().text()).toBe(201);
}

describe("/dev/outbox/<channel>/<id>", () => {
  it("serves every registered channel's messages through its registry entry, escaped", async () => {
    s = await createTestServer({
      PRODUCT_NAME: "<b>Acme</b>",
      SMTP_FROM: "Acme <no-reply@acme.test>",
      OTP_RESEND_COOLDOWN_SECONDS: "0",
    });
    await send(s, { email: "ana@example.com" });
    await send(s, { phone: "+34600123478" });
    const { messages } = (await (await s.app.request("/dev/outbox.json")).json()) as {
      messages: Array<{ channel: string; id: string; href: string; title: string }>;
    };
    expect(messages.map((m) => m.channel).sort()).toEqual(Object.keys(CHANNEL_REGISTRY).sort());
    for (const m of messages) {
      expect(m.href).toBe(`/dev/outbox/${m.channel}/${m.id}`);
      const page = await s.app.request(m.href);
      expect(page.status, m.href).toBe(200);
      expect(page.headers.get("cache-control")).toBe("no-store");
      const html = await page.text();
      expect(html).toContain('<p><a href="/dev/outbox">← Outbox</a></p>');
      // Text from the message is escaped by hono/html, never markup.
      expect(html).not.toContain("<b>Acme</b>");
    }
    const mail = messages.find((m) => m.channel === "email")!;
    const page = await (await s.app.request(mail.href)).text();
    expect(page).toContain("<h1>Your &lt;b&gt;Acme&lt;/b&gt; verification code</h1>");
    expect(page).toContain("<title>Your &lt;b&gt;Acme&lt;/b&gt; verification code</title>");
  });

  it("answers 404 for a name no channel is registered under, and for a part a channel does not frame", async () => {
    s = await createTestServer();
    await send(s, { phone: "+34600123478" });
    const { messages } = (await (await s.app.request("/dev/outbox.json")).json()) as {
      messages: Array<{ href: string }>;
    };
    const whatsapp = messages[0]!.href;
    for (const path of [
      "/dev/outbox/sms/x",
      "/dev/outbox/constructor/x",
      "/dev/outbox/__proto__/x",
      "/dev/outbox/hasOwnProperty/x/html",
      `${whatsapp}/html`, // the WhatsApp outbox frames no part
      "/dev/outbox/email/0000000000-000000000000/text",
    ]) {
      expect((await s.app.request(path)).status, path).toBe(404);
    }
    expect((await s.app.request(whatsapp)).status).toBe(200);
  });
});
