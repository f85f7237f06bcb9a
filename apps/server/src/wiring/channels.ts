import { join } from "node:path";
import type { EmailChannelOptions } from "@otpkit/delivery-email";
import type { WhatsAppChannelOptions } from "@otpkit/delivery-whatsapp";
import type { OtpChannel } from "@otpkit/otp-core";
import type { Config } from "../config.js";
import type { ChannelConfig, ChannelEntry } from "./channel-entry.js";
import type { ChannelName } from "./channel-registry.js";
import { CHANNEL_REGISTRY } from "./channel-registry.js";

/** The server's channels and the options they were built from. */
export interface ChannelWiring {
  channels: OtpChannel[];
  /** Kept: the HubSpot app builds each portal's e-mail channel from them. */
  email: EmailChannelOptions | null;
  whatsapp: WhatsAppChannelOptions | null;
  /** Folders of the dev outbox, by channel, when no real provider is configured. */
  outbox: Record<ChannelName, string | null>;
  close(): Promise<void>;
}

/**
 * Every registered channel (wiring/channel-registry.ts): its real provider when its variables are
 * set, else, where the dev outbox is allowed, the same channel code writing to
 * DATA_DIR/outbox/<name>; else none.
 *
 * @throws {OtpError} `CONFIG_INVALID` from a channel's own checks.
 * @example
 * const { channels, outbox } = buildChannels(config, Date.now);
 */
export function buildChannels(config: Config, now: () => number): ChannelWiring {
  const channels: OtpChannel[] = [];
  const outbox = { email: null, whatsapp: null } as Record<ChannelName, string | null>;
  const built = { email: null, whatsapp: null } as Record<ChannelName, unknown>;
  for (const name of Object.keys(CHANNEL_REGISTRY) as ChannelName[]) {
    // Each entry reads only its own variables and the shared context; Config has them all.
    const entry = CHANNEL_REGISTRY[name] as ChannelEntry<Record<never, never>, unknown>;
    const chosen = optionsOf(entry, config as unknown as ChannelConfig<Record<never, never>>, now);
    if (chosen === null) continue;
    if (chosen.outboxDir !== null) outbox[name] = chosen.outboxDir;
    built[name] = chosen.options;
    channels.push(entry.create(chosen.options));
  }
  return {
    channels,
    email: built.email as EmailChannelOptions | null,
    whatsapp: built.whatsapp as WhatsAppChannelOptions | null,
    outbox,
    close: async () => {
      for (const channel of channels) await channel.close?.();
    },
  };
}

function optionsOf<Options>(
  entry: ChannelEntry<Record<never, never>, Options>,
  config: ChannelConfig<Record<never, never>>,
  now: () => number,
): { options: Options; outboxDir: string | null } | null {
  const provider = entry.provider(config, now);
  if (provider !== null) return { options: provider, outboxDir: null };
  if (!config.outboxAllowed) return null;
  const dir = join(config.DATA_DIR, "outbox", entry.name);
  return { options: entry.outbox(config, dir), outboxDir: dir };
}
