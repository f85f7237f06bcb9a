export { createConversationAuth } from "./conversation-auth.js";
export {
  checkIdentifier,
  createHubSpotDirectory,
  createMemoryDirectory,
  type Directory,
  type DirectoryRecord,
  type HubSpotDirectoryOptions,
  type MemoryDirectoryOptions,
} from "./directory.js";
export { extractCode } from "./extract-code.js";
export { CONVERSATION_LOCALES } from "./locales/index.js";
export {
  type ConversationMessages,
  MESSAGES_EN,
  MESSAGES_ES,
  type MessageOverrides,
} from "./messages.js";
export {
  CONVERSATION_OTP_OPTIONS,
  type ConversationAuthOptions,
  SESSION_LIMITS,
} from "./options.js";
export type { ConversationAuth, ConversationResult, ConversationState } from "./types.js";
