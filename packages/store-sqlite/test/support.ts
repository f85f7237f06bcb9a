import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

const WORKER = fileURLToPath(new URL("./fixtures/worker.ts", import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

/** A fresh temp directory, removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "otpkit-sqlite-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A temp directory that the calling test file's hooks create and remove. */
export interface TestDir {
  /** The directory; read it inside tests and hooks, not at import time. */
  readonly path: string;
  /** A database path in it that no earlier call returned: `<label>-<n>.db`. */
  freshDatabase(label: string): string;
}

/**
 * A temp directory for the calling test file: a new one before each test (`"each"`) or one for
 * the whole file (`"all"`), removed after it.
 */
export function useTempDir(scope: "each" | "all" = "each"): TestDir {
  let current: { dir: string; cleanup: () => Promise<void> } | undefined;
  let files = 0;
  (scope === "each" ? beforeEach : beforeAll)(async () => {
    current = await tempDir();
  });
  (scope === "each" ? afterEach : afterAll)(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return {
    get path() {
      if (current === undefined) throw new Error("useTempDir: read path inside a test or hook");
      return current.dir;
    },
    freshDatabase(label) {
      return join(this.path, `${label}-${++files}.db`);
    },
  };
}

/** A running worker process (test/fixtures/worker.ts). */
export interface Worker {
  /** Resolves with the next JSON line the worker prints. */
  next<T>(): Promise<T>;
  /** Sends a line to its stdin. */
  send(line: string): void;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  child: ChildProcess;
}

/**
 * Starts `node --conditions=@otpkit/source --import tsx test/fixtures/worker.ts …` as a separate
 * OS process (its own SQLite connection, its own file locks). `uid` runs it as another user.
 */
export function startWorker(args: string[], options: { uid?: number; gid?: number } = {}): Worker {
  const child = spawn(
    process.execPath,
    ["--conditions=@otpkit/source", "--import", "tsx", WORKER, ...args],
    {
      cwd: PACKAGE_DIR,
      stdio: ["pipe", "pipe", "pipe"],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const queue: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else queue.push(line);
  });
  return {
    child,
    exited,
    send(line) {
      child.stdin?.write(`${line}\n`);
    },
    next<T>() {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(JSON.parse(queued) as T);
      return new Promise<T>((resolve, reject) => {
        waiting.push((line) => resolve(JSON.parse(line) as T));
        void exited.then((code) => {
          reject(
            new Error(`worker ${args.join(" ")} exited (${code}) before answering:\n${stderr}`),
          );
        });
      });
    },
  };
}
