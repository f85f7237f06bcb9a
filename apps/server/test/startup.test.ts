import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startRedisServer } from "@otpkit/otp-testing/redis-server";
import { afterEach, describe, expect, it } from "vitest";
import type { Runtime } from "../src/runtime.js";
import { lastEmailCode, wrongCode } from "./support/outbox.js";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
// By URL: the child may run in a folder with no node_modules (a user's own folder).
const TSX = pathToFileURL(join(SERVER_DIR, "node_modules/tsx/dist/loader.mjs")).href;
/** Liveness bound for a process to start, answer or stop; not a performance assertion. */
const LIVENESS_MS = 60_000;

interface Proc {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await gone;
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "otpkit-startup-"));
  dirs.push(dir);
  return dir;
}

/**
 * Runs `node --conditions=@otpkit/source --import tsx <script>` in apps/server with only the
 * variables given (plus PATH and HOME): nothing leaks in from the test runner's environment.
 */
function run(
  script: "src/main.ts" | "src/cli.ts",
  args: string[],
  env: Record<string, string>,
  cwd = SERVER_DIR,
) {
  const child = spawn(
    process.execPath,
    ["--conditions=@otpkit/source", "--import", TSX, join(SERVER_DIR, script), ...args],
    {
      cwd,
      env: {
        PATH: process.env["PATH"] ?? "/usr/bin:/bin",
        HOME: process.env["HOME"] ?? tmpdir(),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
  const proc: Proc = { child, stdout: () => out, stderr: () => err, exited };
  return proc;
}

/** Resolves with the first match of `pattern` in stdout; fails if the process exits first. */
async function waitFor(proc: Proc, pattern: RegExp): Promise<RegExpExecArray> {
  const deadline = Date.now() + LIVENESS_MS;
  let exited = false;
  void proc.exited.then(() => {
    exited = true;
  });
  for (;;) {
    const match = pattern.exec(proc.stdout());
    if (match) return match;
    if (exited || Date.now() > deadline) {
      throw new Error(
        `no ${pattern} (exited: ${exited})\nstdout:\n${proc.stdout()}\nstderr:\n${proc.stderr()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function finished(proc: Proc) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`still running\nstdout:\n${proc.stdout()}\nstderr:\n${proc.stderr()}`)),
      LIVENESS_MS,
    );
  });
  try {
    return await Promise.race([proc.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Started {
  proc: Proc;
  base: string;
  banner: string;
}

/** Starts the server on a free port and waits for its banner. */
async function startServer(env: Record<string, string>, cwd = SERVER_DIR): Promise<Started> {
  const proc = run(
    "src/main.ts",
    [],
    { NODE_ENV: "development", PORT: "0", LOG_LEVEL: "info", ...env },
    cwd,
  );
  const match = await waitFor(proc, /otpkit server listening on (http:\/\/127\.0\.0\.1:(\d+))\n/);
  // The "listening" log line follows the banner.
  await waitFor(proc, /"msg":"listening"/);
  const port = match[2]!;
  return { proc, base: `http://localhost:${port}`, banner: proc.stdout() };
}

/** Sends SIGTERM and expects a clean exit. */
async function stop(started: Started): Promise<void> {
  started.proc.child.kill("SIGTERM");
  const { code } = await finished(started.proc);
  expect(code).toBe(0);
}

/** The JSON log lines a process wrote to stdout. */
function logLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the server process", () => {
  it("on SIGTERM goes on answering for SHUTDOWN_DRAIN_MS with /readyz at 503, then exits cleanly", async () => {
    const started = await startServer({ DATA_DIR: tempDir(), SHUTDOWN_DRAIN_MS: "3000" });
    started.proc.child.kill("SIGTERM");
    await waitFor(started.proc, /"msg":"shutting down"/);
    // Draining: a load balancer sees not-ready, and a request that still arrives is answered.
    const ready = await fetch(`${started.base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "not_ready", shuttingDown: true });
    expect((await fetch(`${started.base}/healthz`)).status).toBe(200);
    const { code } = await finished(started.proc);
    expect(code).toBe(0);
    expect(started.proc.stdout()).toContain('"msg":"stopped"');
  });

  it("starts on an empty DATA_DIR, prints a working banner, and stops on SIGTERM", async () => {
    const dataDir = tempDir();
    const started = await startServer({ DATA_DIR: dataDir });
    const { base, banner } = started;

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });

    expect(banner).toContain(`Hosted page   ${base}/verify/<id>`);
    expect(banner).toContain(`Dev outbox    ${base}/dev/outbox`);
    expect(banner).toContain(`API           ${base}/api/v1`);
    expect(banner).toContain(`${base}/healthz`);
    expect(banner).toContain(`Secret        generated in ${join(dataDir, "otpkit-secret")}`);
    expect(banner).toContain("DEVELOPMENT setup");

    // The development secret and API key: created, private, never printed (the key is, once).
    const secretFile = join(dataDir, "otpkit-secret");
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const secret = readFileSync(secretFile, "utf8").trim();
    expect(secret).toMatch(/^dev:[A-Za-z0-9_-]{64}$/);
    expect(started.proc.stdout()).not.toContain(secret.slice(4));
    expect(statSync(join(dataDir, "dev-api-key")).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, "app.sqlite"))).toBe(true);
    expect(existsSync(join(dataDir, "otp-state.sqlite"))).toBe(true);
    const warning = logLines(started.proc.stdout()).find(
      (l) => l["msg"] === "generated a development secret; set OTPKIT_SECRETS in production",
    );
    expect(warning).toBeDefined();
    // The naming key, next to it: private, never printed, named in the banner.
    const namingFile = join(dataDir, "otpkit-naming-key");
    expect(statSync(namingFile).mode & 0o777).toBe(0o600);
    const namingKey = readFileSync(namingFile, "utf8").trim();
    expect(namingKey).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(started.proc.stdout()).not.toContain(namingKey);
    expect(banner).toContain(`Naming key    generated in ${namingFile}`);

    // The printed curl, as printed.
    const curl =
      /curl -s (\S+) \\\n\s+-H '(Authorization): Bearer (\S+)' \\\n\s+-H '(Content-Type): (\S+)' \\\n\s+-d '(.+)'\n/.exec(
        banner,
      );
    expect(curl).not.toBeNull();
    const [, url, , token, , contentType, body] = curl!;
    expect(url).toBe(`${base}/api/v1/verifications`);
    expect(token).toBe(readFileSync(join(dataDir, "dev-api-key"), "utf8").trim());
    const res = await fetch(url!, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": contentType! },
      body: body!,
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; verifyUrl: string; channel: string };
    expect(created.channel).toBe("email");
    expect(created.verifyUrl).toBe(`${base}/verify/${created.id}`);
    const page = await fetch(created.verifyUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('autocomplete="one-time-code"');
    const outbox = await fetch(`${base}/dev/outbox`);
    expect(await outbox.text()).toContain("ana@example.com");

    await stop(started);
    const lines = logLines(started.proc.stdout());
    expect(lines.map((l) => l["msg"])).toContain("shutting down");
    expect(lines.at(-1)?.["msg"]).toBe("stopped");
    expect(started.proc.stderr()).toBe("");

    // A second start on the same DATA_DIR keeps the secret, the naming key and the development
    // key, and says so: "generated" only on the start that wrote them.
    const again = await startServer({ DATA_DIR: dataDir });
    expect(readFileSync(secretFile, "utf8").trim()).toBe(secret);
    expect(readFileSync(namingFile, "utf8").trim()).toBe(namingKey);
    expect(again.banner).not.toContain("generated in");
    expect(again.banner).toContain(`Secret        kept in ${secretFile}`);
    expect(again.banner).toContain(`Naming key    kept in ${namingFile}`);
    expect(again.banner).toContain(`development API key from ${join(dataDir, "dev-api-key")}`);
    expect(
      logLines(again.proc.stdout()).filter((l) => String(l["msg"]).startsWith("generated")),
    ).toEqual([]);
    expect(again.banner).toContain(`Bearer ${token}'`);
    const check = await fetch(`${again.base}/api/v1/verifications/${created.id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(check.status).toBe(200);
    await stop(again);
  });

  it("a bad variable stops the start with the one documented line, no stack trace", async () => {
    const proc = run("src/main.ts", [], {
      DATA_DIR: join(tempDir(), "data"),
      PORT: "0",
      OTP_CODE_LENGTH: "99",
    });
    expect(await finished(proc)).toEqual({ code: 1, signal: null });
    expect(proc.stderr()).toBe(
      "otpkit: Invalid OTP_CODE_LENGTH: use a whole number between 4 and 10.\n",
    );
    expect(proc.stdout()).toBe("");
  });

  it.each([
    [
      { TEST_RECIPIENTS: "*@example.test" },
      "otpkit: Refusing to start: TEST_RECIPIENTS is set while NODE_ENV=production. Test recipients get a fixed code; remove TEST_RECIPIENTS, or set ALLOW_TEST_RECIPIENTS_IN_PRODUCTION=true if you really mean it (store reviewers).\n",
    ],
    [
      { OTPKIT_SECRETS: "" },
      "otpkit: Missing OTPKIT_SECRETS: required in production; generate one with `echo k1:$(openssl rand -base64 48)` and keep it in your secret manager.\n",
    ],
    [
      { OTPKIT_SECRETS: "k1:my-short-secret" },
      "otpkit: Invalid OTPKIT_SECRETS: use id:secret pairs separated by commas, each secret 32+ characters (openssl rand -base64 48).\n",
    ],
    [
      { OTP_NAMING_KEY: "" },
      "otpkit: Missing OTP_NAMING_KEY: required in production; generate one once with `openssl rand -base64 48`, keep it in your secret manager and give every process the same one; never change it (a new one forgets every lock and budget).\n",
    ],
  ])("production with %j refuses to start", async (env, line) => {
    const dataDir = join(tempDir(), "data");
    const proc = run("src/main.ts", [], {
      NODE_ENV: "production",
      ALLOW_DEV_OUTBOX_IN_PRODUCTION: "true",
      PUBLIC_URL: "https://otp.example.com",
      OTPKIT_SECRETS: `k1:${"s".repeat(48)}`,
      OTP_NAMING_KEY: "n".repeat(48),
      DATA_DIR: dataDir,
      PORT: "0",
      ...env,
    });
    expect(await finished(proc)).toEqual({ code: 1, signal: null });
    expect(proc.stderr()).toBe(line);
    expect(proc.stdout()).toBe("");
    expect(existsSync(dataDir)).toBe(false);
  });

  it("starts in production with test recipients when explicitly forced", async () => {
    const started = await startServer({
      NODE_ENV: "production",
      ALLOW_DEV_OUTBOX_IN_PRODUCTION: "true",
      PUBLIC_URL: "https://otp.example.com",
      OTPKIT_SECRETS: `k1:${"s".repeat(48)}`,
      OTP_NAMING_KEY: "n".repeat(48),
      TEST_RECIPIENTS: "*@example.test",
      ALLOW_TEST_RECIPIENTS_IN_PRODUCTION: "true",
      DATA_DIR: tempDir(),
    });
    expect(started.banner).toContain("Secret        from OTPKIT_SECRETS");
    expect(started.banner).toContain("Naming key    from OTP_NAMING_KEY");
    expect(started.banner).not.toContain("s".repeat(48));
    expect(started.banner).not.toContain("n".repeat(48));
    // No development key in production.
    expect(started.banner).not.toContain("curl");
    await stop(started);
  });

  it("says which port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const proc = run("src/main.ts", [], {
        DATA_DIR: tempDir(),
        PORT: String(port),
        LOG_LEVEL: "silent",
      });
      expect(await finished(proc)).toEqual({ code: 1, signal: null });
      expect(proc.stderr()).toBe(`otpkit: Port ${port} is in use; set PORT to another port.\n`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it.each([
    [
      "REDIS_URL",
      "redis://:redisPa55@127.0.0.1:9",
      /^otpkit: Cannot reach Redis at REDIS_URL \(.+\); check the URL or unset it for the SQLite store\.\n$/,
    ],
    [
      "DATABASE_URL",
      "postgres://otpkit:dbPa55@127.0.0.1:9/otpkit",
      /^otpkit: Cannot use PostgreSQL at DATABASE_URL \(.+\); check the URL, or unset it for the SQLite app database\.\n$/,
    ],
  ])(
    "an unreachable %s stops the start naming it, without the password",
    async (name, url, line) => {
      const proc = run("src/main.ts", [], {
        DATA_DIR: tempDir(),
        PORT: "0",
        LOG_LEVEL: "silent",
        [name]: url,
      });
      expect(await finished(proc)).toEqual({ code: 1, signal: null });
      expect(proc.stderr()).toMatch(line);
      expect(proc.stderr()).not.toContain("Pa55");
    },
  );

  it("refuses a Redis database the server does not have, naming REDIS_URL", async () => {
    const proc = run("src/main.ts", [], {
      DATA_DIR: tempDir(),
      PORT: "0",
      LOG_LEVEL: "silent",
      REDIS_URL: `${(process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379").replace(/\/\d*$/, "")}/99`,
    });
    expect(await finished(proc)).toEqual({ code: 1, signal: null });
    expect(proc.stderr()).toMatch(
      /^otpkit: Redis refused database 99 of REDIS_URL \(.*DB index is out of range.*\); use a database the server has \(0-15 by default\) or drop "\/99" from the URL\.\n$/,
    );
  });

  it("refuses a Redis that may evict records, naming REDIS_URL and the fix", async () => {
    const redis = await startRedisServer(["--maxmemory-policy", "allkeys-lru"]);
    try {
      const proc = run("src/main.ts", [], {
        DATA_DIR: tempDir(),
        PORT: "0",
        LOG_LEVEL: "silent",
        REDIS_URL: redis.url,
      });
      expect(await finished(proc)).toEqual({ code: 1, signal: null });
      expect(proc.stderr()).toBe(
        "otpkit: Redis at REDIS_URL may evict OTP records (maxmemory-policy allkeys-lru), and with them failure counts and locks; set maxmemory-policy noeviction on that server.\n",
      );
    } finally {
      await redis.destroy();
    }
  });

  it("starts on a Redis whose policy cannot be read (CONFIG disabled), with a warning", async () => {
    const redis = await startRedisServer(["--rename-command", "CONFIG", ""]);
    try {
      const started = await startServer({ DATA_DIR: tempDir(), REDIS_URL: redis.url });
      const warnings = logLines(started.proc.stdout()).filter((l) => l["level"] === 40);
      expect(warnings.map((l) => l["msg"])).toContainEqual(
        expect.stringMatching(/^could not read Redis maxmemory-policy/),
      );
      await stop(started);
    } finally {
      await redis.destroy();
    }
  });

  it("a DATA_DIR that cannot be a folder stops the start naming DATA_DIR", async () => {
    const file = join(tempDir(), "a-file");
    writeFileSync(file, "x");
    for (const [dataDir, why] of [
      [file, "a file is in the way, EEXIST"],
      [join(file, "below"), "part of the path is a file, ENOTDIR"],
    ] as const) {
      const proc = run("src/main.ts", [], { DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "silent" });
      expect(await finished(proc)).toEqual({ code: 1, signal: null });
      expect(proc.stderr()).toBe(
        `otpkit: Cannot use DATA_DIR ${dataDir} (${why}); set DATA_DIR to a folder the server can create and write.\n`,
      );
    }
  });

  it("refuses a corrupt development secret with a plain message", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "otpkit-secret"), "garbage\n", { mode: 0o600 });
    const proc = run("src/main.ts", [], { DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "silent" });
    expect(await finished(proc)).toEqual({ code: 1, signal: null });
    expect(proc.stderr()).toBe(
      `otpkit: The development secret file ${join(dataDir, "otpkit-secret")} is corrupt; delete it to generate a new one.\n`,
    );
  });

  it("refuses a corrupt development naming key, saying what deleting it costs", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "otpkit-naming-key"), "short\n", { mode: 0o600 });
    const proc = run("src/main.ts", [], { DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "silent" });
    expect(await finished(proc)).toEqual({ code: 1, signal: null });
    expect(proc.stderr()).toBe(
      `otpkit: The development naming key file ${join(dataDir, "otpkit-naming-key")} is corrupt; delete it to generate a new one (this forgets every subject's locks and budgets).\n`,
    );
  });
});

