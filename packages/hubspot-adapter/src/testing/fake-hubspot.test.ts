// The fake HubSpot's contacts API, authentication and portal isolation, driven by the REAL
// @hubspot/api-client 13.4.0 pointed at it (basePath), as the adapter will use it.
import { Client } from "@hubspot/api-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiError, errorBody } from "./fake/api-error.js";
import type { FakeHubSpot, FakePortal } from "./fake-hubspot.js";
import { startFakeHubSpot } from "./fake-hubspot.js";

let fake: FakeHubSpot;
let portal: FakePortal;
let hs: Client;

beforeEach(async () => {
  fake = await startFakeHubSpot();
  portal = fake.portal(101);
  hs = new Client({
    accessToken: portal.issueAccessToken(),
    basePath: fake.url,
    numberOfApiCallRetries: 0,
  });
});

afterEach(async () => {
  await fake.close();
});

describe("contacts", () => {
  it("getById returns the asked properties: null when defined but empty, unknown ones left out", async () => {
    const id = portal.addContact({
      properties: { email: "ana@example.com", phone: "+34 600 000 000" },
    });
    const contact = await hs.crm.contacts.basicApi.getById(id, [
      "email",
      "phone",
      "mobilephone",
      "nope",
    ]);
    expect(contact.id).toBe(id);
    expect(contact.properties).toEqual({
      email: "ana@example.com",
      phone: "+34 600 000 000",
      mobilephone: null,
      hs_object_id: id,
      createdate: expect.any(String),
      lastmodifieddate: expect.any(String),
    });
    expect(contact.createdAt).toBeInstanceOf(Date);
    const plain = await hs.crm.contacts.basicApi.getById(id);
    expect(Object.keys(plain.properties).sort()).toEqual([
      "createdate",
      "email",
      "firstname",
      "hs_object_id",
      "lastmodifieddate",
      "lastname",
    ]);
    expect(fake.requests.at(0)).toMatchObject({
      method: "GET",
      path: `/crm/v3/objects/contacts/${id}`,
      query: { properties: ["email", "phone", "mobilephone", "nope"] },
      status: 200,
      portalId: 101,
    });
  });

  it("getById with idProperty=email finds the contact whatever the case; unknown ids answer 404", async () => {
    const id = portal.addContact({ properties: { email: "Ana@Example.com" } });
    const byEmail = await hs.crm.contacts.basicApi.getById(
      "ana@example.com",
      ["email"],
      undefined,
      undefined,
      false,
      "email",
    );
    expect(byEmail.id).toBe(id);
    const missing = await apiError(hs.crm.contacts.basicApi.getById("999999"));
    expect(missing.code).toBe(404);
    expect(missing.body).toMatchObject({ status: "error", category: "OBJECT_NOT_FOUND" });
    const notUnique = await apiError(
      hs.crm.contacts.basicApi.getById("x", ["email"], undefined, undefined, false, "firstname"),
    );
    expect(notUnique.code).toBe(400);
  });

  it("update writes strings and clears a value with an empty string", async () => {
    const id = portal.addContact({ properties: { email: "ana@example.com", firstname: "Ana" } });
    const updated = await hs.crm.contacts.basicApi.update(id, {
      properties: { lastname: "García", firstname: "" },
    });
    expect(updated.properties).toMatchObject({ lastname: "García", firstname: null });
    expect(portal.contact(id)).toMatchObject({ email: "ana@example.com", lastname: "García" });
    expect(portal.contact(id)).not.toHaveProperty("firstname");
    expect(fake.requests.at(-1)).toMatchObject({
      method: "PATCH",
      body: { properties: { lastname: "García", firstname: "" } },
      status: 200,
    });
  });

  it("update refuses unknown, read-only and ill-typed values with HubSpot's 400", async () => {
    const id = portal.addContact({ properties: { email: "ana@example.com" } });
    const unknown = await apiError(
      hs.crm.contacts.basicApi.update(id, { properties: { otp_code: "123456" } }),
    );
    expect(unknown.code).toBe(400);
    expect(unknown.body).toMatchObject({ category: "VALIDATION_ERROR" });
    expect(String(errorBody(unknown)["message"])).toContain("PROPERTY_DOESNT_EXIST");
    const readOnly = await apiError(
      hs.crm.contacts.basicApi.update(id, { properties: { hs_object_id: "1" } }),
    );
    expect(String(errorBody(readOnly)["message"])).toContain("READ_ONLY_VALUE");
    const option = await apiError(
      hs.crm.contacts.basicApi.update(id, { properties: { lifecyclestage: "martian" } }),
    );
    expect(String(errorBody(option)["message"])).toContain("INVALID_OPTION");
    const missing = await apiError(
      hs.crm.contacts.basicApi.update("424242", { properties: { firstname: "X" } }),
    );
    expect(missing.code).toBe(404);
    expect(portal.contact(id)).not.toHaveProperty("lifecyclestage");
  });

  it("create answers 201 with the new contact, and 409 CONFLICT for an email already used", async () => {
    const created = await hs.crm.contacts.basicApi.create({
      properties: { email: "bo@example.com", firstname: "Bo" },
      associations: [],
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.properties).toMatchObject({ email: "bo@example.com", firstname: "Bo" });
    expect(portal.contact(created.id)).toMatchObject({ email: "bo@example.com" });
    const dup = await apiError(
      hs.crm.contacts.basicApi.create({
        properties: { email: "BO@example.com" },
        associations: [],
      }),
    );
    expect(dup.code).toBe(409);
    expect(dup.body).toMatchObject({
      category: "CONFLICT",
      message: `Contact already exists. Existing ID: ${created.id}`,
    });
  });

  it("search filters with EQ (case-insensitive), pages with after, and returns the asked properties", async () => {
    for (let i = 0; i < 3; i++) {
      portal.addContact({ properties: { email: `p${i}@example.com`, phone: "+34600000000" } });
    }
    portal.addContact({ properties: { email: "other@example.com", phone: "+44700000000" } });
    const filter = { propertyName: "phone", operator: "EQ" as never, value: "+34600000000" };
    const first = await hs.crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [filter] }],
      properties: ["email"],
      limit: 2,
    });
    expect(first.total).toBe(3);
    expect(first.results.map((r) => r.properties["email"])).toEqual([
      "p0@example.com",
      "p1@example.com",
    ]);
    expect(first.paging?.next?.after).toBe("2");
    const second = await hs.crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [filter] }],
      properties: ["email"],
      limit: 2,
      after: "2",
    });
    expect(second.results.map((r) => r.properties["email"])).toEqual(["p2@example.com"]);
    expect(second.paging).toBeUndefined();
    const byEmail = await hs.crm.contacts.searchApi.doSearch({
      filterGroups: [
        {
          filters: [{ propertyName: "email", operator: "EQ" as never, value: "OTHER@example.com" }],
        },
      ],
    });
    expect(byEmail.total).toBe(1);
  });

  it("batch update answers 200 when all ids exist, 207 naming the missing ones, 400 over 100 inputs", async () => {
    const a = portal.addContact({ properties: { email: "a@example.com" } });
    const b = portal.addContact({ properties: { email: "b@example.com" } });
    const ok = await hs.crm.contacts.batchApi.update({
      inputs: [
        { id: a, properties: { firstname: "A" } },
        { id: b, properties: { firstname: "B" } },
      ],
    });
    expect(ok.status).toBe("COMPLETE");
    expect(ok.results).toHaveLength(2);
    expect(portal.contact(b)).toMatchObject({ firstname: "B" });
    const partial = await hs.crm.contacts.batchApi.update({
      inputs: [
        { id: a, properties: { lastname: "Z" } },
        { id: "777777", properties: { lastname: "Z" } },
      ],
    });
    expect(fake.requests.at(-1)?.status).toBe(207);
    expect(partial.results).toHaveLength(1);
    expect(partial).toMatchObject({
      numErrors: 1,
      errors: [{ category: "OBJECT_NOT_FOUND", context: { ids: ["777777"] } }],
    });
    const inputs = Array.from({ length: 101 }, () => ({ id: a, properties: { lastname: "Q" } }));
    const tooMany = await apiError(hs.crm.contacts.batchApi.update({ inputs }));
    expect(tooMany.code).toBe(400);
    expect(portal.contact(a)).toMatchObject({ lastname: "Z" });
  });
});

