import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { envSchema } from "../../src/config.js";

/** apps/server: the working directory of every process started here. */
export const SERVER_DIR = fileURLToPath(new URL("../../", import.meta.url));

/** How the server and the CLI run from sources, exactly as `pnpm dev` / `pnpm otpkit` do. */
const NODE_ARGS = ["--conditions=@otpkit/source", "--import", "tsx"];

/** Captured output kept per process: enough for a diagnosis, bounded for a long run. */
const OUTPUT_LIMIT = 256 * 1024;

/** A server started as its own `node src/main.ts` process. */
export interface ServerProcess {
  /** The address from the banner, e.g. `http://127.0.0.1:41231`. */
  readonly url: string;
  /** An API key: the dev key from DATA_DIR, or (production) one created with the CLI. */
  readonly token: string;
  readonly dataDir: string;
  readonly pid: number;
  /** Everything the process wrote so far, stdout and stderr interleaved, each line tagged. */
  output(): string;
  /** Whether the process has exited (for any reason). */
  exited(): boolean;
  /**
   * SIGTERM, then waits for the exit; SIGKILL after `graceMs` (default 10 s). Returns how it
   * ended. Safe to call twice, and after the process died by itself.
   */
  stop(graceMs?: number): Promise<ProcessExit>;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when SIGTERM was not enough and the process had to be killed. */
  killed: boolean;
}

export interface StartServerOptions {
  /** Extra environment on top of `PORT=0 HOST=127.0.0.1 DATA_DIR=<temp> LOG_LEVEL=warn`. */
  env?: Record<string, string>;
  /** DATA_DIR; by default a fresh temp folder, removed again by `stop()`. */
  dataDir?: string;
  /** Use this API key instead of reading or creating one (processes sharing one database). */
  token?: string;
  /** How long to wait for the banner. @default 60 s (tsx compiles the sources on first start) */
  startTimeoutMs?: number;
  /** Tag for the captured output. @default "server" */
  name?: string;
  /** Node options before the server's own, e.g. `["--expose-gc", "--import", probe]`. */
  nodeArgs?: string[];
}

const live = new Set<ChildProcess>();

// Last resort: a test worker that dies (or forgot a stop()) must not leave servers behind.
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/**
 * The environment of a child: this process's environment WITHOUT any variable the server reads
 * (CI exports REDIS_URL and DATABASE_URL; vitest sets NODE_ENV=test), then the given ones. A
 * zero-config start must be zero-config even on a machine that has those set.
 */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const own = new Set(Object.keys(envSchema.shape));
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !own.has(key)));
  return { ...base, ...env };
}

/** A fresh temp folder for a DATA_DIR. */
export function tempDataDir(label = "server"): string {
  return mkdtempSync(join(tmpdir(), `otpkit-${label}-`));
}

function capture(child: ChildProcess, name: string): () => string {
  let text = "";
  const append = (stream: "out" | "err") => (chunk: Buffer) => {
    const lines = chunk.toString("utf8").replace(/\n$/, "").split("\n");
    text += `${lines.map((line) => `[${name} ${stream}] ${line}`).join("\n")}\n`;
    if (text.length > OUTPUT_LIMIT) text = text.slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on("data", append("out"));
  child.stderr?.on("data", append("err"));
  return () => text;
}

function waitForExit(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
}

/**
 * Runs the CLI (`node src/cli.ts <args>`) with the given server environment and returns its
 * stdout; rejects with the whole output when it exits non-zero or takes longer than 60 s.
 */
export async function runCli(args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [...NODE_ARGS, "src/cli.ts", ...args], {
    cwd: SERVER_DIR,
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  const output = capture(child, "cli");
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const exit = await waitForExit(child);
  clearTimeout(timer);
  live.delete(child);
  if (exit.code !== 0) {
    throw new Error(
      `otpkit ${args.join(" ")} failed (exit ${exit.code ?? exit.signal}):\n${output()}`,
    );
  }
  return stdout;
}

/** Creates an API key with `otpkit keys create <name>` against the database `env` names. */
export async function createApiKey(env: Record<string, string>, name = "test"): Promise<string> {
  const out = await runCli(["keys", "create", name], env);
  const token = /\b(otpk_[A-Za-z0-9]+_[A-Za-z0-9_-]+)/.exec(out)?.[1];
  if (!token) throw new Error(`otpkit keys create printed no token:\n${out}`);
  return token;
}

/**
 * Starts `node --conditions=@otpkit/source --import tsx src/main.ts` in apps/server on a free
 * port and resolves once the banner names the address. Rejects (with the process's output) when
 * it exits first or prints no banner in time; the process is then already gone.
 */
export async function startServer(options: StartServerOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? tempDataDir();
  const name = options.name ?? "server";
  const env: Record<string, string> = {
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...options.env,
  };
  const production = env["NODE_ENV"] === "production";
  // Production has no dev key: create one first (this also runs the migrations).
  const presetToken = options.token ?? (production ? await createApiKey(env) : undefined);

  const child = spawn(
    process.execPath,
    [...NODE_ARGS, ...(options.nodeArgs ?? []), "src/main.ts"],
    {
      cwd: SERVER_DIR,
      env: childEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  live.add(child);
  const output = capture(child, name);
  const exit = waitForExit(child).then((result) => {
    live.delete(child);
    return result;
  });

  const ownsDataDir = options.dataDir === undefined;
  const terminate = async (graceMs: number): Promise<ProcessExit> => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return { ...(await exit), killed: false };
    }
    child.kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), graceMs);
    });
    const first = await Promise.race([exit, late]);
    clearTimeout(timer);
    if (first !== "late") return { ...first, killed: false };
    child.kill("SIGKILL");
    return { ...(await exit), killed: true };
  };
  let stopping: Promise<ProcessExit> | undefined;
  const stop = (graceMs = 10_000): Promise<ProcessExit> => {
    stopping ??= terminate(graceMs).then((result) => {
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
      return result;
    });
    return stopping;
  };

  const timeoutMs = options.startTimeoutMs ?? 60_000;
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      let seen = "";
      const onData = (chunk: Buffer) => {
        seen += chunk.toString("utf8");
        const match = /listening on (http:\/\/[^\s]+)/.exec(seen);
        if (match?.[1]) {
          cleanup();
          resolve(match[1]);
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        cleanup();
        reject(new Error(`${name} exited before listening (${code ?? signal})`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${name} printed no "listening on" line within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        child.off("exit", onExit);
      };
      child.stdout?.on("data", onData);
      child.once("exit", onExit);
    });
  } catch (error) {
    await stop(2_000);
    throw new Error(`${(error as Error).message}; its output:\n${output()}`, { cause: error });
  }

  let token: string;
  try {
    // The dev key is written before the server listens, so it is there once the banner is.
    token = presetToken ?? readFileSync(join(dataDir, "dev-api-key"), "utf8").trim();
  } catch (error) {
    await stop(2_000);
    throw new Error(`${name} wrote no DATA_DIR/dev-api-key; its output:\n${output()}`, {
      cause: error,
    });
  }

  return {
    url,
    token,
    dataDir,
    pid: child.pid ?? -1,
    output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop,
  };
}
