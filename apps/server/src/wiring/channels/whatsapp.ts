import type { WhatsAppChannelOptions } from "@otpkit/delivery-whatsapp";
import { createWhatsAppChannel } from "@otpkit/delivery-whatsapp";
import { whatsappOutboxOptions } from "@otpkit/delivery-whatsapp/outbox";
import * as z from "zod";
import { need } from "../../config-error.js";
import { list, templateName, url } from "../../config-values.js";
import type { ChannelConfig } from "../channel-entry.js";
import { defineChannel } from "../channel-entry.js";
import { readWhatsAppOutboxRows, whatsappOutboxPage } from "./whatsapp-outbox.js";

const env = {
  WHATSAPP_PHONE_NUMBER_ID: z
    .string()
    .regex(/^\d{5,20}$/, { error: "use the numeric phone number id from Meta's WhatsApp Manager" })
    .optional(),
  WHATSAPP_ACCESS_TOKEN: z
    .string()
    .min(20, { error: "use a system-user access token from Meta Business settings" })
    .optional(),
  WHATSAPP_APP_SECRET: z
    .string()
    .min(16, { error: "use the app secret from the Meta app dashboard" })
    .optional(),
  WHATSAPP_VERIFY_TOKEN: z
    .string()
    .min(8, {
      error: "choose a random string of 8+ characters and enter it in Meta's webhook settings",
    })
    .optional(),
  WHATSAPP_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, { error: "use a Graph API version such as v23.0" })
    .optional(),
  WHATSAPP_API_BASE_URL: url(["http:", "https:"], "https://graph.facebook.com").optional(),
  WHATSAPP_LANGUAGES: list
    .refine((l) => l.every((code) => /^[a-z]{2,3}(_[A-Z]{2})?$/.test(code)), {
      error: "use Meta language codes separated by commas, such as en_US,es",
    })
    .optional(),
  WHATSAPP_TEMPLATE_CODE: templateName.optional(),
  WHATSAPP_TEMPLATE_RETRY: templateName.optional(),
  WHATSAPP_TEMPLATE_LOCKOUT: templateName.optional(),
  WHATSAPP_TEMPLATE_UNLOCK: templateName.optional(),
};

/**
 * The WhatsApp channel: WHATSAPP_PHONE_NUMBER_ID + WHATSAPP_ACCESS_TOKEN for Meta's Cloud API,
 * else the dev outbox (the Graph request as a `.json` file). WHATSAPP_APP_SECRET and
 * WHATSAPP_VERIFY_TOKEN are its webhook's (routes/whatsapp-webhook.ts). A HubSpot portal that
 * turns WhatsApp on gets the same number with its own template names.
 *
 * @throws {never} Building throws the channel's own `CONFIG_INVALID`.
 * @example
 * const options = whatsappEntry.provider(config, Date.now);
 */
export const whatsappEntry = defineChannel({
  name: "whatsapp",
  address: "phone",
  env,
  configured: (env) => Boolean(env.WHATSAPP_PHONE_NUMBER_ID && env.WHATSAPP_ACCESS_TOKEN),
  check(env) {
    const credentials = [env.WHATSAPP_PHONE_NUMBER_ID, env.WHATSAPP_ACCESS_TOKEN];
    if (credentials.some(Boolean) && !credentials.every(Boolean)) {
      need(
        env.WHATSAPP_PHONE_NUMBER_ID ? "WHATSAPP_ACCESS_TOKEN" : "WHATSAPP_PHONE_NUMBER_ID",
        "when the other WhatsApp credential is set",
        "set both WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_ACCESS_TOKEN, or neither for the dev outbox",
      );
    }
  },
  provider(config, now): WhatsAppChannelOptions | null {
    if (!config.WHATSAPP_PHONE_NUMBER_ID || !config.WHATSAPP_ACCESS_TOKEN) return null;
    return {
      phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
      accessToken: config.WHATSAPP_ACCESS_TOKEN,
      ...(config.WHATSAPP_GRAPH_VERSION ? { graphVersion: config.WHATSAPP_GRAPH_VERSION } : {}),
      ...(config.WHATSAPP_API_BASE_URL ? { baseUrl: config.WHATSAPP_API_BASE_URL } : {}),
      ...templates(config),
      now, // per-number pacing runs on the same clock as the engine
    };
  },
  outbox: {
    options(config, dir): WhatsAppChannelOptions {
      // The real WhatsApp channel, its requests written to the outbox instead of Meta.
      return { ...whatsappOutboxOptions({ dir }), ...templates(config) };
    },
    list: readWhatsAppOutboxRows,
    page: whatsappOutboxPage,
  },
  portal: {
    reads: (settings) => settings.whatsapp,
    // The server's number; the portal's template names over the server's, kind by kind.
    options: (server, { whatsapp }) =>
      whatsapp.enabled
        ? {
            ...server,
            templates: {
              ...server.templates,
              ...Object.fromEntries(
                Object.entries(whatsapp.templates).filter(([, name]) => Boolean(name)),
              ),
            },
          }
        : null,
  },
  create: createWhatsAppChannel,
});

function templates(config: ChannelConfig<typeof env>) {
  const names = {
    code: config.WHATSAPP_TEMPLATE_CODE,
    retry: config.WHATSAPP_TEMPLATE_RETRY,
    lockout: config.WHATSAPP_TEMPLATE_LOCKOUT,
    unlock: config.WHATSAPP_TEMPLATE_UNLOCK,
  };
  return {
    templates: Object.fromEntries(Object.entries(names).filter(([, name]) => name !== undefined)),
    ...(config.WHATSAPP_LANGUAGES ? { languages: config.WHATSAPP_LANGUAGES } : {}),
  };
}
