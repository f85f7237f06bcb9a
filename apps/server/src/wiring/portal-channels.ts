import type { PortalSettings } from "@otpkit/hubspot-adapter";
import type { OtpChannel } from "@otpkit/otp-core";
import { CHANNEL_NAMES, channelEntry } from "./channel-registry.js";
import type { ChannelWiring } from "./channels.js";

/** The channels of HubSpot portals, for the HubSpot app's `channelsFor`. */
export interface PortalChannels {
  /**
   * A portal's channels: every registered channel the server runs that portals may turn on
   * (its entry's `portal`) and this portal's settings turn on, with the portal's texts. Built
   * once per portal and per version of the settings they read.
   */
  channelsFor(settings: PortalSettings, portalId: number): OtpChannel[];
  /** Closes every channel built, replaced ones included. */
  close(): Promise<void>;
}

/**
 * Builds each HubSpot portal's channels from the registry (wiring/channel-registry.ts) and the
 * server's own channel options: the same SMTP server or dev outbox, the same WhatsApp number;
 * the portal's settings decide which channels are on and their texts. A new channel with a
 * `portal` form in its entry needs no change here.
 *
 * Why replaced channels are closed only at {@link PortalChannels.close}: an engine built from
 * them may still be sending.
 *
 * @throws {never} A channel's own `CONFIG_INVALID` surfaces from `channelsFor`.
 * @example
 * const portals = createPortalChannels(wired.options);
 * createHubSpotApp({ …, channelsFor: portals.channelsFor });
 */
export function createPortalChannels(server: ChannelWiring["options"]): PortalChannels {
  const kinds = CHANNEL_NAMES.flatMap((name) => {
    const entry = channelEntry(name);
    const options = server[name];
    return entry.portal && options !== null ? [{ entry, portal: entry.portal, options }] : [];
  });
  const cache = new Map<number, { key: string; channels: OtpChannel[] }>();
  const retired: OtpChannel[] = [];
  return {
    channelsFor(settings, portalId) {
      const key = JSON.stringify(kinds.map(({ portal }) => portal.reads(settings)));
      const hit = cache.get(portalId);
      if (hit?.key === key) return hit.channels;
      if (hit) retired.push(...hit.channels);
      const channels = kinds.flatMap(({ entry, portal, options }) => {
        const chosen = portal.options(options, settings);
        return chosen === null ? [] : [entry.create(chosen)];
      });
      cache.set(portalId, { key, channels });
      return channels;
    },
    async close() {
      const all = [...retired, ...[...cache.values()].flatMap((c) => c.channels)];
      retired.length = 0;
      cache.clear();
      for (const channel of all) await channel.close?.();
    },
  };
}
