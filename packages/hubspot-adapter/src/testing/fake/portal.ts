// One HubSpot account ("portal", "hub") inside the fake: its CRM records, property schema,
// owners and completed workflow callbacks. Portals share nothing but the fake's clock.
import { argumentError } from "@otpkit/otp-core";
import { iso } from "./http.js";
import type { FakeObjectType, FakeProperty, FakePropertyGroup, ObjectSchema } from "./schema.js";
import { ALWAYS_READ, checkWrite, DEFAULT_READ, MODIFIED, seedSchema } from "./schema.js";
import type { TokenRegistry } from "./tokens.js";
import { ALL_SCOPES } from "./tokens.js";

/** A CRM record as stored: property values are strings, as HubSpot returns them. */
export interface StoredObject {
  id: string;
  properties: Record<string, string>;
  createdAt: number;
  updatedAt: number;
}

/** An owner (a HubSpot user who can own records). */
export interface FakeOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
}

/** One workflow callback the app completed through the automation API. */
export interface FakeCompletedCallback {
  callbackId: string;
  outputFields: Record<string, string>;
  /** When, by the fake's clock (ms since the epoch). */
  completedAt: number;
  /** Which endpoint: `complete` (single) or `completeBatch`. */
  via: "single" | "batch";
}

/** Seed input for a contact or a deal. Values are written as given (no validation). */
export interface FakeRecordInput {
  /** The record id. @default the next id of the fake's global counter */
  id?: string;
  properties?: Record<string, string>;
}

/**
 * One portal of the fake HubSpot: seed data in, written data out.
 * @example
 * const portal = fake.portal(101);
 * const id = portal.addContact({ properties: { email: "ana@example.com" } });
 * portal.contact(id)?.email; // "ana@example.com"
 */
export interface FakePortal {
  /** The portal id (HubSpot's `hub_id`). */
  readonly portalId: number;
  /** Every callback completion received for this portal, oldest first. */
  readonly completedCallbacks: readonly FakeCompletedCallback[];
  /** Adds a contact; returns its id. `createdate`, `lastmodifieddate`, `hs_object_id` are set. */
  addContact(input?: FakeRecordInput): string;
  /** Adds a deal; returns its id. */
  addDeal(input?: FakeRecordInput): string;
  /** Adds an owner; returns its id. @throws {OtpError} INVALID_ARGUMENT when the email is empty */
  addOwner(input: {
    id?: string;
    email: string;
    firstName?: string;
    lastName?: string;
    userId?: number;
  }): string;
  /** A copy of a contact's stored properties, or undefined. */
  contact(id: string): Record<string, string> | undefined;
  /** A copy of a deal's stored properties, or undefined. */
  deal(id: string): Record<string, string> | undefined;
  /** A property definition (default ones included), or undefined. */
  property(name: string, objectType?: FakeObjectType): FakeProperty | undefined;
  /** A property group, or undefined. */
  group(name: string, objectType?: FakeObjectType): FakePropertyGroup | undefined;
  /** Issues an access token for this portal without going through OAuth. @default all scopes, 1800 s */
  issueAccessToken(options?: { scopes?: readonly string[]; expiresInSeconds?: number }): string;
  /**
   * What HubSpot does when a user installs the app on this portal: returns the one-time `code`
   * that HubSpot would append to `redirectUri`, for `tokensApi.create("authorization_code", ...)`.
   */
  authorize(options: {
    redirectUri: string;
    scopes?: readonly string[];
    clientId?: string;
  }): string;
  /** Revokes every access and refresh token of this portal (what an uninstall does). */
  revokeTokens(): void;
}

/** Shared by all portals of one fake. */
export interface FakeWorld {
  now: () => number;
  nextId: () => string;
  tokens: TokenRegistry;
  clientId: string;
}

/** The internal state of one portal; routes reach it through the token's portal id. */
export class PortalState implements FakePortal {
  readonly completedCallbacks: FakeCompletedCallback[] = [];
  readonly objects: Record<FakeObjectType, Map<string, StoredObject>> = {
    contacts: new Map(),
    deals: new Map(),
  };
  readonly schemas: Record<FakeObjectType, ObjectSchema>;
  readonly owners = new Map<string, FakeOwner & { createdAt: number }>();

  constructor(
    readonly portalId: number,
    private readonly world: FakeWorld,
  ) {
    const now = world.now();
    this.schemas = { contacts: seedSchema("contacts", now), deals: seedSchema("deals", now) };
  }

  addContact(input: FakeRecordInput = {}): string {
    return this.insert("contacts", input.properties ?? {}, input.id);
  }

