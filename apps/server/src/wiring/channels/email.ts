import type { EmailChannelOptions } from "@otpkit/delivery-email";
import { createEmailChannel } from "@otpkit/delivery-email";
import { portalEmailTemplates } from "@otpkit/hubspot-adapter";
import * as z from "zod";
import { need } from "../../config-error.js";
import { url } from "../../config-values.js";
import { defineChannel } from "../channel-entry.js";
import { emailOutboxPage, emailOutboxPart, readEmailOutbox } from "./email-outbox.js";

/**
 * The e-mail channel: SMTP_URL + SMTP_FROM for a real server, else the dev outbox (`.eml` files).
 * A HubSpot portal that turns e-mail on gets it with its own texts, per language.
 *
 * @throws {never} Building throws the channel's own `CONFIG_INVALID`.
 * @example
 * const options = emailEntry.provider(config, Date.now);
 */
export const emailEntry = defineChannel({
  name: "email",
  address: "email",
  env: {
    SMTP_URL: url(["smtp:", "smtps:"], "smtps://user:pass@smtp.example.com:465").optional(),
    SMTP_FROM: z
      .string()
      .min(3, { error: 'use a sender such as "Acme <no-reply@acme.com>"' })
      .optional(),
  },
  configured: (env) => Boolean(env.SMTP_URL),
  check(env) {
    if (env.SMTP_URL && !env.SMTP_FROM) {
      need(
        "SMTP_FROM",
        "when SMTP_URL is set",
        'set the sender, e.g. SMTP_FROM="Acme <no-reply@acme.com>"',
      );
    }
  },
  provider(config): EmailChannelOptions | null {
    if (!config.SMTP_URL) return null;
    return { ...common(config), from: config.SMTP_FROM!, smtp: config.SMTP_URL };
  },
  outbox: {
    options(config, dir): EmailChannelOptions {
      return {
        ...common(config),
        from: config.SMTP_FROM ?? `${config.PRODUCT_NAME} <no-reply@localhost.test>`,
        outbox: { dir },
      };
    },
    list: readEmailOutbox,
    page: emailOutboxPage,
    part: emailOutboxPart,
  },
  portal: {
    reads: (settings) => settings.email,
    options: (server, { email }) =>
      email.enabled
        ? { ...server, templates: portalEmailTemplates(email.template, email.translations) }
        : null,
  },
  create: createEmailChannel,
});

function common(config: { PRODUCT_NAME: string; SUPPORT_CONTACT?: string | undefined }) {
  return {
    productName: config.PRODUCT_NAME,
    ...(config.SUPPORT_CONTACT ? { supportContact: config.SUPPORT_CONTACT } : {}),
  };
}
