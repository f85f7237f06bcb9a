import type { PortalSettings } from "@otpkit/hubspot-adapter";
import type { OtpChannel } from "@otpkit/otp-core";
import type * as z from "zod";
import type { Markup } from "../pages/html.js";

/** What every channel is given besides its own variables. */
export interface ChannelContext {
  /** Absolute data folder; the dev outbox goes in `DATA_DIR/outbox/<channel name>`. */
  DATA_DIR: string;
  PRODUCT_NAME: string;
  SUPPORT_CONTACT?: string | undefined;
  /** Whether a channel without a real provider may write to the dev outbox. */
  outboxAllowed: boolean;
}

/** One message of a channel's dev outbox, as the `/dev/outbox` pages list it. */
export interface OutboxRow {
  /** The outbox id (the message's page: `/dev/outbox/<channel>/<id>`). */
  id: string;
  /** When it was written, ISO 8601. */
  createdAt: string;
  to: string;
  /** The message kind when the file says it; else null (the audit trail may know). */
  kind: string | null;
  /** The e-mail's subject, the template's name. */
  title: string;
  /** The provider message id the channel's receipt carried (the audit trail's key). */
  messageId: string;
  /** The code the message carries (code and retry messages). Development only. */
  code: string | null;
}

/** One message's own page in the dev outbox: its title and what the page shows of it. */
export interface OutboxPage {
  title: string;
  /** The page's content below the link back to the list (escaped by `markup`). */
  body: Markup;
}

/** The parsed values of a channel's own variables, with the shared context. */
export type ChannelConfig<Env extends z.ZodRawShape> = z.infer<z.ZodObject<Env>> & ChannelContext;

/**
 * A channel's dev outbox: the channel writing to files instead of its provider, and how the
 * development pages (routes/outbox.ts) list and show those files. Everything it reads carries
 * codes: development pages only.
 */
export interface ChannelOutbox<Config, Options> {
  /** The same channel writing to `dir` instead of a provider. */
  options(config: Config, dir: string): Options;
  /** Its messages in `dir`, newest first, at most `limit`. */
  list(dir: string, limit: number): Promise<OutboxRow[]>;
  /**
   * The page of message `id` (`/dev/outbox/<name>/<id>`, given as `href`), or null when `dir` has
   * no such message. `id` comes from the URL: unknown or malformed ids are null, never a path.
   */
  page(dir: string, id: string, href: string): Promise<OutboxPage | null>;
  /**
   * A part of message `id` its page frames (`<href>/<part>`: the e-mail's HTML), as an HTML
   * document the route serves sandboxed (no scripts, no same-origin); null when there is none.
   */
  part?(dir: string, id: string, part: string): Promise<string | null>;
}

/**
 * How a HubSpot portal's settings shape a channel (hubspot-runtime.ts): the registry says how the
 * channel is built, the portal's settings whether it is on and with which texts or senders. A
 * channel without it is not offered to portals.
 */
export interface PortalChannel<Options> {
  /** The part of a portal's settings the channel reads: a change of it rebuilds the channel. */
  reads(settings: PortalSettings): unknown;
  /** The server's options with the portal's texts or senders; null when the portal has it off. */
  options(server: Options, settings: PortalSettings): Options | null;
}

/**
 * One channel, registered once: its name and address kind, its environment variables (a zod
 * fragment the env schema composes), how it is built from them, its dev outbox and its form in a
 * HubSpot portal. A new channel is a package plus one entry in `CHANNEL_REGISTRY`
 * (wiring/channel-registry.ts).
 */
export interface ChannelEntry<Env extends z.ZodRawShape, Options> {
  /** The channel's `name` (also the outbox folder and the `/dev/outbox/<name>/…` pages). */
  name: string;
  /** The recipient field the channel addresses. */
  address: "email" | "phone";
  /** Its variables (each documented in the README's table), composed into `envSchema`. */
  env: Env;
  /** Whether its real provider's variables are set (production needs one such channel). */
  configured(env: z.infer<z.ZodObject<Env>>): boolean;
  /**
   * The checks across its variables (a credential without its pair), each throwing a
   * `ConfigError` naming the variable and the fix. Runs at start, before anything is built.
   */
  check(env: z.infer<z.ZodObject<Env>>): void;
  /**
   * The real provider's options when its variables are set, else null (then the dev outbox is
   * used where allowed). `now` is the engine's clock.
   */
  provider(config: ChannelConfig<Env>, now: () => number): Options | null;
  /** Its dev outbox: the options writing to it, and its list and pages. */
  outbox: ChannelOutbox<ChannelConfig<Env>, Options>;
  /** Its form in a HubSpot portal, when portals may turn it on. */
  portal?: PortalChannel<Options>;
  /** Builds the channel from the options above. */
  create(options: Options): OtpChannel;
}

/**
 * Declares a channel entry with its types checked (the identity function).
 *
 * @throws {never}
 * @example
 * export const smsEntry = defineChannel({ name: "sms", address: "phone", env: { SMS_API_KEY: z.string().optional() }, … });
 */
export function defineChannel<Env extends z.ZodRawShape, Options>(
  entry: ChannelEntry<Env, Options>,
): ChannelEntry<Env, Options> {
  return entry;
}
