#!/usr/bin/env node
// otpkit-mcp: the conversation-authentication MCP server over stdio, backed by an otpkit server.
// stdout carries the MCP protocol only: every log line goes to stderr.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CliEnvError, readCliEnv } from "./cli-env.js";
import { createHttpConversationAuth } from "./http-auth.js";
import { createConversationMcpServer } from "./mcp-server.js";

const log = (line: string) => process.stderr.write(`otpkit-mcp: ${line}\n`);

async function main(): Promise<void> {
  const env = readCliEnv(process.env);
  if (env.warning) log(`warning: ${env.warning}`);
  const auth = createHttpConversationAuth({ baseUrl: env.url, apiKey: env.apiKey });
  const server = createConversationMcpServer({
    auth,
    describeError(error, tool) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${tool} failed: ${message}`);
      return message;
    },
  });
  const transport = new StdioServerTransport();
  await server.connect(transport);
  log(`serving conversation authentication on stdio for ${env.url}`);
}

main().catch((error: unknown) => {
  log(error instanceof CliEnvError ? error.message : `cannot start: ${(error as Error)?.message}`);
  process.exitCode = 1;
});
