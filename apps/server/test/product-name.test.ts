// PRODUCT_NAME through the real start-up path: any name people use starts the server, also in
// the dev outbox where it names the sender (SMTP_FROM unset); a name no e-mail can carry stops
// the start with one line naming PRODUCT_NAME and the fix.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { emails } from "./support/outbox.js";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
const TSX = pathToFileURL(join(SERVER_DIR, "node_modules/tsx/dist/loader.mjs")).href;
/** Liveness bound for the process to start or stop; not a performance assertion. */
const LIVENESS_MS = 60_000;

const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A code e-mail from a server with this PRODUCT_NAME and no SMTP_FROM (the dev outbox). */
async function codeEmail(productName: string) {
  const server = await createTestServer({ PRODUCT_NAME: productName });
  servers.push(server);
  const created = await server.api("/api/v1/verifications", {
    body: { subject: "user-1", recipient: { email: "ana@example.com" } },
  });
  expect(created.status).toBe(201);
  const [mail] = await emails(server.rt, "ana@example.com");
  if (mail === undefined) throw new Error("no e-mail in the outbox");
  const parsed = await simpleParser(mail.raw);
  const fromHeader = /^From: (.*)$/m.exec(mail.raw)?.[1];
  return { mail, from: parsed.from?.value, fromHeader };
}

describe("PRODUCT_NAME as the dev outbox's sender (SMTP_FROM unset)", () => {
  it.each<[string, string | undefined, string]>([
    ["Acme <Support>", "Acme Support", "Acme Support <no-reply@localhost.test>"],
    ['Acme "Support" Team', "Acme Support Team", "Acme Support Team <no-reply@localhost.test>"],
    ["Support@Acme", "Support Acme", "Support Acme <no-reply@localhost.test>"],
    ["Acme, Inc.", "Acme, Inc.", '"Acme, Inc." <no-reply@localhost.test>'],
    ["Ünïcødé Støre", "Ünïcødé Støre", "=?UTF-8?"],
    ["<>", undefined, "no-reply@localhost.test"],
  ])("%j starts, and sends from one mailbox named %j", async (productName, name, header) => {
    const { mail, from, fromHeader } = await codeEmail(productName);
    // One sender, as a mail reader parses the header (RFC 5322): the name quoted where needed.
    expect(from).toEqual([{ address: "no-reply@localhost.test", name: name ?? "" }]);
    expect(fromHeader?.startsWith(header)).toBe(true);
    // The messages themselves keep the name as configured (escaped in the HTML).
    expect(mail.text).toContain(productName);
    if (productName.includes("<")) expect(mail.html).not.toContain(productName);
  });
});

describe("a PRODUCT_NAME no e-mail can carry", () => {
  it.each([["Acme\nSupport"], ["Acme\tSupport"], ["Acme\u0000"], ["   "]])(
    "%j is a ConfigError naming PRODUCT_NAME and the fix",
    (productName) => {
      let error: unknown;
      try {
        loadConfig({ PRODUCT_NAME: productName });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe("PRODUCT_NAME");
      expect((error as ConfigError).message).toMatch(
        /^Invalid PRODUCT_NAME: use your product's name on one line, e\.g\. PRODUCT_NAME="Acme"\.$/,
      );
    },
  );
});

describe("the server process", () => {
  /** Runs src/main.ts with only these variables; resolves when it listens or exits. */
  function start(env: Record<string, string>) {
    const dataDir = mkdtempSync(join(tmpdir(), "otpkit-product-name-"));
    dirs.push(dataDir);
    const child = spawn(
      process.execPath,
      ["--conditions=@otpkit/source", "--import", TSX, join(SERVER_DIR, "src/main.ts")],
      {
        cwd: SERVER_DIR,
        env: {
          PATH: process.env["PATH"] ?? "/usr/bin:/bin",
          HOME: process.env["HOME"] ?? tmpdir(),
          NODE_ENV: "development",
          PORT: "0",
          DATA_DIR: dataDir,
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      stderr += c;
    });
    const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
    const outcome = new Promise<"listening" | "exited">((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`neither listening nor exited\n${stdout}\n${stderr}`));
      }, LIVENESS_MS);
      const check = () => {
        if (stdout.includes('"msg":"listening"')) {
          clearTimeout(timer);
          resolve("listening");
        }
      };
      child.stdout.on("data", check);
      void exited.then(() => {
        clearTimeout(timer);
        resolve(stdout.includes('"msg":"listening"') ? "listening" : "exited");
      });
    });
    return { child, outcome, exited, stderr: () => stderr };
  }

  it('starts in development with PRODUCT_NAME="Acme <Support>" and no SMTP_FROM', async () => {
    const proc = start({ PRODUCT_NAME: "Acme <Support>" });
    const outcome = await proc.outcome;
    expect([outcome, proc.stderr()]).toEqual(["listening", ""]);
    proc.child.kill("SIGTERM");
    expect(await proc.exited).toBe(0);
  });

  it("stops on a PRODUCT_NAME with a line break with the one line naming it", async () => {
    const proc = start({ PRODUCT_NAME: "Acme\nSupport" });
    expect(await proc.outcome).toBe("exited");
    expect(await proc.exited).toBe(1);
    expect(proc.stderr()).toBe(
      'otpkit: Invalid PRODUCT_NAME: use your product\'s name on one line, e.g. PRODUCT_NAME="Acme".\n',
    );
  });
});
