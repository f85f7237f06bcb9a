// Redis servers a test starts itself (fault and cluster tests): real redis-server processes on
// spare loopback ports, each in its own temp dir, never left behind. Needs the redis-server binary.
import type { ChildProcess } from "node:child_process";
import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A redis-server this test started itself, in its own temp dir, on a spare port. */
export interface RedisServerProcess {
  readonly port: number;
  readonly dir: string;
  readonly url: string;
  /** True while the server process is alive. */
  readonly running: boolean;
  /** Starts (or restarts) the server with the same port, dir and arguments; waits for PING. */
  start(): Promise<void>;
  /** Stops it: SIGKILL simulates a crash (no shutdown save), SIGTERM a clean shutdown. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops it and removes its directory. */
  destroy(): Promise<void>;
  /** Runs redis-cli against it and returns stdout. */
  cli(...args: string[]): Promise<string>;
}

const live = new Set<ChildProcess>();
// Last line of defence: never leave a redis-server behind, even if a test run is interrupted.
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/** True when nothing listens on 127.0.0.1:port right now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/**
 * A spare port in 20000..40000 whose cluster bus port (+10000) is spare too. Random rather than
 * ephemeral (port 0) so that +10000 stays a valid port.
 */
export async function sparePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if ((await isFree(port)) && (await isFree(port + 10_000))) return port;
  }
  throw new Error("no spare port found for redis-server");
}

async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`, { cause: lastError });
}

/**
 * Starts `redis-server` on a spare port with `--save "" --appendonly no` plus `extraArgs`, in a
 * fresh temp dir (its working directory, so AOF and nodes.conf files land there).
 */
export async function startRedisServer(extraArgs: string[] = []): Promise<RedisServerProcess> {
  const dir = await mkdtemp(join(tmpdir(), "otpkit-redis-"));
  const port = await sparePort();
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--save",
    "",
    "--appendonly",
    "no",
    "--protected-mode",
    "no",
    ...extraArgs,
  ];
  let child: ChildProcess | undefined;

  const cli = async (...cliArgs: string[]): Promise<string> => {
    const { stdout } = await run("redis-cli", ["-p", String(port), ...cliArgs], {
      timeout: 10_000,
    });
    return stdout;
  };

  const server: RedisServerProcess = {
    port,
    dir,
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return child !== undefined;
    },
    async start() {
      if (child) throw new Error(`redis-server on ${port} is already running`);
      const started = spawn("redis-server", args, { cwd: dir, stdio: "ignore" });
      child = started;
      live.add(started);
      started.once("exit", () => {
        live.delete(started);
        if (child === started) child = undefined;
      });
      await waitFor(async () => (await cli("PING")).trim() === "PONG", `redis-server on ${port}`);
    },
    async stop(signal = "SIGKILL") {
      const current = child;
      if (!current) return;
      const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
      current.kill(signal);
      await exited;
      child = undefined;
    },
    async destroy() {
      await server.stop("SIGKILL");
      await rm(dir, { recursive: true, force: true });
    },
    cli,
  };
  await server.start();
  return server;
}

/** A running Redis Cluster of three masters, no replicas. */
export interface RedisClusterProcess {
  readonly nodes: RedisServerProcess[];
  destroy(): Promise<void>;
}

/**
 * Starts three `--cluster-enabled yes` servers, joins them with `redis-cli --cluster create`,
 * and waits until every node reports `cluster_state:ok` and knows all 16384 slots.
 */
export async function startRedisCluster(): Promise<RedisClusterProcess> {
  const nodes: RedisServerProcess[] = [];
  const destroy = async () => {
    await Promise.all(nodes.map((node) => node.destroy()));
  };
  try {
    for (let i = 0; i < 3; i++) {
      nodes.push(
        await startRedisServer([
          "--cluster-enabled",
          "yes",
          "--cluster-config-file",
          "nodes.conf",
          "--cluster-node-timeout",
          "5000",
        ]),
      );
    }
    await run(
      "redis-cli",
      [
        "--cluster",
        "create",
        ...nodes.map((node) => `127.0.0.1:${node.port}`),
        "--cluster-replicas",
        "0",
        "--cluster-yes",
      ],
      { timeout: 30_000 },
    );
    for (const node of nodes) {
      await waitFor(
        async () => {
          const info = await node.cli("CLUSTER", "INFO");
          return (
            info.includes("cluster_state:ok") &&
            info.includes("cluster_slots_ok:16384") &&
            info.includes("cluster_known_nodes:3")
          );
        },
        `cluster_state:ok on ${node.port}`,
        30_000,
      );
    }
    return { nodes, destroy };
  } catch (error) {
    await destroy();
    throw error;
  }
}
