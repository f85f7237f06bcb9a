import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Hono } from "hono";
import type { AppState } from "../../src/app.js";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import type { Runtime } from "../../src/runtime.js";
import { createRuntime } from "../../src/runtime.js";

/** A clock the test moves by hand. */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

/** Log lines written by the server's pino logger, when `captureLogs` is on. */
export interface LogCapture {
  /** Every line as written (JSON text). */
  readonly lines: string[];
  /** The lines parsed. */
  entries(): Array<Record<string, unknown>>;
}

export interface TestServerOptions {
  /** Capture the logs (at LOG_LEVEL, default "info" when capturing) instead of discarding them. */
  captureLogs?: boolean;
  /** Start of the injected clock, epoch ms. @default Date.now() at creation */
  startAt?: number;
  /** Create no API key (`token` is then ""). */
  noApiKey?: boolean;
}

export interface TestServer {
  readonly rt: Runtime;
  readonly app: Hono;
  /** The AppState passed to createApp: set `shuttingDown` to drain. */
  readonly state: AppState;
  /** A valid API key (`otpk_…`) and its id. */
  readonly token: string;
  readonly keyId: string;
  readonly dataDir: string;
  readonly clock: TestClock;
  /** Present when `captureLogs` was set. */
  readonly logs: LogCapture | null;
  /** `app.request` with the API key and, for a body, JSON. */
  api(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Closes the runtime and removes the temp DATA_DIR. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * A server for tests: a fresh temp DATA_DIR, `NODE_ENV=test`, silent logs (or captured ones), an
 * injectable clock, the Hono app, and one API key.
 *
 * @example
 * const server = await createTestServer({ OTP_MAX_ATTEMPTS: "3" });
 * const res = await server.api("/api/v1/verifications", { method: "POST", body: {...} });
 * await server.close();
 */
export async function createTestServer(
  overrides: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "otpkit-server-test-"));
  let time = options.startAt ?? Date.now();
  const clock: TestClock = {
    now: () => time,
    advance(ms) {
      time += ms;
    },
  };
  let logs: LogCapture | null = null;
  let rt: Runtime | undefined;
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      NODE_ENV: "test",
      LOG_LEVEL: options.captureLogs ? "info" : "silent",
      ...overrides,
    });
    let logger = createLogger("silent");
    if (options.captureLogs) {
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk: Buffer | string, _encoding, callback) {
          for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(line);
          callback();
        },
      });
      logger = createLogger(config.LOG_LEVEL, stream);
      logs = {
        lines,
        entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
      };
    }
    rt = await createRuntime(config, { logger, now: clock.now });
    const key = options.noApiKey ? null : await rt.apiKeys.create("test");
    const state: AppState = { shuttingDown: false };
    const app = createApp(rt, state);
    const runtime = rt;
    const token = key?.token ?? "";
    let closed = false;
    return {
      rt: runtime,
      app,
      state,
      token,
      keyId: key?.id ?? "",
      dataDir,
      clock,
      logs,
      api(path, init = {}) {
        const headers: Record<string, string> = { authorization: `Bearer ${token}` };
        if (init.body !== undefined) headers["content-type"] = "application/json";
        return Promise.resolve(
          app.request(path, {
            method: init.method ?? (init.body === undefined ? "GET" : "POST"),
            headers: { ...headers, ...init.headers },
            ...(init.body === undefined
              ? {}
              : { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }),
          }),
        );
      },
      async close() {
        if (closed) return;
        closed = true;
        await runtime.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rt?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
