export {
  ConversationApiError,
  type ConversationApiErrorCode,
  createHttpConversationAuth,
  type HttpConversationAuthOptions,
} from "./http-auth.js";
export {
  type ConversationMcpRequestOptions,
  handleConversationMcpRequest,
} from "./http-handler.js";
export {
  type ConversationMcpServerOptions,
  type ConversationToolName,
  createConversationMcpServer,
} from "./mcp-server.js";
export { CONVERSATION_STATES } from "./schemas.js";
