// The settings API: signed hubspot.fetch calls, the memory storage, the real api-client against
// the fake HubSpot (property picker, creating the code property) and the e-mail renderer.
import {
  PropertyCreateFieldTypeEnum as FieldType,
  PropertyCreateTypeEnum as PropertyType,
} from "@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OTPKIT_PROPERTY_GROUP } from "./crm-properties.js";
import { sampleCode } from "./email-template.js";
import type { World } from "./fetch-api.fixtures.js";
import { OTHER_PORTAL, PORTAL, read, settingsApiFor, startWorld } from "./fetch-api.fixtures.js";
import { DEFAULT_PORTAL_SETTINGS, parsePortalSettings } from "./settings.js";
import type { SettingsApi } from "./settings-api.js";

let world: World;
let api: SettingsApi;
let changes: number[];

beforeEach(async () => {
  world = await startWorld();
  changes = [];
  api = settingsApiFor(world, changes, { productName: "Acme" });
});

afterEach(async () => {
  await world.close();
});

const get = (portalId = PORTAL) =>
  api.get(world.call("/hubspot/settings", { portalId })).then(read);
const put = (body: Record<string, unknown>, portalId = PORTAL) =>
  api.put(world.call("/hubspot/settings", { method: "PUT", body, portalId })).then(read);
const properties = (query = "") =>
  api.properties(world.call(`/hubspot/settings/properties${query}`)).then(read);
const preview = (body: Record<string, unknown>) =>
  api.preview(world.call("/hubspot/settings/preview", { method: "POST", body })).then(read);
const propertyCalls = () =>
  world.fake.requests.filter((r) => r.method === "GET" && r.path === "/crm/v3/properties/contacts")
    .length;

describe("GET / PUT settings", () => {
  it("answers the defaults and the page's choices when the portal never saved any", async () => {
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body.saved).toBe(false);
    expect(body.settings).toEqual(JSON.parse(JSON.stringify(DEFAULT_PORTAL_SETTINGS)));
    expect(body.choices).toEqual({
      codeTypes: ["numeric", "alphanumeric", "alpha"],
      codeLengths: [4, 6, 8],
      expiryMinutes: [5, 10, 15, 30, 60],
    });
    expect(body).not.toHaveProperty("fieldErrors");
  });

  it("answers 422 with an error per field, and saves nothing", async () => {
    const { status, body } = await put({
      code: { length: 5 },
      maxAttempts: 0,
      defaultCountry: "XX",
      email: { enabled: "yes", template: { subject: "" } },
      storage: "plain",
    });
    expect(status).toBe(422);
    expect(body.error.code).toBe("SETTINGS_INVALID");
    expect(Object.keys(body.fieldErrors).sort()).toEqual([
      "code.length",
      "defaultCountry",
      "email.enabled",
      "email.template.subject",
      "maxAttempts",
      "storage",
    ]);
    expect(body.fieldErrors["code.length"]).toMatch(/4, 6 or 8/);
    expect(await world.storage.getSettings(PORTAL)).toBeNull();
    expect(changes).toEqual([]);
  });

  it("reports the cross-field rules at their field (expiry over 10 minutes, a weak code)", async () => {
    const long = await put({ expiryMinutes: 30 });
    expect(long.status).toBe(422);
    expect(long.body.fieldErrors.expiryMinutes).toMatch(/10 minutes/);
    const weak = await put({ code: { type: "numeric", length: 4 } });
    expect(weak.body.fieldErrors["code.length"]).toMatch(/too easy to guess/);
  });

  it("saves valid settings, calls onSettingsChanged, and the portal's engine uses them", async () => {
    const { status, body } = await put({
      code: { type: "alphanumeric", length: 8 },
      email: { enabled: true, template: { subject: "Your {expiry_minutes}-minute code" } },
      storage: "encrypted",
    });
    expect(status).toBe(200);
    expect(body.settings.code).toEqual({ type: "alphanumeric", length: 8, allowWeak: false });
    expect(changes).toEqual([PORTAL]);
    const saved = parsePortalSettings(JSON.parse((await world.storage.getSettings(PORTAL)) ?? ""));
    expect(saved.ok && saved.settings).toEqual(body.settings);
    expect((await get()).body).toMatchObject({ saved: true, settings: body.settings });
    const { otp } = await world.engines.engineFor(PORTAL);
    expect(otp.policy).toMatchObject({ alphabet: "alphanumeric", length: 8 });
  });

  it("refuses texts the e-mail renderer could not send", async () => {
    const { status, body } = await put({ email: { template: { body: "Your code {{ here" } } });
    expect(status).toBe(422);
    expect(body.fieldErrors).toEqual({ "email.template.body": expect.stringMatching(/\{\{/) });
  });

  it("shows saved settings that no longer validate with what to fix", async () => {
    await world.save({ maxAttempts: 500 });
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body.settings).toEqual({ maxAttempts: 500 });
    expect(Object.keys(body.fieldErrors)).toEqual(["maxAttempts"]);
  });

  it("keeps each portal's settings apart: the portal comes from the signed query only", async () => {
    // A portalId in the body is not a setting: refused (400), saved nowhere.
    const smuggled = await put({ portalId: OTHER_PORTAL, maxAttempts: 5 });
    expect(smuggled.status).toBe(400);
    expect(await world.storage.getSettings(PORTAL)).toBeNull();
    expect(await world.storage.getSettings(OTHER_PORTAL)).toBeNull();
    expect((await put({ maxAttempts: 5 })).status).toBe(200);
    expect(await world.storage.getSettings(OTHER_PORTAL)).toBeNull();
    expect((await get(PORTAL)).body.settings.maxAttempts).toBe(5);
    expect((await get(OTHER_PORTAL)).body.saved).toBe(false);
  });

  it("answers 400 for a body that is not JSON, 401 for a bad signature", async () => {
    const request = world.call("/hubspot/settings", { method: "PUT", body: {} });
    const forged = new Request(request.url, { method: "PUT", headers: request.headers, body: "{" });
    expect((await api.put(forged)).status).toBe(401);
    const notJson = await read(await api.put(world.callRaw("/hubspot/settings", "PUT", "{")));
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("BAD_REQUEST");
    const wrong = await api.put(world.call("/hubspot/settings"));
    expect(wrong.status).toBe(405);
  });
});

