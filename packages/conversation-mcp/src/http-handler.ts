import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { ConversationMcpServerOptions } from "./mcp-server.js";
import { createConversationMcpServer } from "./mcp-server.js";

/** Options for {@link handleConversationMcpRequest}. */
export interface ConversationMcpRequestOptions extends ConversationMcpServerOptions {
  /** The largest POST body accepted, bytes (413 above). @default the SDK's (4 MB) */
  maxRequestBodySize?: number;
}

/** A JSON-RPC error without an id, as the MCP transport answers HTTP-level problems. */
function methodNotAllowed(): Response {
  return new Response(
    JSON.stringify({
      jsonrpc: "2.0",
      error: { code: -32000, message: "Method not allowed: this endpoint is stateless, use POST" },
      id: null,
    }),
    { status: 405, headers: { "content-type": "application/json", allow: "POST" } },
  );
}

/**
 * Answers one streamable-HTTP MCP request (web `Request` → `Response`: Hono, Bun, Deno, workers)
 * with the conversation tools, statelessly: a new MCP server and transport per POST, answered as
 * JSON; the conversation state lives where `auth` keeps it, keyed by `conversation_id`. GET (a
 * server-to-client stream) and DELETE (ending an MCP session) have nothing to do without MCP
 * sessions: 405, which MCP clients accept. Malformed requests get the transport's 4xx (406 for
 * the Accept header, 415 for the content type, 400 for bad JSON or JSON-RPC, 413 for the size).
 * Authenticate the caller before calling this, and pass the `auth` of the caller's tenant.
 *
 * @param request The HTTP request (`c.req.raw` in Hono).
 * @param options The tools' options (see `createConversationMcpServer`) and a body size limit.
 * @returns The HTTP response.
 * @throws {TypeError} When `options.auth` is not a ConversationAuth.
 * @example
 * ```ts
 * app.all("/mcp", (c) => handleConversationMcpRequest(c.req.raw, { auth: authFor(c) }));
 * ```
 */
export async function handleConversationMcpRequest(
  request: Request,
  options: ConversationMcpRequestOptions,
): Promise<Response> {
  const { maxRequestBodySize, ...serverOptions } = options;
  const server = createConversationMcpServer(serverOptions);
  if (request.method !== "POST") return methodNotAllowed();
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    ...(maxRequestBodySize === undefined ? {} : { maxRequestBodySize }),
  });
  await server.connect(transport);
  try {
    // JSON mode: the promise settles with the whole answer, so closing afterwards is safe.
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}
