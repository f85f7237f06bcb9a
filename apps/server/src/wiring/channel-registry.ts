import { emailEntry } from "./channels/email.js";
import { whatsappEntry } from "./channels/whatsapp.js";

/**
 * Every channel the server can run, by name. A new channel is a package plus one entry here (and
 * its variables in the README's table, which a test keeps in sync with the schema).
 *
 * @example
 * for (const entry of Object.values(CHANNEL_REGISTRY)) entry.name;
 */
export const CHANNEL_REGISTRY = { email: emailEntry, whatsapp: whatsappEntry } as const;

/** The registered channels' names. */
export type ChannelName = keyof typeof CHANNEL_REGISTRY;

/**
 * Every channel's variables, for `envSchema` to compose.
 *
 * @example
 * const envSchema = z.object({ PORT: int(0, 65535), ...CHANNEL_ENV });
 */
export const CHANNEL_ENV = { ...emailEntry.env, ...whatsappEntry.env };