describe("code property", () => {
  it("lists only writable string and phone-number contact properties", async () => {
    const crm = world.crm(PORTAL);
    await crm.ensurePropertyGroup(OTPKIT_PROPERTY_GROUP);
    const own = { groupName: OTPKIT_PROPERTY_GROUP.name, formField: false, hasUniqueValue: false };
    await crm.ensureProperties([
      {
        ...own,
        name: "otp_code",
        label: "OTP code",
        type: PropertyType.String,
        fieldType: FieldType.Text,
      },
      {
        ...own,
        name: "score",
        label: "Score",
        type: PropertyType.Number,
        fieldType: FieldType.Number,
      },
      {
        ...own,
        name: "when",
        label: "When",
        type: PropertyType.Datetime,
        fieldType: FieldType.Date,
      },
    ]);
    const { status, body } = await properties();
    expect(status).toBe(200);
    const names = body.properties.map((p: { name: string }) => p.name);
    expect(names).toContain("otp_code");
    expect(names).toContain("phone");
    expect(names).toContain("email");
    for (const excluded of [
      "score",
      "when",
      "hubspot_owner_id",
      "lifecyclestage",
      "createdate",
      "hs_object_id",
    ]) {
      expect(names).not.toContain(excluded);
    }
    for (const p of body.properties) expect(["string", "phone_number"]).toContain(p.type);
    expect(body.appProperty).toEqual({
      name: "otpkit_code",
      label: "OTP code (temporary copy)",
      exists: false,
    });
    expect(body.fetchedAt).toBe(world.clock.now);
  });

  it("reuses the list for a short while; ?refresh=1 asks HubSpot again (Sync properties)", async () => {
    await properties();
    await properties();
    expect(propertyCalls()).toBe(1);
    await world.crm(PORTAL).ensurePropertyGroup(OTPKIT_PROPERTY_GROUP);
    await world.crm(PORTAL).ensureProperties([
      {
        groupName: OTPKIT_PROPERTY_GROUP.name,
        name: "fresh_code",
        label: "Fresh code",
        type: PropertyType.String,
        fieldType: FieldType.Text,
      },
    ]);
    const callsBefore = propertyCalls();
    const cached = await properties();
    expect(propertyCalls()).toBe(callsBefore);
    expect(cached.body.properties.map((p: { name: string }) => p.name)).not.toContain("fresh_code");
    const synced = await properties("?refresh=1");
    expect(propertyCalls()).toBe(callsBefore + 1);
    expect(synced.body.properties.map((p: { name: string }) => p.name)).toContain("fresh_code");
  });

  it("creates the app's own code property when it is chosen, and refuses a missing one", async () => {
    const missing = await put({ propertyStorage: { enabled: true, property: "no_such_property" } });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.fieldErrors)).toEqual(["propertyStorage.property"]);
    const hubspots = await put({ propertyStorage: { enabled: true, property: "hs_lead_status" } });
    expect(hubspots.body.fieldErrors["propertyStorage.property"]).toMatch(/HubSpot's own/);

    const own = await put({ propertyStorage: { enabled: true, property: "otpkit_code" } });
    expect(own.status).toBe(200);
    expect(world.fake.portal(PORTAL).property("otpkit_code")).toMatchObject({ type: "string" });
    expect((await properties()).body.appProperty.exists).toBe(true);
  });
});

