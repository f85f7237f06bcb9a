import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import type { McpTestClient } from "../src/testing.js";
import { connectOverStdio } from "../src/testing.js";

// The README's quick start (examples/quick-start.ts, the same text) really serves the tools.
const EXAMPLE = fileURLToPath(new URL("../examples/quick-start.ts", import.meta.url));
let mcp: McpTestClient | undefined;
afterEach(async () => {
  await mcp?.close();
});

it("the quick start serves start_verification over stdio: a code to ***78", async () => {
  mcp = await connectOverStdio(
    {
      OTP_SECRET: "quick-start-secret-0123456789abcdef",
      OTP_NAMING_KEY: "quick-start-naming-key-0123456789abcdef",
    },
    EXAMPLE,
  );
  const started = await mcp.call("start_verification", {
    conversation_id: "c1",
    identifier: "4721",
  });
  expect(started.result?.state).toBe("pending");
  expect(started.result?.reply).toContain("***78 registered in your profile");
});
