import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ConversationAuth, ConversationResult } from "@otpkit/conversation-auth";
import { version } from "../package.json";
import type { ToolResult } from "./schemas.js";
import { conversationInput, resultOutput, startInput, submitInput } from "./schemas.js";
import {
  ERROR_GUIDANCE,
  NEXT_STEP,
  SERVER_INSTRUCTIONS,
  TOOL_DESCRIPTIONS,
  TOOL_TITLES,
} from "./tool-texts.js";

/** The four tools, by name. */
export type ConversationToolName = keyof typeof TOOL_DESCRIPTIONS;

/** Options for {@link createConversationMcpServer}. */
export interface ConversationMcpServerOptions {
  /**
   * The conversation flow: `createConversationAuth(...)` in process, `createHttpConversationAuth`
   * for an otpkit server, or anything with the same four methods.
   */
  auth: ConversationAuth;
  /**
   * The text the model sees when a call throws (the store is down, the API key is refused), after
   * a fixed sentence telling it the user is not verified. Log the error here if you want it
   * logged. It must not contain secrets. @default the error's message
   */
  describeError?: (error: unknown, tool: ConversationToolName) => string;
  /** The server's name and version as the client sees them. @default otpkit-conversation-auth */
  serverInfo?: { name: string; version: string };
}

/**
 * An MCP server (`@modelcontextprotocol/sdk`'s `McpServer`) with the tools an agent needs to
 * authenticate a chat conversation: `start_verification`, `submit_code`, `session_status` and
 * `end_session`. Each returns `{ state, reply, next }` as structured content (with an output
 * schema) and as JSON text; `reply` is what the agent tells the user, `next` what it does next.
 * The descriptions tell the model the rules: ask for the identifier, relay the reply verbatim,
 * the code only ever in the chat, verified only on `authenticated`, check before each sensitive
 * answer. No result carries the code (the library never returns it; `submit_code` does not echo
 * its `text`).
 *
 * Connect it to a transport: `StdioServerTransport` (the `otpkit-mcp` bin does), or a
 * `WebStandardStreamableHTTPServerTransport` per request (the otpkit server's `/mcp`).
 *
 * @param options The flow to expose and how errors read; see {@link ConversationMcpServerOptions}.
 * @returns A new `McpServer`, not yet connected. Bad tool arguments answer a tool error naming
 *   the argument; a throwing `auth` answers a tool error, never a crash.
 * @throws {TypeError} When `auth` lacks one of `start`, `submit`, `status`, `end`.
 * @example
 * ```ts
 * const server = createConversationMcpServer({ auth: createConversationAuth({ ... }) });
 * await server.connect(new StdioServerTransport());
 * ```
 */
export function createConversationMcpServer(options: ConversationMcpServerOptions): McpServer {
  const auth = options?.auth;
  for (const method of ["start", "submit", "status", "end"] as const) {
    if (typeof auth?.[method] !== "function") {
      throw new TypeError(
        `"auth" expected a ConversationAuth (createConversationAuth or createHttpConversationAuth), its ${method} is missing`,
      );
    }
  }
  const describeError =
    options.describeError ??
    ((error: unknown) => (error instanceof Error ? error.message : String(error)));
  const server = new McpServer(
    options.serverInfo ?? { name: "otpkit-conversation-auth", version },
    { instructions: SERVER_INSTRUCTIONS },
  );

  const run = async (
    tool: ConversationToolName,
    call: () => Promise<ConversationResult>,
  ): Promise<CallToolResult> => {
    try {
      const { state, reply } = await call();
      // Only these three fields: nothing else the flow returns can reach the model.
      const result: ToolResult = { state, reply, next: NEXT_STEP[state] };
      return {
        content: [{ type: "text", text: JSON.stringify(result) }],
        structuredContent: result,
      };
    } catch (error) {
      const text = `${ERROR_GUIDANCE} Cause: ${describeError(error, tool)}`;
      return { content: [{ type: "text", text }], isError: true };
    }
  };
  const describe = (tool: ConversationToolName) => ({
    title: TOOL_TITLES[tool],
    description: TOOL_DESCRIPTIONS[tool],
    outputSchema: resultOutput,
  });

  server.registerTool(
    "start_verification",
    {
      ...describe("start_verification"),
      inputSchema: startInput,
      // Sends a message to the person's phone or inbox: it acts on the world outside the chat.
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
    },
    ({ conversation_id, identifier, locale }) =>
      run("start_verification", () =>
        auth.start({ conversationId: conversation_id, identifier, ...(locale ? { locale } : {}) }),
      ),
  );
  server.registerTool(
    "submit_code",
    {
      ...describe("submit_code"),
      inputSchema: submitInput,
      // Not idempotent: a wrong code spends one of the three attempts.
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    ({ conversation_id, text }) =>
      run("submit_code", () => auth.submit({ conversationId: conversation_id, text })),
  );
  server.registerTool(
    "session_status",
    {
      ...describe("session_status"),
      inputSchema: conversationInput,
      // It restarts the inactivity timer, but changes nothing the user or the model can see.
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ conversation_id }) =>
      run("session_status", () => auth.status({ conversationId: conversation_id })),
  );
  server.registerTool(
    "end_session",
    {
      ...describe("end_session"),
      inputSchema: conversationInput,
      // Ending twice is ending once; the user can always verify again, nothing is lost.
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    ({ conversation_id }) =>
      run("end_session", () => auth.end({ conversationId: conversation_id })),
  );
  return server;
}
