// The fake HubSpot's properties and groups, deals, owners and workflow callbacks, driven by
// the REAL @hubspot/api-client 13.4.0 pointed at it (basePath).
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

describe("properties and groups", () => {
  it("creates a group and properties (201), refuses a duplicate with 409, then accepts writes to them", async () => {
    const group = await hs.crm.properties.groupsApi.create("contacts", {
      name: "otp",
      label: "OTP",
      displayOrder: -1,
    });
    expect(group).toMatchObject({ name: "otp", label: "OTP", archived: false });
    const created = await hs.crm.properties.coreApi.create("contacts", {
      name: "otp_verification",
      label: "OTP verification",
      type: "enumeration" as never,
      fieldType: "select" as never,
      groupName: "otp",
      options: [
        { label: "Valid", value: "valid", hidden: false, displayOrder: 0 },
        { label: "Invalid", value: "invalid", hidden: false, displayOrder: 1 },
      ],
    });
    expect(created).toMatchObject({
      name: "otp_verification",
      groupName: "otp",
      type: "enumeration",
    });
    expect(created.options.map((o) => o.value)).toEqual(["valid", "invalid"]);
    await hs.crm.properties.coreApi.create("contacts", {
      name: "otp_generated_at",
      label: "OTP generated at",
      type: "datetime" as never,
      fieldType: "date" as never,
      groupName: "otp",
    });

    const dupGroup = await apiError(
      hs.crm.properties.groupsApi.create("contacts", { name: "otp", label: "OTP" }),
    );
    expect(dupGroup.code).toBe(409);
    const dup = await apiError(
      hs.crm.properties.coreApi.create("contacts", {
        name: "otp_verification",
        label: "Again",
        type: "string" as never,
        fieldType: "text" as never,
        groupName: "otp",
      }),
    );
    expect(dup.code).toBe(409);
    expect(dup.body).toMatchObject({ status: "error", category: "OBJECT_ALREADY_EXISTS" });

    expect((await hs.crm.properties.coreApi.getByName("contacts", "otp_verification")).label).toBe(
      "OTP verification",
    );
    const all = await hs.crm.properties.coreApi.getAll("contacts");
    expect(all.results.map((p) => p.name)).toEqual(
      expect.arrayContaining(["email", "otp_generated_at"]),
    );
    const groups = await hs.crm.properties.groupsApi.getAll("contacts");
    expect(groups.results.map((g) => g.name)).toEqual(["contactinformation", "otp"]);
    expect(portal.property("otp_verification")?.groupName).toBe("otp");

    const id = portal.addContact({ properties: { email: "ana@example.com" } });
    await hs.crm.contacts.basicApi.update(id, {
      properties: { otp_verification: "valid", otp_generated_at: "1767225600000" },
    });
    expect(portal.contact(id)).toMatchObject({
      otp_verification: "valid",
      otp_generated_at: "2026-01-01T00:00:00.000Z",
    });
    const bad = await apiError(
      hs.crm.contacts.basicApi.update(id, { properties: { otp_verification: "maybe" } }),
    );
    expect(String(errorBody(bad)["message"])).toContain("INVALID_OPTION");
  });

  it("refuses a property in a missing group and an unknown property name with 400/404", async () => {
    const noGroup = await apiError(
      hs.crm.properties.coreApi.create("contacts", {
        name: "otp_x",
        label: "X",
        type: "string" as never,
        fieldType: "text" as never,
        groupName: "nope",
      }),
    );
    expect(noGroup.code).toBe(400);
    const missing = await apiError(hs.crm.properties.coreApi.getByName("contacts", "otp_x"));
    expect(missing.code).toBe(404);
  });
});

describe("deals and owners", () => {
  it("reads a deal's hubspot_owner_id and the owner behind it", async () => {
    const ownerId = portal.addOwner({
      email: "rep@example.com",
      firstName: "Rita",
      lastName: "Rep",
    });
    const dealId = portal.addDeal({
      properties: { dealname: "Big one", hubspot_owner_id: ownerId },
    });
    const deal = await hs.crm.deals.basicApi.getById(dealId, ["dealname", "hubspot_owner_id"]);
    expect(deal.properties).toMatchObject({ dealname: "Big one", hubspot_owner_id: ownerId });
    const owner = await hs.crm.owners.ownersApi.getById(Number(ownerId));
    expect(owner).toMatchObject({ id: ownerId, email: "rep@example.com", firstName: "Rita" });
    expect(owner.createdAt).toBeInstanceOf(Date);
    const missing = await apiError(hs.crm.owners.ownersApi.getById(1));
    expect(missing.code).toBe(404);
  });
});

describe("workflow callbacks", () => {
  it("records single and batch completions (204) on the token's portal", async () => {
    await hs.automation.actions.callbacksApi.complete("cb-1", {
      outputFields: { hs_execution_state: "SUCCESS", otp_result: "valid" },
    });
    await hs.automation.actions.callbacksApi.completeBatch({
      inputs: [
        { callbackId: "cb-2", outputFields: { hs_execution_state: "SUCCESS" } },
        { callbackId: "cb-3", outputFields: { hs_execution_state: "FAIL_CONTINUE" } },
      ],
    });
    expect(fake.requests.map((r) => r.status)).toEqual([204, 204]);
    expect(portal.completedCallbacks.map((c) => [c.callbackId, c.via])).toEqual([
      ["cb-1", "single"],
      ["cb-2", "batch"],
      ["cb-3", "batch"],
    ]);
    expect(portal.completedCallbacks[0]?.outputFields).toEqual({
      hs_execution_state: "SUCCESS",
      otp_result: "valid",
    });
    expect(fake.portal(202).completedCallbacks).toHaveLength(0);
  });
});
