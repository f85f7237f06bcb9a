import { readOutbox, readOutboxMessage } from "@otpkit/delivery-email";
import { Hono } from "hono";
import { simpleParser } from "mailparser";
import { escapeHtml, layout } from "../pages/html.js";
import type { Runtime } from "../runtime.js";
import { readWhatsAppOutbox } from "../whatsapp-outbox.js";

/**
 * `/dev/outbox`: what the server would have sent, newest first. Mounted only while a channel
 * writes to the outbox (no SMTP or no WhatsApp credentials configured). Development only.
 */
export function outboxRoutes(rt: Runtime): Hono {
  const dev = new Hono();

  dev.use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
    if (!c.res.headers.has("Content-Security-Policy")) {
      c.header(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'self'; frame-src 'self'; frame-ancestors 'self'",
      );
    }
  });

  dev.get("/", async (c) => {
    const email = rt.outbox.email ? await readOutbox(rt.outbox.email, { limit: 200 }) : [];
    const whatsapp = rt.outbox.whatsapp ? readWhatsAppOutbox(rt.outbox.whatsapp, 200) : [];
    const rows = [
      ...email.map((e) => ({
        at: e.createdAt,
        channel: "email",
        to: e.to,
        what: `${e.kind}: ${e.subject}`,
        href: `/dev/outbox/email/${encodeURIComponent(e.id)}`,
      })),
      ...whatsapp.map((w) => ({
        at: w.createdAt,
        channel: "whatsapp",
        to: w.to,
        what: w.template,
        href: `/dev/outbox/whatsapp/${encodeURIComponent(w.id)}`,
      })),
    ].sort((a, b) => b.at.localeCompare(a.at));
    const body = `<h1>Dev outbox</h1>
<p>Messages this development server would have sent. Configure SMTP_URL or the WhatsApp variables to deliver for real.</p>
<table>
<thead><tr><th scope="col">When (UTC)</th><th scope="col">Channel</th><th scope="col">To</th><th scope="col">Message</th></tr></thead>
<tbody>
${
  rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.at.replace("T", " ").slice(0, 19))}</td><td>${r.channel}</td><td>${escapeHtml(r.to)}</td><td><a href="${r.href}">${escapeHtml(r.what)}</a></td></tr>`,
    )
    .join("\n") || '<tr><td colspan="4">Nothing yet.</td></tr>'
}
</tbody>
</table>`;
    return c.html(
      layout({ lang: "en", title: "Dev outbox", body }).replace("<main>", '<main class="wide">'),
    );
  });

  dev.get("/email/:id", async (c) => {
    if (!rt.outbox.email) return c.notFound();
    const message = await readOutboxMessage(rt.outbox.email, c.req.param("id"));
    if (!message) return c.notFound();
    const parsed = await simpleParser(message.raw);
    const body = `<p><a href="/dev/outbox">← Outbox</a></p>
<h1>${escapeHtml(parsed.subject ?? "(no subject)")}</h1>
<p>To ${escapeHtml(message.entry.to)} · ${escapeHtml(message.entry.kind)} · ${escapeHtml(message.entry.createdAt)}</p>
<h2>Plain text</h2>
<pre data-part="text">${escapeHtml(parsed.text ?? "")}</pre>
<h2>HTML</h2>
<iframe sandbox title="HTML part" src="/dev/outbox/email/${encodeURIComponent(message.entry.id)}/html"></iframe>`;
    return c.html(
      layout({ lang: "en", title: parsed.subject ?? "Message", body }).replace(
        "<main>",
        '<main class="wide">',
      ),
    );
  });

  dev.get("/email/:id/html", async (c) => {
    if (!rt.outbox.email) return c.notFound();
    const message = await readOutboxMessage(rt.outbox.email, c.req.param("id"));
    if (!message) return c.notFound();
    const parsed = await simpleParser(message.raw);
    // The e-mail's own HTML, sandboxed (no scripts, no same-origin) and with inline styles only.
    c.header(
      "Content-Security-Policy",
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    );
    return c.html(typeof parsed.html === "string" ? parsed.html : "<p>(no HTML part)</p>");
  });

  dev.get("/whatsapp/:id", (c) => {
    if (!rt.outbox.whatsapp) return c.notFound();
    const entry = readWhatsAppOutbox(rt.outbox.whatsapp, 500).find(
      (e) => e.id === c.req.param("id"),
    );
    if (!entry) return c.notFound();
    const body = `<p><a href="/dev/outbox">← Outbox</a></p>
<h1>WhatsApp: ${escapeHtml(entry.template)}</h1>
<p>POST ${escapeHtml(entry.path)} · to ${escapeHtml(entry.to)} · ${escapeHtml(entry.createdAt)}</p>
<pre data-part="json">${escapeHtml(JSON.stringify(entry.body, null, 2))}</pre>`;
    return c.html(
      layout({ lang: "en", title: `WhatsApp ${entry.template}`, body }).replace(
        "<main>",
        '<main class="wide">',
      ),
    );
  });

  return dev;
}
