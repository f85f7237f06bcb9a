// The conversation-mcp quick start is an MCP server on stdin/stdout: an agent host (the installed
// @otpkit/conversation-mcp/testing client) starts it with plain node and calls start_verification.
import { fileURLToPath } from "node:url";
import { connectOverStdio } from "@otpkit/conversation-mcp/testing";
import { report } from "./run.mjs";

const script = fileURLToPath(new URL("../dist/quick-starts/conversation-mcp.js", import.meta.url));
const env = {
  OTP_SECRET: process.env.OTP_SECRET ?? "",
  OTP_NAMING_KEY: process.env.OTP_NAMING_KEY ?? "",
};
const mcp = await connectOverStdio({ ...env, PATH: process.env.PATH ?? "" }, script);
try {
  const started = await mcp.call("start_verification", {
    conversation_id: "c1",
    identifier: "4721",
  });
  report({ started: started.result, stderr: mcp.stderr() });
} finally {
  await mcp.close();
}
