import { join } from "node:path";
import type { EmailChannelOptions } from "@otpkit/delivery-email";
import { createEmailChannel } from "@otpkit/delivery-email";
import type { WhatsAppChannelOptions } from "@otpkit/delivery-whatsapp";
import { createWhatsAppChannel } from "@otpkit/delivery-whatsapp";
import type { OtpChannel } from "@otpkit/otp-core";
import type { Config } from "../config.js";
import { createWhatsAppOutboxFetch } from "../whatsapp-outbox.js";

/** The server's channels and the options they were built from. */
export interface ChannelWiring {
  channels: OtpChannel[];
  /** Kept: the HubSpot app builds each portal's e-mail channel from them. */
  email: EmailChannelOptions | null;
  whatsapp: WhatsAppChannelOptions | null;
  /** Folders of the dev outbox when no real provider is configured. */
  outbox: { email: string | null; whatsapp: string | null };
  close(): Promise<void>;
}

/**
 * Real providers when configured (SMTP_URL; WHATSAPP_PHONE_NUMBER_ID + WHATSAPP_ACCESS_TOKEN),
 * else, where the dev outbox is allowed, the same channel code writing to DATA_DIR/outbox.
 *
 * @throws {OtpError} `CONFIG_INVALID` from a channel's own checks.
 * @example
 * const { channels, outbox } = buildChannels(config, Date.now);
 */
export function buildChannels(config: Config, now: () => number): ChannelWiring {
  const channels: OtpChannel[] = [];
  const outbox: ChannelWiring["outbox"] = { email: null, whatsapp: null };
  const email = emailOptions(config, outbox);
  if (email) channels.push(createEmailChannel(email));
  const whatsapp = whatsappOptions(config, outbox, now);
  if (whatsapp) channels.push(createWhatsAppChannel(whatsapp));
  return {
    channels,
    email,
    whatsapp,
    outbox,
    close: async () => {
      for (const channel of channels) await channel.close?.();
    },
  };
}

function emailOptions(config: Config, outbox: ChannelWiring["outbox"]): EmailChannelOptions | null {
  const common = {
    productName: config.PRODUCT_NAME,
    ...(config.SUPPORT_CONTACT ? { supportContact: config.SUPPORT_CONTACT } : {}),
  };
  if (config.SMTP_URL) return { ...common, from: config.SMTP_FROM!, smtp: config.SMTP_URL };
  if (!config.outboxAllowed) return null;
  outbox.email = join(config.DATA_DIR, "outbox", "email");
  return {
    ...common,
    from: config.SMTP_FROM ?? `${config.PRODUCT_NAME} <no-reply@localhost.test>`,
    outbox: { dir: outbox.email },
  };
}

function whatsappOptions(
  config: Config,
  outbox: ChannelWiring["outbox"],
  now: () => number,
): WhatsAppChannelOptions | null {
  const names = {
    code: config.WHATSAPP_TEMPLATE_CODE,
    retry: config.WHATSAPP_TEMPLATE_RETRY,
    lockout: config.WHATSAPP_TEMPLATE_LOCKOUT,
    unlock: config.WHATSAPP_TEMPLATE_UNLOCK,
  };
  const templates = {
    templates: Object.fromEntries(Object.entries(names).filter(([, name]) => name !== undefined)),
    ...(config.WHATSAPP_LANGUAGES ? { languages: config.WHATSAPP_LANGUAGES } : {}),
  };
  if (config.WHATSAPP_PHONE_NUMBER_ID && config.WHATSAPP_ACCESS_TOKEN) {
    return {
      phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
      accessToken: config.WHATSAPP_ACCESS_TOKEN,
      ...(config.WHATSAPP_GRAPH_VERSION ? { graphVersion: config.WHATSAPP_GRAPH_VERSION } : {}),
      ...(config.WHATSAPP_API_BASE_URL ? { baseUrl: config.WHATSAPP_API_BASE_URL } : {}),
      ...templates,
      now, // per-number pacing runs on the same clock as the engine
    };
  }
  if (!config.outboxAllowed) return null;
  // Zero-config: the real WhatsApp channel, its requests written to the outbox instead of Meta.
  outbox.whatsapp = join(config.DATA_DIR, "outbox", "whatsapp");
  return {
    phoneNumberId: "100000000000000",
    accessToken: "dev-outbox-no-real-token",
    fetch: createWhatsAppOutboxFetch(outbox.whatsapp),
    pacing: false,
    ...templates,
  };
}
