export { displayNameFrom, hasControlCharacters, type Mailbox } from "./address.js";
export { createEmailChannel, type EmailChannelOptions } from "./email-channel.js";
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
export { EmailTransportError } from "./smtp-errors.js";
export { type EmailSmtpOptions, SMTP_DEFAULTS } from "./smtp-transport.js";
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
