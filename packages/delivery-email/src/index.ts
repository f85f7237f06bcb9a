export type { Mailbox } from "./address.js";
export { EmailTransportError } from "./classify.js";
export {
  createEmailChannel,
  type EmailChannelOptions,
  type EmailSmtpOptions,
  SMTP_DEFAULTS,
} from "./email-channel.js";
export {
  createOutboxTransport,
  type OutboxEntry,
  type OutboxMessage,
  type OutboxOptions,
  readOutbox,
  readOutboxMessage,
} from "./outbox.js";
export { parseServerMessageId } from "./receipt.js";
export {
  escapeHtml,
  type RenderableMessage,
  type RenderEmailOptions,
  type RenderedEmail,
  renderEmail,
} from "./render.js";
export {
  DEFAULT_TEMPLATES,
  EMAIL_PLACEHOLDERS,
  type EmailPlaceholder,
  type EmailTemplate,
  type EmailTemplateOverrides,
  type EmailTemplateSet,
  EN_TEMPLATES,
  ES_TEMPLATES,
  PLACEHOLDERS_BY_KIND,
} from "./templates.js";
