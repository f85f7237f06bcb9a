import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** How a child ended: its exit code or signal, and whether SIGTERM had to become SIGKILL. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  killed: boolean;
}

/** A server the bench started: where it listens and how to stop it. */
export interface ChildServer {
  readonly name: string;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly pid: number;
  /** stdout and stderr of the process (the bench never reads them while it measures). */
  readonly logFile: string;
  /** SIGTERM, then SIGKILL after `graceMs`; safe to call twice. */
  stop(graceMs?: number): Promise<ProcessExit>;
}

/** What {@link startChild} runs. */
export interface StartChildOptions {
  name: string;
  /** `process.execPath` is prepended: `["--import", "tsx", "src/x.ts"]`. */
  args: readonly string[];
  cwd: string;
  /** The whole environment of the child, on top of PATH and HOME only. */
  env: Record<string, string>;
  port: number;
  logFile: string;
  /** Polled until it answers 200. @default "/readyz" */
  readyPath?: string;
  /** @default 60 s */
  startTimeoutMs?: number;
}

const live = new Set<ChildProcess>();

// A bench that crashes must not leave servers behind (its own children, by pid).
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/**
 * A free TCP port on 127.0.0.1, as the OS hands it out (closed again before it is returned).
 *
 * @example
 * const port = await freePort();
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

async function ready(url: string, child: ChildProcess, deadline: number): Promise<boolean> {
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * Starts `node <args>` with its output in `logFile` and resolves once `readyPath` answers 200.
 *
 * @throws {Error} When the process exits first or is not ready in time (it is killed then),
 *   with the end of its output.
 * @example
 * const server = await startChild({ name: "hono", args: ["--import", "tsx", "src/servers/bare-hono.ts"], cwd, env: { PORT: "4000" }, port: 4000, logFile });
 */
export async function startChild(options: StartChildOptions): Promise<ChildServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const fd = openSync(options.logFile, "a");
  const child = spawn(process.execPath, [...options.args], {
    cwd: options.cwd,
    // Only what the child is given: a CI's REDIS_URL or vitest's NODE_ENV must not leak in.
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...options.env },
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  live.add(child);
  let stopping: Promise<ProcessExit> | undefined;
  const stop = (graceMs = 15_000): Promise<ProcessExit> => {
    stopping ??= (async () => {
      child.kill("SIGTERM");
      let killed = false;
      const timer = setTimeout(() => {
        killed = true;
        child.kill("SIGKILL");
      }, graceMs);
      const exit = await exited(child);
      clearTimeout(timer);
      live.delete(child);
      return { ...exit, killed };
    })();
    return stopping;
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  if (!(await ready(`${url}${options.readyPath ?? "/readyz"}`, child, deadline))) {
    const exit = await stop(2_000);
    throw new Error(
      `${options.name} did not become ready on ${url} (exit ${exit.code ?? exit.signal}); its output:\n${tail(options.logFile)}`,
    );
  }
  return { name: options.name, url, pid: child.pid ?? 0, logFile: options.logFile, stop };
}

/**
 * The resident set size of a process in bytes (Linux `/proc/<pid>/status`, VmRSS).
 *
 * @throws {Error} When the process is gone or the system has no /proc.
 * @example
 * const before = rssBytes(server.pid);
 */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`/proc/${pid}/status has no VmRSS line`);
  return Number(kb) * 1024;
}
