import type {
  AlphabetName,
  Otp,
  OtpChannel,
  OtpEvent,
  OtpOptions,
  OtpSecret,
  OtpStore,
} from "@otpkit/otp-core";
import { configError, createOtp, intOption, OtpError } from "@otpkit/otp-core";
import type { CodeShape } from "./actions/code-shape.js";
import { createCodeShapes } from "./actions/code-shape.js";
import type { PortalSettings } from "./settings.js";
import { dropUnknownSettings, otpOptionsFor, parsePortalSettings } from "./settings.js";
import type { HubSpotAppStorage } from "./storage.js";

export type { HubSpotObjectKind, HubSpotSubjectRef } from "./actions/subject.js";
export { HUBSPOT_OTP_PURPOSE, hubspotSubject, parseHubSpotSubject } from "./actions/subject.js";

const SOURCE = { source: "hubspot" } as const;
const MINUTE = 60_000;

/** The engine options a portal's settings, the shared store and the secrets decide. */
type ManagedOption =
  | "store"
  | "secrets"
  | "namingKey"
  | "code"
  | "ttlMs"
  | "allowLongTtl"
  | "maxAttempts"
  | "lockout"
  | "storage"
  | "channels"
  | "events"
  | "now";

/** Options of {@link createPortalEngines}. */
export interface PortalEnginesOptions {
  /** Where each portal's settings are saved (only `getSettings` is used). */
  storage: Pick<HubSpotAppStorage, "getSettings">;
  /** The one OTP store every portal shares (subjects are namespaced per portal). */
  store: OtpStore;
  /** The server secrets (current first). */
  secrets: readonly OtpSecret[];
  /** otp-core's naming key (32+ bytes); also keys the code-shape records. */
  namingKey: string | Uint8Array;
  /**
   * The delivery channels of a portal, from its settings (the e-mail template, WhatsApp
   * templates). Name them `"email"` and `"whatsapp"`: the Generate action asks for them by name.
   */
  channelsFor: (settings: PortalSettings, portalId: number) => readonly OtpChannel[];
  /** Every engine event, with the portal and the settings the engine was built from. */
  events?: (portalId: number, event: OtpEvent, settings: PortalSettings) => void | Promise<void>;
  /** The clock, epoch ms. @default Date.now */
  now?: () => number;
  /** Further engine options (resend, delivery, hmac, testRecipients...), the same for every portal. */
  engine?: Omit<Partial<OtpOptions>, ManagedOption>;
  /** Portals whose engines are kept built (least recently used ones are dropped). @default 1000 */
  maxPortals?: number;
}

/** A portal's settings as read for one request: pass it on, so one request sees one version. */
export interface PortalSnapshot {
  readonly portalId: number;
  readonly settings: PortalSettings;
  /** The stored text (the cache key): a change of it rebuilds the portal's engines. */
  readonly version: string;
}

/** A code shape and expiry other than the settings' (Generate's "override app settings"). */
export interface CodeOverride {
  type?: AlphabetName;
  length?: number;
  expiryMinutes?: number;
  /** Accept a weak shape (4 digits): Verify needs it to check a code Generate made. */
  allowWeak?: boolean;
}

/** Each portal's otp-core engine, built from its settings over the shared store. */
export interface PortalEngines {
  /** Reads a portal's settings (defaults when it saved none). */
  snapshot(portalId: number): Promise<PortalSnapshot>;
  /** The engine for these settings (and override), built once and cached. */
  engine(snapshot: PortalSnapshot, override?: CodeOverride): Otp;
  /** `snapshot` then `engine`, for callers that need nothing else. */
  engineFor(
    portalId: number,
    override?: CodeOverride,
  ): Promise<{ otp: Otp; snapshot: PortalSnapshot }>;
  /**
   * The engine to verify a subject's code with: the one whose code shape (type, length) is the
   * active code's, when Generate recorded it, else the settings' one.
   */
  engineForCode(snapshot: PortalSnapshot, subject: string): Promise<Otp>;
  /** Records the shape of a code just issued, for {@link PortalEngines.engineForCode}. */
  rememberShape(input: {
    portalId: number;
    subject: string;
    codeId: string;
    shape: CodeShape;
    expiresAt: number;
  }): Promise<void>;
  /** Stops every engine's timers. */
  close(): Promise<void>;
}

interface PortalEntry {
  version: string;
  engines: Map<string, Otp>;
}

/**
 * Builds and caches each portal's otp-core engine from its saved settings ({@link
 * parsePortalSettings}; a portal that never saved any gets the defaults), over the one shared
 * store. An engine is rebuilt when the stored settings change (every request reads them: one
 * storage read, so every process sees a change at once). A Generate override (code shape,
 * expiry) is an engine variant of the same portal, over the same records.
 *
 * Why subjects are namespaced (`hubspot:<portalId>:contact:<id>`, {@link hubspotSubject}): all
 * portals share one store, and two portals' contact 5101 are different people.
 *
 * @param options Storage, store, secrets, naming key, channels and the event sink.
 * @returns {@link PortalEngines}.
 * @throws {OtpError} `CONFIG_INVALID` for a bad option. `snapshot` throws `STORE_DATA_INVALID`
 *   when stored settings no longer validate; `engine` throws `CONFIG_INVALID` for an override
 *   the settings do not allow (a weak code, an expiry over 10 minutes without the opt-in).
 * @example
 * ```ts
 * const engines = createPortalEngines({ storage, store, secrets, namingKey, channelsFor });
 * const { otp } = await engines.engineFor(101);
 * await otp.issue({ subject: hubspotSubject({ portalId: 101, objectType: "contact", objectId: "5101" }),
 *   purpose: HUBSPOT_OTP_PURPOSE, recipient: { email: "ana@example.com" } });
 * ```
 */
