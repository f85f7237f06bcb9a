// The CRM owners API (`/crm/v3/owners`): one owner by id (or by userId), and the list.
import { iso, json, notFound, validationError } from "./http.js";
import type { FakeOwner } from "./portal.js";
import type { Route, RouteContext } from "./route.js";

function ownerJson(owner: FakeOwner & { createdAt: number }) {
  return {
    id: owner.id,
    email: owner.email,
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userId,
    type: "PERSON",
    teams: [],
    archived: false,
    createdAt: iso(owner.createdAt),
    updatedAt: iso(owner.createdAt),
  };
}

function getOwner(ctx: RouteContext) {
  const [id = ""] = ctx.params;
  const idProperty = ctx.query.get("idProperty") ?? "id";
  if (idProperty !== "id" && idProperty !== "userId") {
    throw validationError(`idProperty must be id or userId, got ${idProperty}`);
  }
  const owners = [...ctx.portal.owners.values()];
  const owner = owners.find((o) => (idProperty === "id" ? o.id === id : String(o.userId) === id));
  if (owner === undefined) throw notFound(`Owner with ${idProperty} ${id} not found`);
  return json(200, ownerJson(owner));
}

function listOwners(ctx: RouteContext) {
  const email = ctx.query.get("email")?.toLowerCase();
  const owners = [...ctx.portal.owners.values()].filter(
    (o) => email === undefined || o.email.toLowerCase() === email,
  );
  return json(200, { results: owners.map(ownerJson) });
}

/** GET /crm/v3/owners/{ownerId} and GET /crm/v3/owners. */
export function ownerRoutes(): Route[] {
  const common = { auth: "bearer", scope: "crm.objects.owners.read", limit: "burst" } as const;
  return [
    { ...common, method: "GET", pattern: /^\/crm\/v3\/owners\/?$/, handle: listOwners },
    { ...common, method: "GET", pattern: /^\/crm\/v3\/owners\/([^/]+)$/, handle: getOwner },
  ];
}