describe("the CLI", () => {
  async function cli(args: string[], env: Record<string, string>) {
    const proc = run("src/cli.ts", args, env);
    const { code } = await finished(proc);
    return { code, stdout: proc.stdout(), stderr: proc.stderr() };
  }

  it("the CLI and the server share a relative DATA_DIR whatever folder each runs in", async () => {
    // What a user does: `pnpm start` and `pnpm otpkit keys create` typed in the same folder.
    // pnpm runs the CLI inside apps/server and says where it was typed in INIT_CWD.
    const typedIn = tempDir();
    const created = await cli(["keys", "create", "ci"], {
      DATA_DIR: "state",
      INIT_CWD: typedIn,
    });
    expect(created.code, created.stderr).toBe(0);
    const token = /(otpk_\S+)/.exec(created.stdout)?.[1];
    const started = await startServer({ DATA_DIR: "state" }, typedIn);
    const res = await fetch(`${started.base}/api/v1/audit?subject=user-1`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(existsSync(join(SERVER_DIR, "state"))).toBe(false);
    await stop(started);
  });

  it("keys create prints a token that works; keys list shows it; keys revoke makes it 401", async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir };
    const created = await cli(["keys", "create", "ci"], env);
    expect(created.code).toBe(0);
    expect(created.stderr).toBe("");
    const match =
      /^Created API key ([A-Za-z0-9]{12}) \(ci\)\. .*\n\n {2}(otpk_\S+)\n\nUse it as: Authorization: Bearer <token>\n$/.exec(
        created.stdout,
      );
    expect(match, created.stdout).not.toBeNull();
    const [, id, token] = match!;

    const started = await startServer({ DATA_DIR: dataDir });
    const call = () =>
      fetch(`${started.base}/api/v1/audit?subject=user-1`, {
        headers: { Authorization: `Bearer ${token}` },
      });
    const ok = await call();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ events: [] });

    const listed = await cli(["keys", "list"], env);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split("\n");
    expect(lines).toHaveLength(2); // ours and the server's development key
    const ours = lines.find((l) => l.startsWith(`${id}  `));
    expect(ours).toMatch(new RegExp(`^${id} {2}\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z {2}active {2}ci$`));
    expect(listed.stdout).toContain("development (generated at first start)");
    const secretPart = /^otpk_[A-Za-z0-9]{12}_(.{43})$/.exec(token!)?.[1];
    expect(secretPart).toHaveLength(43);
    expect(listed.stdout).not.toContain(secretPart!);

    const revoked = await cli(["keys", "revoke", id!], env);
    expect(revoked).toEqual({ code: 0, stdout: `Revoked ${id}\n`, stderr: "" });
    const refused = await call();
    expect(refused.status).toBe(401);

    const twice = await cli(["keys", "revoke", id!], env);
    expect(twice).toEqual({ code: 1, stdout: `No active key ${id}\n`, stderr: "" });
    expect((await cli(["keys", "list"], env)).stdout).toMatch(
      new RegExp(`^${id} {2}\\S+ {2}revoked \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z {2}ci$`, "m"),
    );
    await stop(started);
  });

  it("unlock ends a lock that lasts until an operator unlocks, as the API route does", async () => {
    const dataDir = tempDir();
    const env = {
      DATA_DIR: dataDir,
      OTP_LOCKOUT_MAX_CONSECUTIVE_FAILURES: "1",
      OTP_RESEND_COOLDOWN_SECONDS: "0",
    };
    const created = await cli(["keys", "create", "ops"], env);
    const [, id, token] = /API key (\S+) .*\n\n {2}(otpk_\S+)\n/s.exec(created.stdout)!;
    const started = await startServer(env);
    const api = (path: string, body: unknown) =>
      fetch(`${started.base}/api/v1${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const start = { subject: "user-1", recipient: { email: "ana@example.com" } };
    const v = (await (await api("/verifications", start)).json()) as { id: string };
    // The outbox helpers need only the outbox folder and the code policy of a runtime.
    const rt = {
      outbox: { email: join(dataDir, "outbox", "email") },
      otp: { policy: { symbols: "0123456789", length: 6 } },
    } as unknown as Runtime;
    const wrong = wrongCode(rt, await lastEmailCode(rt, "ana@example.com"));
    const locked = await api(`/verifications/${v.id}/check`, { code: wrong });
    expect(await locked.json()).toEqual({
      status: "locked",
      lockedUntil: null,
      retryAfterSeconds: null,
    });
    expect((await api("/verifications", start)).status).toBe(423);

    const unlocked = await cli(["unlock", id!, "user-1"], env);
    expect(unlocked).toEqual({
      code: 0,
      stdout: `Unlocked user-1 (login) of key ${id}; the person was sent an unlock notice.\n`,
      stderr: "",
    });
    expect((await api("/verifications", start)).status).toBe(201);
    const again = await cli(["unlock", id!, "user-1", "login"], env);
    expect(again).toEqual({
      code: 0,
      stdout: `user-1 (login) of key ${id} was not locked; its failure counters are cleared.\n`,
      stderr: "",
    });
    expect(await cli(["unlock", "nokey0000000", "user-1"], env)).toEqual({
      code: 1,
      stdout: "",
      stderr: "otpkit: no API key nokey0000000; see otpkit keys list\n",
    });
    await stop(started);
  });

  it("prints its usage on stdout and exits 0 when asked: help, --help, -h", async () => {
    const env = { DATA_DIR: tempDir() };
    for (const args of [
      ["--help"],
      ["-h"],
      ["help"],
      ["keys", "--help"],
      ["keys", "create", "-h"],
    ]) {
      const help = await cli(args, env);
      expect(help.code, args.join(" ")).toBe(0);
      expect(help.stdout, args.join(" ")).toMatch(/^usage: otpkit keys create <name>\n/);
      expect(help.stdout).toContain("otpkit help   (or --help, -h)");
      expect(help.stderr).toBe("");
    }
    // No key was created by asking for help.
    expect((await cli(["keys", "list"], env)).stdout).toBe("");
  });

  it("explains its usage and configuration problems", async () => {
    const env = { DATA_DIR: tempDir() };
    const usage = await cli([], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^usage: otpkit keys create <name>/);
    expect(usage.stdout).toBe("");
    const typo = await cli(["--hepl"], env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^usage: /);
    expect((await cli(["keys", "rotate"], env)).code).toBe(2);
    expect((await cli(["unlock", "only-a-key"], env)).code).toBe(2);
    const noName = await cli(["keys", "create"], env);
    expect(noName).toEqual({
      code: 2,
      stdout: "",
      stderr: "otpkit: give the key a name: otpkit keys create <name>\n",
    });
    const bad = await cli(["keys", "list"], { ...env, DATABASE_URL: "mysql://x" });
    expect(bad).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "otpkit: Invalid DATABASE_URL: use a postgres: or postgresql: URL such as postgres://user@127.0.0.1:5432/otpkit.\n",
    });
  });
});
