// Internal to the settings API: the contact properties that may hold the code (the settings
// page's picker), cached per portal for a short while, and the check of the admin's choice.
import type { CrmClient, CrmPropertyChoice } from "./crm-client.js";
import {
  OTPKIT_CODE_PROPERTY,
  OTPKIT_CODE_PROPERTY_NAME,
  OTPKIT_PROPERTY_GROUP,
} from "./crm-properties.js";

/** The CRM calls the picker makes. */
export type PropertyChoicesCrm = Pick<
  CrmClient,
  "listContactProperties" | "ensurePropertyGroup" | "ensureProperties"
>;

/** The list as last read from HubSpot. */
export interface CachedChoices {
  /** When HubSpot was asked, epoch ms. */
  at: number;
  list: CrmPropertyChoice[];
}

const MAX_CACHED_PORTALS = 1000;

/** @internal The picker's data of every portal, with a bounded cache. */
export function createPropertyChoices(options: {
  crmFor(portalId: number): PropertyChoicesCrm | Promise<PropertyChoicesCrm>;
  cacheMs: number;
  now: () => number;
}) {
  const { crmFor, cacheMs, now } = options;
  const cache = new Map<number, CachedChoices>();

  /** The list: cached unless `refresh` or older than `cacheMs`; `fresh` when just read. */
  async function list(
    portalId: number,
    refresh: boolean,
  ): Promise<CachedChoices & { fresh: boolean }> {
    const hit = cache.get(portalId);
    if (!refresh && hit !== undefined && now() - hit.at < cacheMs) return { ...hit, fresh: false };
    const crm = await crmFor(portalId);
    // listContactProperties keeps only writable string / phone-number properties the app may
    // use (crm-client.ts): the picker offers nothing the app would refuse.
    const entry = { at: now(), list: await crm.listContactProperties() };
    cache.delete(portalId);
    cache.set(portalId, entry);
    for (const id of cache.keys()) {
      if (cache.size <= MAX_CACHED_PORTALS) break;
      cache.delete(id); // the least recently read portal first
    }
    return { ...entry, fresh: true };
  }

  /**
   * Why the chosen code property cannot be used, or undefined. The app's own `otpkit_code` is
   * created (with its group) when missing: the admin chose to let the app make it.
   */
  async function problem(portalId: number, name: string): Promise<string | undefined> {
    if (name === OTPKIT_CODE_PROPERTY_NAME) {
      const crm = await crmFor(portalId);
      await crm.ensurePropertyGroup(OTPKIT_PROPERTY_GROUP);
      const made = await crm.ensureProperties([OTPKIT_CODE_PROPERTY]);
      cache.delete(portalId);
      return made.mismatched.includes(name)
        ? `A property named ${name} exists with another type; choose another property.`
        : undefined;
    }
    const has = (c: CachedChoices) => c.list.some((p) => p.name === name);
    const cached = await list(portalId, false);
    // Asked again once when missing from a cached list: it may have been created since.
    if (has(cached) || (!cached.fresh && has(await list(portalId, true)))) return undefined;
    return "This portal has no text or phone property with this name that the app can write. Sync properties and choose one from the list.";
  }

  return { list, problem };
}
