import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { AppState } from "./app.js";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { ConfigError, loadConfig } from "./config.js";
import type { DevKeySource } from "./dev-keys.js";
import { prettyStream } from "./log-pretty.js";
import { createLogger } from "./logger.js";
import type { Runtime } from "./runtime.js";
import { createRuntime } from "./runtime.js";

/** Stops with one plain line on stderr: a start-up problem is for a person, not a log parser. */
function stop(message: string): never {
  process.stderr.write(`otpkit: ${message}\n`);
  process.exit(1);
}

/**
 * In development only: one API key kept in DATA_DIR, so the banner can print a working curl.
 * Production keys are created with `pnpm otpkit keys create <name>`.
 */
async function devApiKey(rt: Runtime, config: Config): Promise<string | null> {
  if (config.NODE_ENV === "production") return null;
  const file = join(config.DATA_DIR, "dev-api-key");
  if (existsSync(file)) {
    const token = readFileSync(file, "utf8").trim();
    if (await rt.apiKeys.authenticate(token)) return token;
  }
  const key = await rt.apiKeys.create("development (generated at first start)");
  writeFileSync(file, `${key.token}\n`, { mode: 0o600 });
  return key.token;
}

/** "generated in <file>" on the start that wrote it, "kept in <file>" on every start after. */
function devFile(source: DevKeySource, config: Config, name: string): string {
  return `${source === "generated" ? "generated" : "kept"} in ${join(config.DATA_DIR, name)}`;
}

function banner(rt: Runtime, config: Config, address: string, token: string | null): string {
  const base = config.publicUrl;
  const lines = [
    "",
    `  otpkit server listening on ${address}`,
    "",
    `  Hosted page   ${base}/verify/<id>   (the id comes from the API)`,
    Object.values(rt.outbox).some(Boolean) ? `  Dev outbox    ${base}/dev/outbox` : null,
    `  API           ${base}/api/v1`,
    rt.hubspot ? `  HubSpot       ${base}/hubspot/oauth/install   (install the app)` : null,
    `  Health        ${base}/healthz  ·  ${base}/readyz  ·  ${base}/metrics`,
    "",
    `  OTP state     ${config.REDIS_URL ? "Redis" : `SQLite in ${config.DATA_DIR}`}`,
    `  App data      ${rt.database.dialect === "postgres" ? "PostgreSQL" : `SQLite in ${config.DATA_DIR}`}`,
    rt.secretSource === "environment"
      ? "  Secret        from OTPKIT_SECRETS"
      : `  Secret        ${devFile(rt.secretSource, config, "otpkit-secret")} — a DEVELOPMENT setup; set OTPKIT_SECRETS in production`,
    rt.namingKeySource === "environment"
      ? "  Naming key    from OTP_NAMING_KEY"
      : `  Naming key    ${devFile(rt.namingKeySource, config, "otpkit-naming-key")} — keep it; set OTP_NAMING_KEY in production`,
  ];
  if (token) {
    lines.push(
      "",
      `  Issue a first code (development API key from ${join(config.DATA_DIR, "dev-api-key")}):`,
      "",
      `  curl -s ${base}/api/v1/verifications \\`,
      `    -H 'Authorization: Bearer ${token}' \\`,
      "    -H 'Content-Type: application/json' \\",
      `    -d '{"subject":"user-1","recipient":{"email":"ana@example.com"}}'`,
      "",
      "  then open the verifyUrl it returns, and read the code in the dev outbox.",
    );
  }
  return `${lines.filter((l) => l !== null).join("\n")}\n\n`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) stop(error.message);
    throw error;
  }
  // JSON lines for machines; in development at a terminal, lines a person can read.
  const tty = process.stdout.isTTY === true;
  const pretty =
    config.LOG_FORMAT === "pretty" ||
    (config.LOG_FORMAT === "auto" && config.NODE_ENV === "development" && tty);
  const logger = createLogger(
    config.LOG_LEVEL,
    pretty ? prettyStream(process.stdout, tty) : undefined,
  );
  let rt: Runtime;
  try {
    rt = await createRuntime(config, { logger });
  } catch (error) {
    stop((error as Error).message);
  }
  const state: AppState = { shuttingDown: false };
  const app = createApp(rt, state);
  const token = await devApiKey(rt, config);
  // Wait-for-verification windows that ended complete with `expired` on this beat.
  rt.hubspot?.startBackground();

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    // PORT=0 takes any free port: the links (banner, verifyUrl) must name the one it got.
    if (!config.PUBLIC_URL && config.PORT === 0) config.publicUrl = `http://localhost:${info.port}`;
    const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
    process.stdout.write(banner(rt, config, `http://${host}:${info.port}`, token));
    logger.info({ port: info.port, host: info.address }, "listening");
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    stop(
      error.code === "EADDRINUSE"
        ? `Port ${config.PORT} is in use; set PORT to another port.`
        : error.message,
    );
  });

  // Graceful shutdown: /readyz turns 503 and the server goes on answering for SHUTDOWN_DRAIN_MS
  // (a load balancer stops sending; connections the kernel already queued are served, not reset
  // when the listening socket closes), then it stops accepting, lets in-flight requests finish,
  // and closes stores and database. Ctrl-C (SIGINT) is a person at a terminal: no drain.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    state.shuttingDown = true;
    const drainMs = signal === "SIGTERM" ? config.SHUTDOWN_DRAIN_MS : 0;
    logger.info({ signal, drainMs }, "shutting down");
    setTimeout(() => {
      const force = setTimeout(() => {
        logger.error("in-flight requests did not finish within 10 s; exiting");
        process.exit(1);
      }, 10_000);
      force.unref();
      server.close(async () => {
        await rt.close();
        logger.info("stopped");
        process.exit(0);
      });
      // Idle keep-alive connections would hold close() open; busy ones finish their request first.
      (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    }, drainMs);
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

await main();