describe("POST preview", () => {
  it("renders the draft texts with a sample code of the draft's shape", async () => {
    const { status, body } = await preview({
      code: { type: "alpha", length: 8 },
      expiryMinutes: 5,
      email: {
        template: { subject: "Code for {expiry_minutes} min", body: "Use this code at ACME:" },
      },
    });
    expect(status).toBe(200);
    expect(body.sampleCode).toBe(sampleCode("alpha", 8));
    expect(body.sampleCode).toMatch(/^[A-Z]{8}$/);
    expect(body.subject).toBe("Code for 5 min");
    expect(body.text).toContain(`Use this code at ACME:\n\n${body.sampleCode}`);
    expect(body.text).toContain("This code will expire in 5 minutes.");
    expect(body.html).toContain(body.sampleCode);
    expect(body.locale).toBe("en");
  });

  it("fills what the draft leaves out from the saved settings", async () => {
    await put({ email: { template: { greeting: "Hi from Acme," } } });
    const { body } = await preview({});
    expect(body.text.startsWith("Hi from Acme,\n\nYour one-time verification code is:")).toBe(true);
    expect(body.sampleCode).toMatch(/^\d{6}$/);
  });

  it("previews another language: the built-in templates of that language", async () => {
    const { body } = await preview({ locale: "es" });
    expect(body.locale).toBe("es");
    expect(body.subject).toBe("Tu código de verificación de Acme");
    expect(body.text).toContain(body.sampleCode);
  });

  it("previews a language with the portal's texts for it over the built-in e-mail", async () => {
    await put({ email: { translations: { de: { subject: "Ihr Acme-Code" } } } });
    const saved = await preview({ locale: "de-AT" });
    expect(saved.body).toMatchObject({ locale: "de-AT", subject: "Ihr Acme-Code" });
    expect(saved.body.text).toContain("Hier ist der Bestätigungscode, den Sie angefordert haben:");
    // A draft's language replaces the saved texts of that language only.
    const draft = await preview({
      locale: "fr",
      email: { translations: { fr: { body: "Votre code Acme :" } } },
    });
    expect(draft.body.text).toContain(`Votre code Acme :\n\n${draft.body.sampleCode}`);
    expect((await preview({ locale: "de" })).body.subject).toBe("Ihr Acme-Code");
    // English (and a language otpkit has no e-mail for) keeps the portal's e-mail texts.
    expect((await preview({ locale: "kl" })).body.subject).toBe("Your Verification Code");
    // Right to left where the language is written so.
    expect((await preview({ locale: "ar" })).body.html).toContain('<html lang="ar" dir="rtl">');
  });

  it("refuses to save texts for a language otpkit cannot complete, naming the field", async () => {
    const { status, body } = await put({ email: { translations: { kl: { subject: "Kode" } } } });
    expect(status).toBe(422);
    expect(body.fieldErrors).toEqual({
      "email.translations.kl.body": expect.stringMatching(/no e-mail in "kl"/),
    });
    const complete = await put({
      email: { translations: { kl: { subject: "Kode", body: "Kodeqarfik:" } } },
    });
    expect(complete.status).toBe(200);
    expect((await preview({ locale: "kl" })).body.text).toContain("Kodeqarfik:");
  });

  it("answers 422 with the field for a draft that does not validate", async () => {
    const empty = await preview({ email: { template: { subject: "" } } });
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.fieldErrors)).toEqual(["email.template.subject"]);
    const braces = await preview({ email: { template: { footer: "}} bye" } } });
    expect(braces.body.fieldErrors).toHaveProperty(["email.template.footer"]);
    const locale = await preview({ locale: "not a language" });
    expect(locale.status).toBe(400);
  });
});
