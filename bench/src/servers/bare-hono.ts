import { Hono } from "hono";
import { serveUntilSigterm } from "./serve.js";

// The baseline: a Hono POST handler on @hono/node-server that parses a JSON body and answers
// JSON, the shape of the otpkit server's work minus OTP. Run as its own process by the bench.

const app = new Hono();

app.get("/readyz", (c) => c.json({ status: "ready" }));

// Like a check: read the code, answer an outcome.
app.post("/check", async (c) => {
  const body = await c.req.json<{ code?: unknown }>();
  return c.json({ status: body.code === "000000" ? "verified" : "invalid" });
});

// Like an issue: read subject and recipient, answer 201 with an id.
app.post("/issue", async (c) => {
  const body = await c.req.json<{ subject?: unknown; recipient?: { email?: unknown } }>();
  if (typeof body.subject !== "string" || typeof body.recipient?.email !== "string") {
    return c.json({ error: { code: "VALIDATION_FAILED" } }, 400);
  }
  return c.json({ id: body.subject, status: "pending" }, 201);
});

serveUntilSigterm(app, process.env["PORT"]);
