import { readOutboxMessage } from "@otpkit/delivery-email";
import { readWhatsAppOutbox } from "@otpkit/delivery-whatsapp/outbox";
import type { Context } from "hono";
import { Hono } from "hono";
import { simpleParser } from "mailparser";
import * as z from "zod";
import { query } from "../http-validation.js";
import type { Markup } from "../pages/html.js";
import { markup, page } from "../pages/html.js";
import type { Runtime } from "../runtime.js";
import { listOutbox } from "./outbox-list.js";

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) });

/**
 * The dev outbox, mounted at `/dev`: what the server would have sent, newest first, as a page
 * (`/dev/outbox`, each message with its own page) and as JSON (`/dev/outbox.json`), each message
 * with its code and the verification it belongs to. Mounted only while a channel writes to the
 * outbox (no SMTP or no WhatsApp credentials configured), and never in production: it shows codes.
 *
 * @throws {never}
 * @example
 * if (outbox) app.route("/dev", outboxRoutes(rt));
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

  dev.get("/outbox.json", query(listQuery), async (c) => {
    const messages = await listOutbox(rt, c.req.valid("query").limit);
    return c.json({
      messages: messages.map((m) => ({
        ...m,
        verifyUrl: m.verificationId ? `${rt.config.publicUrl}/verify/${m.verificationId}` : null,
      })),
    });
  });

  dev.get("/outbox", query(listQuery), async (c) => {
    const rows = await listOutbox(rt, c.req.valid("query").limit);
    const body = markup`<h1>Dev outbox</h1>
<p>Messages this development server would have sent (also as <a href="/dev/outbox.json">JSON</a>). Configure SMTP_URL or the WhatsApp variables to deliver for real.</p>
<table>
<thead><tr><th scope="col">When (UTC)</th><th scope="col">Channel</th><th scope="col">To</th><th scope="col">Message</th><th scope="col">Code</th><th scope="col">Verification</th></tr></thead>
<tbody>
${
  rows.length === 0
    ? markup`<tr><td colspan="6">Nothing yet.</td></tr>`
    : rows.map(
        (r) =>
          markup`<tr><td>${r.createdAt.replace("T", " ").slice(0, 19)}</td><td>${r.channel}</td><td>${r.to}</td><td><a href="${r.href}">${r.kind ?? "message"}: ${r.title}</a></td><td>${r.code ?? ""}</td><td>${r.verificationId ? markup`<a href="/verify/${r.verificationId}">${r.verificationId}</a>` : ""}</td></tr>\n`,
      )
}
</tbody>
</table>`;
    return devPage(c, "Dev outbox", body);
  });

  dev.get("/outbox/email/:id", async (c) => {
    if (!rt.outbox.email) return c.notFound();
    const message = await readOutboxMessage(rt.outbox.email, c.req.param("id"));
    if (!message) return c.notFound();
    const parsed = await simpleParser(message.raw);
    const { entry } = message;
    const body = markup`<p><a href="/dev/outbox">← Outbox</a></p>
<h1>${parsed.subject ?? "(no subject)"}</h1>
<p>To ${entry.to} · ${entry.kind} · ${entry.createdAt}</p>
<h2>Plain text</h2>
<pre data-part="text">${parsed.text ?? ""}</pre>
<h2>HTML</h2>
<iframe sandbox title="HTML part" src="/dev/outbox/email/${encodeURIComponent(entry.id)}/html"></iframe>`;
    return devPage(c, parsed.subject ?? "Message", body);
  });

  dev.get("/outbox/email/:id/html", async (c) => {
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

  dev.get("/outbox/whatsapp/:id", async (c) => {
    if (!rt.outbox.whatsapp) return c.notFound();
    const entry = readWhatsAppOutbox(rt.outbox.whatsapp, 500).find(
      (e) => e.id === c.req.param("id"),
    );
    if (!entry) return c.notFound();
    const body = markup`<p><a href="/dev/outbox">← Outbox</a></p>
<h1>WhatsApp: ${entry.template}</h1>
<p>POST ${entry.path} · to ${entry.to} · ${entry.createdAt}</p>
<pre data-part="json">${JSON.stringify(entry.body, null, 2)}</pre>`;
    return devPage(c, `WhatsApp ${entry.template}`, body);
  });

  return dev;
}

/** A development page in the shared frame, wide (tables and message sources). */
function devPage(c: Context, title: string, body: Markup) {
  return c.html(page({ lang: "en", title, body, wide: true }));
}
