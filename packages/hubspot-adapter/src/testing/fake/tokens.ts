// Internal to the fake HubSpot: the OAuth grants it issued (authorization codes, access tokens,
// refresh tokens) and the static tokens it was given, each bound to one portal.
import { randomBytes, randomUUID } from "node:crypto";

/** HubSpot's documented access-token lifetime: 30 minutes. */
export const ACCESS_TOKEN_TTL_SECONDS = 1800;

/** The scopes a grant gets when nobody names any: everything the fake's routes check. */
export const ALL_SCOPES: readonly string[] = [
  "oauth",
  "crm.objects.contacts.read",
  "crm.objects.contacts.write",
  "crm.objects.deals.read",
  "crm.objects.deals.write",
  "crm.objects.owners.read",
  "crm.schemas.contacts.read",
  "crm.schemas.contacts.write",
  "crm.schemas.deals.read",
  "crm.schemas.deals.write",
  "automation",
];

/** What one access token stands for. `expiresAt` null: a static token that never expires. */
export interface AccessGrant {
  token: string;
  portalId: number;
  scopes: readonly string[];
  expiresAt: number | null;
}

interface RefreshGrant {
  portalId: number;
  scopes: readonly string[];
  clientId: string;
  revoked: boolean;
}

interface CodeGrant {
  portalId: number;
  scopes: readonly string[];
  clientId: string;
  redirectUri: string;
  used: boolean;
}

/** The result of looking a bearer token up. */
export type TokenLookup =
  | { kind: "missing" }
  | { kind: "unknown" }
  | { kind: "expired"; grant: AccessGrant; agoMs: number }
  | { kind: "valid"; grant: AccessGrant };

/** Every grant the fake knows, across portals. Time is the fake's clock, in ms. */
export class TokenRegistry {
  private readonly access = new Map<string, AccessGrant>();
  private readonly refresh = new Map<string, RefreshGrant>();
  private readonly codes = new Map<string, CodeGrant>();

  constructor(private readonly now: () => number) {}

  /** Registers a token that never expires (a private-app style static token). */
  addStatic(token: string, portalId: number, scopes: readonly string[] = ALL_SCOPES): void {
    this.access.set(token, { token, portalId, scopes: [...scopes], expiresAt: null });
  }

  /** Issues a 30-minute access token for `portalId`. */
  issueAccess(portalId: number, scopes: readonly string[], ttlSeconds = ACCESS_TOKEN_TTL_SECONDS) {
    // HubSpot's access tokens are opaque strings of ~100-300 characters.
    const token = `CN${randomBytes(48).toString("base64url")}`;
    const grant = {
      token,
      portalId,
      scopes: [...scopes],
      expiresAt: this.now() + ttlSeconds * 1000,
    };
    this.access.set(token, grant);
    return grant;
  }

  /** Records an install (the user pressed "Connect app"): returns the one-time code. */
  issueCode(portalId: number, clientId: string, redirectUri: string, scopes: readonly string[]) {
    const code = randomUUID();
    this.codes.set(code, { portalId, clientId, redirectUri, scopes: [...scopes], used: false });
    return code;
  }

  /** Spends a code. Undefined when unknown or already used (codes are single-use). */
  redeemCode(code: string): CodeGrant | undefined {
    const grant = this.codes.get(code);
    if (grant === undefined || grant.used) return undefined;
    grant.used = true;
    return grant;
  }

  /** A refresh token for a redeemed code (HubSpot keeps returning the same one on refresh). */
  issueRefresh(portalId: number, clientId: string, scopes: readonly string[]): string {
    const token = randomUUID();
    this.refresh.set(token, { portalId, clientId, scopes: [...scopes], revoked: false });
    return token;
  }

  /** The live grant of a refresh token. */
  refreshGrant(token: string): RefreshGrant | undefined {
    const grant = this.refresh.get(token);
    return grant === undefined || grant.revoked ? undefined : grant;
  }

  /** Revokes one refresh token (DELETE /oauth/v1/refresh-tokens/{token}). */
  revokeRefresh(token: string): boolean {
    const grant = this.refreshGrant(token);
    if (grant === undefined) return false;
    grant.revoked = true;
    return true;
  }

  /** Revokes every token of a portal: what an uninstall does. */
  revokePortal(portalId: number): void {
    for (const [token, grant] of this.access)
      if (grant.portalId === portalId) this.access.delete(token);
    for (const grant of this.refresh.values())
      if (grant.portalId === portalId) grant.revoked = true;
  }

  /** Looks a token up by the fake's clock. */
  lookup(token: string | undefined): TokenLookup {
    if (token === undefined || token === "") return { kind: "missing" };
    const grant = this.access.get(token);
    if (grant === undefined) return { kind: "unknown" };
    const now = this.now();
    if (grant.expiresAt !== null && now >= grant.expiresAt) {
      return { kind: "expired", grant, agoMs: now - grant.expiresAt };
    }
    return { kind: "valid", grant };
  }
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1];
}
