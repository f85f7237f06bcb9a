import type { Context } from "hono";
import { Hono } from "hono";
import * as z from "zod";
import { query } from "../http-validation.js";
import type { Markup } from "../pages/html.js";
import { markup, page } from "../pages/html.js";
import type { Runtime } from "../runtime.js";
import { channelOutbox, listOutbox } from "./outbox-list.js";

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) });

/**
 * The dev outbox, mounted at `/dev`: what the server would have sent, newest first, as a page
 * (`/dev/outbox`, each message with its own page, `/dev/outbox/<channel>/<id>`) and as JSON
 * (`/dev/outbox.json`), each message with its code and the verification it belongs to. Every
 * registered channel's outbox is served by its registry entry, so a new channel needs no route.
 * Mounted only while a channel writes to the outbox (no SMTP or no WhatsApp credentials
 * configured), and never in production: it shows codes.
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

  // A message's page, and a part its page frames (the e-mail's HTML): whichever registered
  // channel the URL names serves them from its own outbox (wiring/channel-entry.ts).
  dev.get("/outbox/:channel/:id", async (c) => {
    const outbox = channelOutbox(rt, c.req.param("channel"));
    if (!outbox) return c.notFound();
    const id = c.req.param("id");
    const href = `/dev/outbox/${outbox.entry.name}/${encodeURIComponent(id)}`;
    const shown = await outbox.entry.outbox.page(outbox.dir, id, href);
    if (!shown) return c.notFound();
    const body = markup`<p><a href="/dev/outbox">← Outbox</a></p>
${shown.body}`;
    return devPage(c, shown.title, body);
  });

  dev.get("/outbox/:channel/:id/:part", async (c) => {
    const outbox = channelOutbox(rt, c.req.param("channel"));
    const { id, part } = c.req.param();
    const shown =
      outbox?.entry.outbox.part && (await outbox.entry.outbox.part(outbox.dir, id, part));
    if (typeof shown !== "string") return c.notFound();
    // The message's own HTML, sandboxed (no scripts, no same-origin) and with inline styles only.
    c.header(
      "Content-Security-Policy",
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    );
    return c.html(shown);
  });

  return dev;
}

/** A development page in the shared frame, wide (tables and message sources). */
function devPage(c: Context, title: string, body: Markup) {
  return c.html(page({ lang: "en", title, body, wide: true }));
}
