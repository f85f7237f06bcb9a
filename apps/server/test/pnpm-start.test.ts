import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// The README's first command, exactly: `pnpm start` at the repository root builds what it needs
// and serves on embedded defaults. (startup.test.ts covers the server process in detail; this is
// the user's path through the root script, turbo and the built dist/.)
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "otpkit-pnpm-start-"));
let stop: (() => Promise<void>) | undefined;

afterAll(async () => {
  await stop?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("pnpm start", () => {
  it("comes up on an empty data directory and answers /readyz, the outbox and the hosted page", async () => {
    const env: Record<string, string> = {
      PATH: process.env["PATH"] ?? "",
      HOME: process.env["HOME"] ?? "",
    };
    // A new process group, so the whole tree (pnpm, turbo, node) can be stopped together.
    const child = spawn("pnpm", ["start"], {
      cwd: ROOT,
      env: {
        ...env,
        DATA_DIR: dataDir,
        PORT: "0",
        LOG_LEVEL: "warn",
        TURBO_TELEMETRY_DISABLED: "1",
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    stop = async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        return;
      }
      await exited;
    };
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no banner within 240 s:\n${output}`)),
        240_000,
      );
      const poll = setInterval(() => {
        const match = /listening on (http:\/\/[^\s]+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          clearInterval(poll);
          resolve(match[1]!);
        }
      }, 100);
      void exited.then((code) => reject(new Error(`pnpm start exited with ${code}:\n${output}`)));
    });

    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      checks: { store: true, database: true },
    });

    // The banner's curl, with the development key it wrote, issues a first code...
    const token = readFileSync(join(dataDir, "dev-api-key"), "utf8").trim();
    expect(output).toContain(token);
    const started = await fetch(`${url}/api/v1/verifications`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ subject: "user-1", recipient: { email: "ana@example.com" } }),
    });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    // ...which shows up in the outbox, and whose hosted page serves the form.
    expect(await (await fetch(`${url}/dev/outbox`)).text()).toContain("ana@example.com");
    const page = await fetch(`${url}/verify/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('autocomplete="one-time-code"');

    await stop();
    stop = undefined;
  }, 300_000);
});
