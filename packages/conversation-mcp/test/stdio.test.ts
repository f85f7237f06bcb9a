import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { McpTestClient } from "../src/testing.js";
import { connectOverStdio } from "../src/testing.js";
import type { ConversationApiServer } from "./support.js";
import { API_KEY, setup, startConversationApi } from "./support.js";

// The `otpkit-mcp` bin as an agent host runs it: its own process, MCP over stdin/stdout, backed
// by a conversation API on loopback. (apps/server runs the same bin against the real server.)

const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const ARGS = ["--conditions=@otpkit/source", "--import", TSX, CLI];

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connect(env: Record<string, string>): Promise<McpTestClient> {
  const mcp = await connectOverStdio(env);
  cleanups.push(() => mcp.close());
  return mcp;
}

async function api(): Promise<{ flow: ReturnType<typeof setup>; server: ConversationApiServer }> {
  const flow = setup();
  const server = await startConversationApi(flow.auth);
  cleanups.push(() => server.close());
  return { flow, server };
}

describe("otpkit-mcp over stdio", () => {
  it("serves the tools and verifies the seed's conversation; logs go to stderr only", async () => {
    const { flow, server } = await api();
    const client = await connect({ OTPKIT_URL: server.url, OTPKIT_API_KEY: API_KEY });
    const { tools } = await client.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      "end_session",
      "session_status",
      "start_verification",
      "submit_code",
    ]);
    const started = await client.call("start_verification", {
      conversation_id: "desk-1",
      identifier: "4721",
    });
    expect(started.result?.state).toBe("pending");
    expect(started.result?.reply).toContain("***78");
    const code = flow.phoneCode();
    const verified = await client.call("submit_code", {
      conversation_id: "desk-1",
      text: `The code is ${code}`,
    });
    expect(verified.result?.state).toBe("authenticated");
    expect(verified.raw).not.toContain(code);
    // stderr is its own pipe: its lines may arrive after the stdout answers.
    await vi.waitFor(() =>
      expect(client.stderr()).toContain("serving conversation authentication"),
    );
  });

  it("answers a refused API key with a tool error naming OTPKIT_API_KEY", async () => {
    const { server } = await api();
    const client = await connect({
      OTPKIT_URL: server.url,
      OTPKIT_API_KEY: "otpk_not_a_key",
    });
    const call = await client.call("session_status", { conversation_id: "desk-2" });
    expect(call.isError).toBe(true);
    expect(call.text).toContain("401 UNAUTHORIZED");
    expect(call.text).toContain("OTPKIT_API_KEY");
    await vi.waitFor(() => expect(client.stderr()).toContain("session_status failed"));
  });

  it("exits 1 naming the variable when OTPKIT_URL or OTPKIT_API_KEY is missing", async () => {
    const run = promisify(execFile);
    const base = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith("OTPKIT_")),
    );
    for (const [env, variable] of [
      [{ OTPKIT_API_KEY: API_KEY }, "OTPKIT_URL is not set"],
      [{ OTPKIT_URL: "http://127.0.0.1:9" }, "OTPKIT_API_KEY is not set"],
    ] as const) {
      const failure = await run(process.execPath, ARGS, { env: { ...base, ...env } }).then(
        () => null,
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain(`otpkit-mcp: ${variable}`);
      expect(failure?.stdout).toBe("");
    }
  });
});
