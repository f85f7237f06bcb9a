export {
  classifyGraphError,
  GRAPH_ERROR_TABLE,
  type GraphErrorClass,
  type GraphErrorFacts,
  WhatsAppGraphError,
} from "./graph-errors.js";
export {
  WHATSAPP_LANGUAGE_CODES,
  WHATSAPP_TEMPLATE_LANGUAGES,
  whatsappLanguageCode,
} from "./languages.js";
export type { WhatsAppPacingOptions } from "./pacing.js";
export { toE164 } from "./phone.js";
export {
  type RenderWhatsAppOptions,
  renderWhatsAppRequest,
  type WhatsAppTemplateComponent,
  type WhatsAppTemplateRequest,
  type WhatsAppTextParameter,
} from "./render.js";
export {
  createMemorySeenStore,
  type MemorySeenStoreOptions,
  type WebhookSeenStore,
} from "./seen-store.js";
export {
  DEFAULT_WHATSAPP_TEMPLATES,
  resolveWhatsAppLanguage,
  WHATSAPP_TEMPLATE_CATEGORIES,
  type WhatsAppTemplate,
  type WhatsAppTemplateOverrides,
} from "./templates.js";
export {
  createWhatsAppWebhookHandler,
  type WhatsAppDeliveryStatusEvent,
  type WhatsAppFraudSignalEvent,
  type WhatsAppWebhookEvent,
  type WhatsAppWebhookHandler,
  type WhatsAppWebhookOptions,
} from "./webhook.js";
export {
  createWhatsAppChannel,
  DEFAULT_GRAPH_VERSION,
  type WhatsAppChannelOptions,
} from "./whatsapp-channel.js";
