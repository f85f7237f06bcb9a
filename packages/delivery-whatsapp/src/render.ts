import type { OtpError, OtpMessage, OtpMessageKind } from "@otpkit/otp-core";
import { argumentError } from "@otpkit/otp-core";
import { recipientNumber } from "./phone.js";
import type { ResolvedTemplate, WhatsAppTemplateOverrides } from "./templates.js";
import { resolveTemplates, resolveWhatsAppLanguage } from "./templates.js";

/** One text parameter of a template component. */
export interface WhatsAppTextParameter {
  /** Always `"text"`. */
  type: "text";
  /** The value (the code). */
  text: string;
}

/** A component of a template send: the body, or button 0 of an authentication template. */
export type WhatsAppTemplateComponent =
  | { type: "body"; parameters: WhatsAppTextParameter[] }
  | {
      type: "button";
      /** `url`, not `copy_code`: Meta stores an authentication template's OTP button as a URL button. */
      sub_type: "url";
      index: "0";
      parameters: WhatsAppTextParameter[];
    };

/** The JSON body of `POST /{version}/{phone-number-id}/messages` for a template message. */
export interface WhatsAppTemplateRequest {
  /** Always `"whatsapp"`. */
  messaging_product: "whatsapp";
  /** Always `"individual"`. */
  recipient_type: "individual";
  /** E.164 with the `+`. */
  to: string;
  /** Always `"template"`. */
  type: "template";
  /** Our delivery id, echoed in status webhooks (at most 512 characters). */
  biz_opaque_callback_data: string;
  /** Which approved template, in which language, with which parameters. */
  template: {
    /** The template name. */
    name: string;
    /** The Meta language code of the approved translation. */
    language: { code: string };
    /** Present for `code` and `retry` only. */
    components?: WhatsAppTemplateComponent[];
  };
}

/** Options of {@link renderWhatsAppRequest}: the template options of the channel. */
export interface RenderWhatsAppOptions {
  /** Template names (and languages) per message kind. @default DEFAULT_WHATSAPP_TEMPLATES */
  templates?: WhatsAppTemplateOverrides;
  /** Meta language codes the templates are approved in. @default [defaultLanguage] */
  languages?: readonly string[];
  /** Language when the message locale matches none of `languages`. @default "en_US" */
  defaultLanguage?: string;
}

/** @internal Renders messages with already validated templates. */
export type WhatsAppRenderer = (message: OtpMessage) => WhatsAppTemplateRequest;

// Meta: the code in an authentication template is at most 15 characters (copy-code page,
// request parameters table). Printable ASCII without spaces: a copy-code button copies it as is.
const CODE = /^[\x21-\x7E]{1,15}$/;
const KINDS: readonly OtpMessageKind[] = ["code", "retry", "lockout", "unlock"];

/** @internal */
export function createRenderer(
  templates: Record<OtpMessageKind, ResolvedTemplate>,
): WhatsAppRenderer {
  return (message) => {
    if (typeof message !== "object" || message === null) {
      throw invalid("message", "an OtpMessage", typeof message);
    }
    const kind = message.kind;
    if (!KINDS.includes(kind)) throw invalid("kind", KINDS.join(" | "), typeof kind);
    const to = recipientNumber(message.to);
    const deliveryId = message.deliveryId;
    if (typeof deliveryId !== "string" || deliveryId.length === 0 || deliveryId.length > 512) {
      // Meta echoes biz_opaque_callback_data back in status webhooks, up to 512 characters.
      throw invalid("deliveryId", "a string of 1..512 characters", describeLength(deliveryId));
    }
    const template = templates[kind];
    const request: WhatsAppTemplateRequest = {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "template",
      biz_opaque_callback_data: deliveryId,
      template: {
        name: template.name,
        language: {
          code: resolveWhatsAppLanguage(message.locale, template.languages, template.language),
        },
      },
    };
    if (kind === "code" || kind === "retry") {
      const code = message.code;
      if (typeof code !== "string" || !CODE.test(code)) {
        // Never the code itself in the message: only its length.
        throw invalid(
          "code",
          "1..15 printable characters (Meta's limit for authentication templates)",
          describeLength(code),
        );
      }
      // The code goes twice: as the body parameter ({{1}} of Meta's fixed text) and as the
      // parameter of button 0, the copy-code button. Nothing else: authentication templates
      // may not carry names, account details or URLs.
      request.template.components = [
        { type: "body", parameters: [{ type: "text", text: code }] },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: code }] },
      ];
    }
    // lockout / unlock: UTILITY templates without parameters. The code is never included, even
    // if the message carries one.
    return request;
  };
}

/**
 * The exact JSON body the WhatsApp channel would POST for `message` (for a dev outbox, a log of
 * what would be sent, or documentation). It contains the code for `code` and `retry` messages:
 * treat it as secret.
 *
 * @param message The message, as otp-core hands it to a channel.
 * @param options Template names and languages, as given to `createWhatsAppChannel`.
 * @returns The request body (a plain object: `JSON.stringify` it to get the bytes).
 * @throws {OtpError} `RECIPIENT_INVALID` when `to` is not E.164; `INVALID_ARGUMENT` for a
 *   missing or over-long code (> 15 characters) or delivery id; `CONFIG_INVALID` for bad options.
 * @example
 * ```ts
 * const body = renderWhatsAppRequest({
 *   kind: "code", to: "+34600123478", recipient: {}, code: "482913",
 *   locale: "es-MX", purpose: "login", deliveryId: "d-1",
 * }, { languages: ["en_US", "es_MX"] });
 * body.template.language.code; // "es_MX"
 * ```
 */
export function renderWhatsAppRequest(
  message: OtpMessage,
  options: RenderWhatsAppOptions = {},
): WhatsAppTemplateRequest {
  const templates = resolveTemplates(options.templates, options.languages, options.defaultLanguage);
  return createRenderer(templates)(message);
}

function describeLength(value: unknown): string {
  return typeof value === "string" ? `a string of ${value.length} characters` : typeof value;
}

function invalid(field: string, expected: string, got: string): OtpError {
  // `got` is already a description (a kind or a length), never the value itself.
  return argumentError(field, expected, got, { source: "whatsapp" });
}
