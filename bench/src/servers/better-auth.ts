import { join } from "node:path";
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { emailOTP } from "better-auth/plugins";
import Database from "better-sqlite3";
import { Hono } from "hono";
import { serveUntilSigterm } from "./serve.js";

// The peer baseline: better-auth 1.7's emailOTP plugin on SQLite (better-sqlite3, as its docs set
// it up), served by Hono on @hono/node-server. Its verify endpoint does its normal work; only
// the set-up of users and codes goes through a bench-only route, before the timed runs.

const dataDir = process.env["DATA_DIR"];
if (!dataDir) throw new Error("DATA_DIR must name a folder for the SQLite file");

/** The codes better-auth "sent", by e-mail address, until the bench collects them. */
const sent = new Map<string, string>();

const database = new Database(join(dataDir, "better-auth.sqlite"));
const options = {
  database,
  secret: process.env["BETTER_AUTH_SECRET"] ?? "",
  baseURL: `http://127.0.0.1:${process.env["PORT"]}`,
  telemetry: { enabled: false },
  // Its IP rate limit (3 verify-email calls a minute) would refuse a load test from one client.
  rateLimit: { enabled: false },
  plugins: [
    emailOTP({
      async sendVerificationOTP({ email, otp }) {
        sent.set(email, otp);
      },
    }),
  ],
};

const { runMigrations } = await getMigrations(options);
await runMigrations();
const auth = betterAuth(options);
const context = await auth.$context;

const app = new Hono();
app.get("/readyz", (c) => c.json({ status: "ready" }));
app.on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(c.req.raw));

// Bench set-up only (not timed): a user per address and a code sent to it through the plugin's
// own send endpoint; answers the codes, as a person would read them from the e-mail. One
// transaction per batch, so the set-up does not take a disk flush per row.
app.post("/bench/codes", async (c) => {
  const { emails } = await c.req.json<{ emails: string[] }>();
  database.exec("BEGIN");
  try {
    const codes = await sendCodes(emails);
    database.exec("COMMIT");
    return c.json({ codes });
  } catch (error) {
    database.exec("ROLLBACK");
    return c.json({ error: (error as Error).message }, 500);
  }
});

async function sendCodes(
  emails: readonly string[],
): Promise<Array<{ email: string; otp: string }>> {
  const codes: Array<{ email: string; otp: string }> = [];
  for (const email of emails) {
    await context.internalAdapter.createUser(
      { email, name: "bench", emailVerified: false },
      { method: "email-otp" },
    );
    await auth.api.sendVerificationOTP({ body: { email, type: "email-verification" } });
    const otp = sent.get(email);
    if (!otp) throw new Error(`better-auth sent no code to ${email}`);
    sent.delete(email);
    codes.push({ email, otp });
  }
  return codes;
}

serveUntilSigterm(app, process.env["PORT"]);
