// The settings API and keys the schema does not know: a PUT (or a preview) naming one is refused
// with 400 and the key's dotted path, and nothing is saved; saved settings holding one (written
// by another version) still load, without it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { World } from "./fetch-api.fixtures.js";
import { PORTAL, read, settingsApiFor, startWorld } from "./fetch-api.fixtures.js";
import type { SettingsApi } from "./settings-api.js";

let world: World;
let api: SettingsApi;
let changes: number[];

beforeEach(async () => {
  world = await startWorld();
  changes = [];
  api = settingsApiFor(world, changes);
});

afterEach(async () => {
  await world.close();
});

const get = () => api.get(world.call("/hubspot/settings")).then(read);
const put = (body: Record<string, unknown>) =>
  api.put(world.call("/hubspot/settings", { method: "PUT", body })).then(read);
const preview = (body: Record<string, unknown>) =>
  api.preview(world.call("/hubspot/settings/preview", { method: "POST", body })).then(read);
const stored = () => world.storage.getSettings(PORTAL);

describe("PUT with a key the settings do not have", () => {
  let before: string | null;
  beforeEach(async () => {
    expect((await put({ maxAttempts: 5, email: { enabled: true } })).status).toBe(200);
    before = await stored();
    changes = [];
  });

  it("refuses an unknown top-level key with 400 naming it, and saves nothing", async () => {
    const { status, body } = await put({ maxAttempts: 4, expiryMinute: 5 });
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "BAD_REQUEST", message: "Unknown settings: expiryMinute" });
    expect(body.fieldErrors).toEqual({
      expiryMinute: expect.stringMatching(
        /^Unknown setting "expiryMinute": the settings are .*\bexpiryMinutes\b/,
      ),
    });
    expect(await stored()).toBe(before);
    expect(changes).toEqual([]);
  });

  it.each<[Record<string, unknown>, string, RegExp]>([
    [{ code: { length: 8, lenght: 8 } }, "code.lenght", /"code" takes type, length and allowWeak/],
    [{ lockout: { maxFailure: 3 } }, "lockout.maxFailure", /maxFailures and durationMinutes/],
    [{ email: { enabled: false, on: true } }, "email.on", /enabled, template and translations/],
    [{ email: { template: { subjet: "Hi" } } }, "email.template.subjet", /subject, greeting/],
    [{ whatsapp: { template: {} } }, "whatsapp.template", /enabled and templates/],
    [{ whatsapp: { templates: { otp: "acme" } } }, "whatsapp.templates.otp", /code, retry/],
    [{ propertyStorage: { name: "x" } }, "propertyStorage.name", /enabled and property/],
    [
      { email: { translations: { de: { subject: "Ihr Code", title: "x" } } } },
      "email.translations.de.title",
      /Unknown text "title": a language's texts are subject/,
    ],
  ])("refuses the nested unknown key in %j with 400 at %s", async (input, path, message) => {
    const { status, body } = await put(input);
    expect(status).toBe(400);
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toBe(`Unknown settings: ${path}`);
    expect(Object.keys(body.fieldErrors)).toEqual([path]);
    expect(body.fieldErrors[path]).toMatch(message);
    expect(await stored()).toBe(before);
    expect(changes).toEqual([]);
  });

  it("names every unknown key, and the other fields' problems with them", async () => {
    const { status, body } = await put({ extra: 1, code: { lenght: 8, type: "hex" } });
    expect(status).toBe(400);
    expect(body.error.message).toBe("Unknown settings: code.lenght, extra");
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["code.lenght", "code.type", "extra"]);
    expect(await stored()).toBe(before);
  });

  it("refuses a portalId in the body: the portal comes from the signed query only", async () => {
    const { status, body } = await put({ portalId: 202, maxAttempts: 6 });
    expect(status).toBe(400);
    expect(Object.keys(body.fieldErrors)).toEqual(["portalId"]);
    expect(await stored()).toBe(before);
    expect(await world.storage.getSettings(202)).toBeNull();
  });
});

describe("preview with a key the settings do not have", () => {
  it("refuses it with 400 naming it, as a save would", async () => {
    const top = await preview({ locale: "de", expiryMinute: 5 });
    expect(top.status).toBe(400);
    expect(Object.keys(top.body.fieldErrors)).toEqual(["expiryMinute"]);
    const nested = await preview({ email: { template: { subjet: "Hi" } } });
    expect(nested.status).toBe(400);
    expect(Object.keys(nested.body.fieldErrors)).toEqual(["email.template.subjet"]);
    expect((await preview({ locale: "de", code: { length: 8 } })).status).toBe(200);
  });
});

describe("saved settings with a key this version does not have", () => {
  it("load without it, and the portal's engine uses them", async () => {
    await world.save({ maxAttempts: 7, retired: true, code: { length: 8, legacy: 1 } });
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body).not.toHaveProperty("fieldErrors");
    expect(body.settings).not.toHaveProperty("retired");
    expect(body.settings.code).toEqual({ type: "numeric", length: 8, allowWeak: false });
    expect(body.settings.maxAttempts).toBe(7);
    const { otp } = await world.engines.engineFor(PORTAL);
    expect(otp.policy).toMatchObject({ length: 8 });
  });

  it("that no longer validate are shown without it, so the page can send them back fixed", async () => {
    await world.save({ maxAttempts: 500, retired: true, email: { template: { old: "x" } } });
    const shown = await get();
    expect(shown.body.settings).toEqual({ maxAttempts: 500, email: { template: {} } });
    expect(Object.keys(shown.body.fieldErrors)).toEqual(["maxAttempts"]);
    const fixed = await put({ ...shown.body.settings, maxAttempts: 5 });
    expect(fixed.status).toBe(200);
    expect(JSON.parse((await stored()) ?? "")).not.toHaveProperty("retired");
  });
});
