import type { ChannelEntry } from "./channel-entry.js";
import { emailEntry } from "./channels/email.js";
import { whatsappEntry } from "./channels/whatsapp.js";

/**
 * Every channel the server can run, by name. A new channel is a package plus one entry here (and
 * its variables in the README's table, which a test keeps in sync with the schema): the env
 * schema, the channels, the dev outbox's pages and HubSpot portals all go through it.
 *
 * @example
 * for (const entry of Object.values(CHANNEL_REGISTRY)) entry.name;
 */
export const CHANNEL_REGISTRY = { email: emailEntry, whatsapp: whatsappEntry } as const;

/** The registered channels' names. */
export type ChannelName = keyof typeof CHANNEL_REGISTRY;

/** The registered channels' names, in the registry's order. */
export const CHANNEL_NAMES = Object.keys(CHANNEL_REGISTRY) as ChannelName[];

/**
 * Whether `name` (from a URL, say) is a registered channel's. Own keys only: `constructor` or
 * `__proto__` is no channel.
 *
 * @throws {never}
 * @example
 * if (isChannelName(c.req.param("channel"))) channelEntry(name);
 */
export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(CHANNEL_REGISTRY, name);
}

/**
 * A registered channel's entry with its own types erased, for code that treats every entry
 * alike (each entry reads only its own variables and options, and is handed only those).
 *
 * @throws {never}
 * @example
 * const rows = await channelEntry("email").outbox.list(dir, 10);
 */
export function channelEntry(name: ChannelName): ChannelEntry<Record<never, never>, unknown> {
  return CHANNEL_REGISTRY[name] as ChannelEntry<Record<never, never>, unknown>;
}

/**
 * Every channel's variables, for `envSchema` to compose.
 *
 * @example
 * const envSchema = z.object({ PORT: int(0, 65535), ...CHANNEL_ENV });
 */
export const CHANNEL_ENV = { ...emailEntry.env, ...whatsappEntry.env };
