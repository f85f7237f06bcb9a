import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";

// Test helpers: a real MCP client of the SDK, connected the ways an agent host connects, so
// suites outside this package (the otpkit server's) need no SDK of their own.

/** A tool call as the agent sees it. */
export interface ToolCall {
  isError: boolean;
  /** The text content, joined. */
  text: string;
  /** `structuredContent`: `{ state, reply, next }` (undefined for an error). */
  result: { state: string; reply: string; next: string } | undefined;
  /** The whole answer as JSON: what "never contains the code" is checked against. */
  raw: string;
}

/** An SDK `Client`, connected. */
export interface McpTestClient {
  readonly client: Client;
  /** Calls a tool and flattens its answer. */
  call(name: string, args: Record<string, unknown>): Promise<ToolCall>;
  /** What the server process wrote to stderr so far (stdio only; "" otherwise). */
  stderr(): string;
  close(): Promise<void>;
}

/**
 * Connects a real MCP client over any SDK transport (in-memory, stdio, streamable HTTP).
 *
 * @throws The transport's error: over HTTP a refused key is a `StreamableHTTPError` with `code` 401.
 * @example
 * ```ts
 * const [a, b] = InMemoryTransport.createLinkedPair();
 * await server.connect(b);
 * const mcp = await connectMcpClient(a);
 * ```
 */
export async function connectMcpClient(
  transport: Transport,
  stderr: () => string = () => "",
): Promise<McpTestClient> {
  const client = new Client({ name: "otpkit-test-agent", version: "1.0.0" });
  await client.connect(transport);
  return {
    client,
    stderr,
    async call(name, args) {
      const answer = await client.callTool({ name, arguments: args });
      const content = (answer.content ?? []) as Array<{ text?: string }>;
      return {
        isError: answer.isError === true,
        text: content.map((c) => c.text ?? "").join("\n"),
        result: answer.structuredContent as ToolCall["result"],
        raw: JSON.stringify(answer),
      };
    },
    close: () => client.close(),
  };
}

/**
 * Connects over streamable HTTP with `Authorization: Bearer <apiKey>`.
 *
 * @throws `StreamableHTTPError` (`code` = the HTTP status) when the server refuses the connection.
 * @example
 * ```ts
 * const mcp = await connectOverHttp("http://127.0.0.1:3000/mcp", apiKey);
 * ```
 */
export function connectOverHttp(url: string, apiKey: string): Promise<McpTestClient> {
  const headers = { authorization: `Bearer ${apiKey}` };
  return connectMcpClient(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }),
  );
}

/**
 * Starts the `otpkit-mcp` bin as an agent host does (its own process, MCP over stdin/stdout)
 * with `env` (OTPKIT_URL, OTPKIT_API_KEY), and connects to it. From sources it runs
 * `src/cli.ts` through tsx, from a build `dist/cli.js`; `script` runs another file instead
 * (a `.ts` file through tsx).
 *
 * @throws When the process cannot start or speak MCP.
 * @example
 * ```ts
 * const mcp = await connectOverStdio({ OTPKIT_URL: url, OTPKIT_API_KEY: apiKey });
 * ```
 */
export async function connectOverStdio(
  env: Record<string, string>,
  script?: string,
): Promise<McpTestClient> {
  const own = import.meta.url.endsWith(".ts") ? "./cli.ts" : "./cli.js";
  const file = script ?? fileURLToPath(new URL(own, import.meta.url));
  // tsx only for TypeScript: a built package runs without it.
  const tsx = () => pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: file.endsWith(".ts") ? ["--conditions=@otpkit/source", "--import", tsx(), file] : [file],
    env,
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return connectMcpClient(transport, () => stderr);
}