describe("authentication and portal isolation", () => {
  it("a token of portal A cannot read portal B's contact (404), and B's data stay untouched", async () => {
    const other = fake.portal(202);
    const theirs = other.addContact({ properties: { email: "b@example.com" } });
    const ours = portal.addContact({ properties: { email: "b@example.com" } });
    expect(ours).not.toBe(theirs);
    const denied = await apiError(hs.crm.contacts.basicApi.getById(theirs));
    expect(denied.code).toBe(404);
    const update = await apiError(
      hs.crm.contacts.basicApi.update(theirs, { properties: { firstname: "Mallory" } }),
    );
    expect(update.code).toBe(404);
    expect(other.contact(theirs)).not.toHaveProperty("firstname");
    const found = await hs.crm.contacts.basicApi.getById(
      "b@example.com",
      ["email"],
      undefined,
      undefined,
      false,
      "email",
    );
    expect(found.id).toBe(ours);
  });

  it("answers 401 without a token or with one it never issued, and 403 for a missing scope", async () => {
    const id = portal.addContact({ properties: { email: "ana@example.com" } });
    const anonymous = await fetch(`${fake.url}/crm/v3/objects/contacts/${id}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ category: "INVALID_AUTHENTICATION" });
    const stranger = new Client({
      accessToken: "made-up",
      basePath: fake.url,
      numberOfApiCallRetries: 0,
    });
    expect((await apiError(stranger.crm.contacts.basicApi.getById(id))).code).toBe(401);
    const readOnly = new Client({
      accessToken: portal.issueAccessToken({ scopes: ["crm.objects.contacts.read"] }),
      basePath: fake.url,
      numberOfApiCallRetries: 0,
    });
    await readOnly.crm.contacts.basicApi.getById(id);
    const forbidden = await apiError(
      readOnly.crm.contacts.basicApi.update(id, { properties: { firstname: "X" } }),
    );
    expect(forbidden.code).toBe(403);
    expect(forbidden.body).toMatchObject({
      category: "MISSING_SCOPES",
      errors: [{ context: { requiredGranularScopes: ["crm.objects.contacts.write"] } }],
    });
  });

  it("accepts a static token configured per portal", async () => {
    const withStatic = await startFakeHubSpot({
      portals: [{ portalId: 7, accessToken: "pat-local" }],
    });
    try {
      const id = withStatic.portal(7).addContact({ properties: { email: "s@example.com" } });
      const client = new Client({
        accessToken: "pat-local",
        basePath: withStatic.url,
        numberOfApiCallRetries: 0,
      });
      expect((await client.crm.contacts.basicApi.getById(id, ["email"])).properties["email"]).toBe(
        "s@example.com",
      );
    } finally {
      await withStatic.close();
    }
  });
});
