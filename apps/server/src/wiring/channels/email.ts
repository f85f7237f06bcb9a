import type { EmailChannelOptions, Mailbox } from "@otpkit/delivery-email";
import { createEmailChannel, displayNameFrom } from "@otpkit/delivery-email";
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
        from: config.SMTP_FROM ?? outboxSender(config.PRODUCT_NAME),
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

const OUTBOX_ADDRESS = "no-reply@localhost.test";

/**
 * The dev outbox's sender when SMTP_FROM is unset: PRODUCT_NAME as the display name, given as a
 * mailbox object so that nodemailer quotes and encodes it as RFC 5322 needs (`"Acme, Inc."`).
 * The characters a sender's name may not hold become spaces (delivery-email's `displayNameFrom`):
 * `Acme <Support>` sends as `Acme Support <no-reply@localhost.test>`; a name of nothing else
 * sends without a name.
 *
 * @param productName PRODUCT_NAME (any text; the messages themselves show it unchanged).
 * @returns The sender, always one the e-mail channel accepts.
 * @throws {never}
 * @example
 * outboxSender("Acme <Support>"); // { name: "Acme Support", address: "no-reply@localhost.test" }
 */
function outboxSender(productName: string): Mailbox {
  const name = displayNameFrom(productName);
  return name === undefined ? { address: OUTBOX_ADDRESS } : { name, address: OUTBOX_ADDRESS };
}
