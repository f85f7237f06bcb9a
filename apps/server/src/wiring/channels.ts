import { join } from "node:path";
import type { OtpChannel } from "@otpkit/otp-core";
import type { Config } from "../config.js";
import type { ChannelConfig, ChannelEntry } from "./channel-entry.js";
import type { CHANNEL_REGISTRY, ChannelName } from "./channel-registry.js";
import { CHANNEL_NAMES, channelEntry } from "./channel-registry.js";

/** The options a registered channel is built from (what its entry's `create` takes). */
export type ChannelOptionsOf<N extends ChannelName> = Parameters<
  (typeof CHANNEL_REGISTRY)[N]["create"]
>[0];

/** The server's channels and the options they were built from. */
export interface ChannelWiring {
  channels: OtpChannel[];
  /**
   * The options each channel was built from, by name (null: not built). Kept: each HubSpot
   * portal's channels are these with the portal's texts (wiring/portal-channels.ts).
   */
  options: { [N in ChannelName]: ChannelOptionsOf<N> | null };
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
  const outbox = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, null])) as Record<
    ChannelName,
    string | null
  >;
  const options = { ...outbox } as Record<ChannelName, unknown>;
  for (const name of CHANNEL_NAMES) {
    const entry = channelEntry(name);
    // Config has every entry's variables and the shared context.
    const chosen = optionsOf(entry, config as unknown as ChannelConfig<Record<never, never>>, now);
    if (chosen === null) continue;
    outbox[name] = chosen.outboxDir;
    options[name] = chosen.options;
    channels.push(entry.create(chosen.options));
  }
  return {
    channels,
    options: options as ChannelWiring["options"],
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
  return { options: entry.outbox.options(config, dir), outboxDir: dir };
}