  addDeal(input: FakeRecordInput = {}): string {
    return this.insert("deals", input.properties ?? {}, input.id);
  }

  addOwner(input: {
    id?: string;
    email: string;
    firstName?: string;
    lastName?: string;
    userId?: number;
  }) {
    if (typeof input.email !== "string" || input.email === "") {
      throw argumentError("owner.email", "a non-empty string", input.email);
    }
    const id = input.id ?? this.world.nextId();
    this.owners.set(id, {
      id,
      email: input.email,
      firstName: input.firstName ?? "",
      lastName: input.lastName ?? "",
      userId: input.userId ?? Number(this.world.nextId()),
      createdAt: this.world.now(),
    });
    return id;
  }

  contact(id: string) {
    const record = this.objects.contacts.get(id);
    return record === undefined ? undefined : { ...record.properties };
  }

  deal(id: string) {
    const record = this.objects.deals.get(id);
    return record === undefined ? undefined : { ...record.properties };
  }

  property(name: string, objectType: FakeObjectType = "contacts") {
    const p = this.schemas[objectType].properties.get(name);
    return p === undefined ? undefined : structuredClone(p);
  }

  group(name: string, objectType: FakeObjectType = "contacts") {
    const g = this.schemas[objectType].groups.get(name);
    return g === undefined ? undefined : { ...g };
  }

  issueAccessToken(options: { scopes?: readonly string[]; expiresInSeconds?: number } = {}) {
    return this.world.tokens.issueAccess(
      this.portalId,
      options.scopes ?? ALL_SCOPES,
      options.expiresInSeconds,
    ).token;
  }

  authorize(options: { redirectUri: string; scopes?: readonly string[]; clientId?: string }) {
    if (typeof options.redirectUri !== "string" || options.redirectUri === "") {
      throw argumentError("redirectUri", "a non-empty URL", options.redirectUri);
    }
    const { tokens, clientId } = this.world;
    const scopes = options.scopes ?? ALL_SCOPES;
    return tokens.issueCode(
      this.portalId,
      options.clientId ?? clientId,
      options.redirectUri,
      scopes,
    );
  }

  revokeTokens(): void {
    this.world.tokens.revokePortal(this.portalId);
  }

  /** Stores a new record; the caller validated `properties` (or is seeding). */
  insert(type: FakeObjectType, properties: Record<string, string>, id = this.world.nextId()) {
    const now = this.world.now();
    const stored = {
      ...properties,
      hs_object_id: id,
      createdate: iso(now),
      [MODIFIED[type]]: iso(now),
    };
    this.objects[type].set(id, { id, properties: stored, createdAt: now, updatedAt: now });
    return id;
  }

  /** Applies a validated write: "" clears a value, as in HubSpot. */
  write(type: FakeObjectType, record: StoredObject, properties: Record<string, string>): void {
    const now = this.world.now();
    for (const [name, value] of Object.entries(properties)) {
      if (value === "") delete record.properties[name];
      else record.properties[name] = value;
    }
    record.updatedAt = now;
    record.properties[MODIFIED[type]] = iso(now);
  }

  /** Validates a write against this portal's schema (HubSpot's 400 on failure). */
  check(type: FakeObjectType, properties: unknown): Record<string, string> {
    return checkWrite(this.schemas[type], properties);
  }

  /** The record by id, or by a unique property (`idProperty`), or undefined. */
  find(type: FakeObjectType, id: string, idProperty?: string): StoredObject | undefined {
    const records = this.objects[type];
    if (idProperty === undefined || idProperty === "hs_object_id") return records.get(id);
    const wanted = id.toLowerCase();
    for (const record of records.values()) {
      if (record.properties[idProperty]?.toLowerCase() === wanted) return record;
    }
    return undefined;
  }

  /** The v3 `SimplePublicObject` JSON with the properties a read asked for. */
  objectJson(type: FakeObjectType, record: StoredObject, requested?: readonly string[]) {
    const schema = this.schemas[type].properties;
    const names = new Set([...ALWAYS_READ[type], ...(requested ?? DEFAULT_READ[type])]);
    const properties: Record<string, string | null> = {};
    for (const name of names) {
      // HubSpot answers null for a defined property without a value and leaves unknown names out.
      const value = record.properties[name];
      if (value !== undefined) properties[name] = value;
      else if (schema.has(name)) properties[name] = null;
    }
    return {
      id: record.id,
      properties,
      createdAt: iso(record.createdAt),
      updatedAt: iso(record.updatedAt),
      archived: false,
    };
  }
}