export function createPortalEngines(options: PortalEnginesOptions): PortalEngines {
  const { storage, store, secrets, namingKey } = options;
  if (typeof storage?.getSettings !== "function") {
    throw configError("storage", "a HubSpotAppStorage", storage, undefined, SOURCE);
  }
  if (typeof options.channelsFor !== "function") {
    throw configError(
      "channelsFor",
      "a function (settings, portalId) => channels",
      options.channelsFor,
      undefined,
      SOURCE,
    );
  }
  const now = options.now ?? Date.now;
  const maxPortals = intOption("maxPortals", options.maxPortals ?? 1000, 1, 1_000_000, SOURCE);
  const shapes = createCodeShapes({ store, namingKey, now });
  const portals = new Map<number, PortalEntry>();

  function build(snapshot: PortalSnapshot, override: CodeOverride | undefined): Otp {
    const { settings, portalId } = snapshot;
    const base = otpOptionsFor(settings);
    const events = options.events;
    return createOtp({
      ...options.engine,
      ...base,
      code: {
        alphabet: override?.type ?? base.code.alphabet,
        length: override?.length ?? base.code.length,
        allowWeak: override?.allowWeak ?? base.code.allowWeak,
      },
      ttlMs: override?.expiryMinutes === undefined ? base.ttlMs : override.expiryMinutes * MINUTE,
      store,
      secrets,
      namingKey,
      now,
      channels: options.channelsFor(settings, portalId),
      ...(events ? { events: (event: OtpEvent) => events(portalId, event, settings) } : {}),
    });
  }

  function entryFor(snapshot: PortalSnapshot): PortalEntry {
    let entry = portals.get(snapshot.portalId);
    if (entry !== undefined && entry.version !== snapshot.version) {
      closeAll(entry);
      entry = undefined;
    }
    if (entry === undefined) {
      entry = { version: snapshot.version, engines: new Map() };
    }
    // Re-inserted: the Map's order is the recency order.
    portals.delete(snapshot.portalId);
    portals.set(snapshot.portalId, entry);
    for (const [id, old] of portals) {
      if (portals.size <= maxPortals) break;
      portals.delete(id);
      closeAll(old);
    }
    return entry;
  }

  const engines: PortalEngines = {
    async snapshot(portalId) {
      const text = await storage.getSettings(portalId);
      if (text === null) return { portalId, settings: defaults(), version: "" };
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch {
        input = Symbol("unreadable");
      }
      // A key this version does not have (another version saved it) is left out.
      const parsed = parsePortalSettings(dropUnknownSettings(input));
      if (!parsed.ok) {
        // Not the defaults: quietly falling back could weaken what the admin chose.
        throw new OtpError(
          "STORE_DATA_INVALID",
          `The saved settings of portal ${portalId} do not validate`,
          {
            ...SOURCE,
            details: { portalId, fields: Object.keys(parsed.fieldErrors).join(", ") },
          },
        );
      }
      return { portalId, settings: parsed.settings, version: text };
    },

    engine(snapshot, override) {
      const entry = entryFor(snapshot);
      const key =
        override === undefined
          ? ""
          : JSON.stringify([
              override.type,
              override.length,
              override.expiryMinutes,
              override.allowWeak,
            ]);
      let otp = entry.engines.get(key);
      if (otp === undefined) {
        otp = build(snapshot, override);
        entry.engines.set(key, otp);
      }
      return otp;
    },

    async engineFor(portalId, override) {
      const snapshot = await engines.snapshot(portalId);
      return { otp: engines.engine(snapshot, override), snapshot };
    },

    async engineForCode(snapshot, subject) {
      const plain = engines.engine(snapshot);
      const shape = await shapes.read(subject);
      const { type, length } = snapshot.settings.code;
      if (shape === undefined || (shape.shape.alphabet === type && shape.shape.length === length)) {
        return plain;
      }
      const status = await plain.lookup({ subject, purpose: shape.purpose });
      if (status.active?.codeId !== shape.codeId) return plain;
      return engines.engine(snapshot, {
        type: shape.shape.alphabet,
        length: shape.shape.length,
        allowWeak: true,
      });
    },

    rememberShape(input) {
      return shapes.write(input.subject, input.codeId, input.shape, input.expiresAt);
    },

    async close() {
      for (const entry of portals.values()) closeAll(entry);
      portals.clear();
    },
  };
  return engines;
}

let cachedDefaults: PortalSettings | undefined;
/** A fresh copy is not needed: settings are only read. */
function defaults(): PortalSettings {
  if (cachedDefaults === undefined) {
    const parsed = parsePortalSettings(undefined);
    if (!parsed.ok) throw new Error("the default portal settings do not validate");
    cachedDefaults = parsed.settings;
  }
  return cachedDefaults;
}

function closeAll(entry: PortalEntry): void {
  for (const otp of entry.engines.values()) void otp.close().catch(() => undefined);
  entry.engines.clear();
}
