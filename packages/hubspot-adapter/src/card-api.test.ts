// The card API end to end in small: signed hubspot.fetch calls, per-portal engines over otp-core's
// memory store, the real api-client against the fake HubSpot, a fake e-mail channel.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HUBSPOT_OTP_PURPOSE, hubspotSubject } from "./actions/subject.js";
import type { CardApi } from "./card-api.js";
import { createCardApi } from "./card-api.js";
import { OTPKIT_CODE_PROPERTY, OTPKIT_PROPERTY_GROUP } from "./crm-properties.js";
import type { World } from "./fetch-api.fixtures.js";
import {
  APP_ID,
  ORIGIN,
  OTHER_PORTAL,
  PORTAL,
  read,
  SECRET,
  startWorld,
} from "./fetch-api.fixtures.js";
import { signHubSpotRequest } from "./testing/sign.js";

let world: World;
let card: CardApi;
let stored: { contactId: string; property: string; code: string }[];
let contact: string;

beforeEach(async () => {
  world = await startWorld();
  stored = [];
  card = createCardApi({
    clientSecret: SECRET,
    appId: APP_ID,
    now: () => world.clock.now,
    engineFor: (portalId) => world.engines.engineFor(portalId),
    crmFor: world.crm,
    storeCode: (input) => {
      stored.push(input);
      world.writes(input.portalId).enqueue(input.contactId, { [input.property]: input.code });
    },
  });
  contact = world.fake.portal(PORTAL).addContact({
    properties: { email: "ana@example.com", firstname: "Ana", hs_language: "es" },
  });
});

afterEach(async () => {
  await world.close();
});

const status = (id = contact, portalId = PORTAL) =>
  card.status(world.call(`/hubspot/card/status?contactId=${id}`, { portalId })).then(read);
const post = (
  action: "generate" | "resend" | "regenerate",
  body: Record<string, unknown>,
  portalId = PORTAL,
) =>
  card[action](world.call(`/hubspot/card/${action}`, { method: "POST", body, portalId })).then(
    read,
  );
const EMAIL_ON = { email: { enabled: true } };
const later = (seconds: number) => {
  world.clock.now += seconds * 1000;
};

describe("GET status", () => {
  it("answers no active code, with what the portal does, for a fresh contact", async () => {
    const { status: code, body, headers } = await status();
    expect(code).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toMatchObject({
      contactId: contact,
      active: null,
      locked: false,
      lockedUntil: null,
      nextSendAt: null,
      emailEnabled: false,
      propertyStorageEnabled: false,
      storage: "hash",
      canShowCode: false,
      recipientEmail: null,
      now: world.clock.now,
    });
    expect(body).not.toHaveProperty("code");
    expect(body).not.toHaveProperty("codeUnavailable");
  });

  it("shows the metadata but not the code when the portal keeps only hashes", async () => {
    await world.save(EMAIL_ON);
    const generated = await post("generate", { contactId: contact, requestId: "req-hash-0001" });
    expect(generated.status).toBe(200);
    expect(world.email.sent).toHaveLength(1);
    const { body } = await status();
    expect(body.active).toMatchObject({
      codeId: generated.body.active.codeId,
      validForMinutes: 10,
      reference: "a***@example.com",
      storedIn: null,
      attemptsUsed: 0,
      attemptsRemaining: 3,
      channel: "email",
    });
    expect(body.active.expiresAt - body.active.issuedAt).toBe(10 * 60_000);
    expect(body.canShowCode).toBe(false);
    expect(body.code).toBeUndefined();
    expect(body.codeUnavailable.reason).toBe("hash_only");
    expect(body.codeUnavailable.message).toMatch(/cannot be shown again/);
    expect(body.recipientEmail).toBe("ana@example.com");
    expect(body.nextSendAt).toBe(world.clock.now + 30_000);
  });

  it("shows the active code again in encrypted mode", async () => {
    await world.save({ ...EMAIL_ON, storage: "encrypted" });
    const generated = await post("generate", { contactId: contact, requestId: "req-enc-0001" });
    const sent = world.email.lastCode("ana@example.com");
    expect(sent).toMatch(/^\d{6}$/);
    expect(generated.body.code).toBe(sent);
    const { body } = await status();
    expect(body).toMatchObject({
      canShowCode: true,
      storage: "encrypted",
      code: sent,
      codeSource: "engine",
    });
  });

  it("reads the code from the contact property when property storage is on", async () => {
    await world.crm(PORTAL).ensurePropertyGroup(OTPKIT_PROPERTY_GROUP);
    await world.crm(PORTAL).ensureProperties([OTPKIT_CODE_PROPERTY]);
    await world.save({ propertyStorage: { enabled: true, property: "otpkit_code" } });
    const generated = await post("regenerate", { contactId: contact, requestId: "req-prop-0001" });
    expect(generated.status).toBe(200);
    const code = generated.body.code;
    expect(code).toMatch(/^\d{6}$/);
    expect(generated.body.active.storedIn).toBe("otpkit_code");
    expect(stored).toEqual([
      expect.objectContaining({ contactId: contact, property: "otpkit_code", code }),
    ]);
    await world.writes(PORTAL).flush();
    expect(world.fake.portal(PORTAL).contact(contact)?.["otpkit_code"]).toBe(code);
    const { body } = await status();
    expect(body).toMatchObject({
      canShowCode: true,
      propertyStorageEnabled: true,
      code,
      codeSource: "property",
    });
    expect(body.active.storedIn).toBe("otpkit_code");
  });

  it("says when the property copy is empty rather than showing an empty box", async () => {
    await world.crm(PORTAL).ensurePropertyGroup(OTPKIT_PROPERTY_GROUP);
    await world.crm(PORTAL).ensureProperties([OTPKIT_CODE_PROPERTY]);
    await world.save({ propertyStorage: { enabled: true, property: "otpkit_code" } });
    await post("regenerate", { contactId: contact, requestId: "req-prop-0002" });
    // The queue has not written yet.
    const { body } = await status();
    expect(body.code).toBeUndefined();
    expect(body.codeUnavailable.reason).toBe("property_empty");
  });

  it("reports a lock, and refuses to generate while it lasts (423)", async () => {
    const { otp } = await world.engines.engineFor(PORTAL);
    const subject = hubspotSubject({ portalId: PORTAL, objectType: "contact", objectId: contact });
    // Three wrong guesses end the first code, two more reach the budget of five: locked.
    for (const guesses of [3, 2]) {
      const issued = await otp.issue({ subject, purpose: HUBSPOT_OTP_PURPOSE, deliver: false });
      const wrong = issued.status === "issued" && issued.code === "000000" ? "111111" : "000000";
      for (let i = 0; i < guesses; i++) {
        await otp.verify({ subject, purpose: HUBSPOT_OTP_PURPOSE, code: wrong });
      }
      later(31);
    }
    const { body } = await status();
    expect(body.locked).toBe(true);
    expect(body.lockedUntil).toBeGreaterThan(world.clock.now);
    const refused = await post("regenerate", { contactId: contact, requestId: "req-lock-0001" });
    expect(refused.status).toBe(423);
    expect(refused.body).toMatchObject({ outcome: "locked", lockedUntil: body.lockedUntil });
    expect(refused.body.retryAfter).toBe(Math.ceil((body.lockedUntil - world.clock.now) / 1000));
    expect(refused.headers.get("retry-after")).toBe(String(refused.body.retryAfter));
  });

  it("answers 404 for a contact the portal does not have", async () => {
    await world.save(EMAIL_ON);
    const { status: code, body } = await status("999999");
    expect(code).toBe(404);
    expect(body.error.code).toBe("CONTACT_NOT_FOUND");
  });
});

describe("POST generate / resend / regenerate", () => {
  it("generates without e-mail when e-mail is off, and shows the code to the agent who asked", async () => {
    const { status: code, body } = await post("generate", {
      contactId: contact,
      requestId: "req-gen-0001",
    });
    expect(code).toBe(200);
    expect(body).toMatchObject({ outcome: "generated", replayed: false, codeSource: "generated" });
    expect(body.code).toMatch(/^\d{6}$/);
    expect(body.active.channel).toBe("none");
    expect(body.active.reference).toBe("a***@example.com"); // not sent: the contact's address
    expect(world.email.sent).toHaveLength(0);
  });

  it("e-mails the code in the contact's language when e-mail is on", async () => {
    await world.save(EMAIL_ON);
    const { body } = await post("generate", { contactId: contact, requestId: "req-gen-0002" });
    expect(body.outcome).toBe("generated");
    expect(body.code).toBeUndefined();
    expect(body.codeUnavailable.reason).toBe("hash_only");
    expect(world.email.last()).toMatchObject({ to: "ana@example.com", locale: "es", kind: "code" });
  });

  it("replays a retried request: one code, one e-mail, the same answer", async () => {
    await world.save(EMAIL_ON);
    const first = await post("generate", { contactId: contact, requestId: "req-same-0001" });
    const again = await post("generate", { contactId: contact, requestId: "req-same-0001" });
    expect(again.status).toBe(200);
    expect(again.body.replayed).toBe(true);
    expect(again.body.active.codeId).toBe(first.body.active.codeId);
    expect(world.email.sent).toHaveLength(1);

    later(31);
    const body = {
      contactId: contact,
      requestId: "req-resend-01",
      confirmedEmail: "Ana@Example.com",
    };
    const resent = await post("resend", body);
    const resentAgain = await post("resend", body);
    expect(resent.status).toBe(200);
    expect(resent.body.active.codeId).not.toBe(first.body.active.codeId);
    expect(resentAgain.body).toMatchObject({
      replayed: true,
      active: { codeId: resent.body.active.codeId },
    });
    expect(world.email.sent).toHaveLength(2);
  });

  it("replays Regenerate without a second code; in hash mode the code is not shown twice", async () => {
    const first = await post("regenerate", { contactId: contact, requestId: "req-regen-001" });
    const again = await post("regenerate", { contactId: contact, requestId: "req-regen-001" });
    expect(first.body.code).toMatch(/^\d{6}$/);
    expect(again.body).toMatchObject({ outcome: "generated", replayed: true });
    expect(again.body.active.codeId).toBe(first.body.active.codeId);
    expect(again.body.code).toBeUndefined();
    expect(again.body.codeUnavailable.reason).toBe("replayed");
  });

  it("replays Regenerate with the code in encrypted mode", async () => {
    await world.save({ storage: "encrypted" });
    const first = await post("regenerate", { contactId: contact, requestId: "req-regen-002" });
    const again = await post("regenerate", { contactId: contact, requestId: "req-regen-002" });
    expect(again.body.replayed).toBe(true);
    expect(again.body.code).toBe(first.body.code);
  });

  it("refuses a requestId reused for another request", async () => {
    await world.save(EMAIL_ON);
    await post("generate", { contactId: contact, requestId: "req-reuse-001" });
    await world.save({});
    const { status: code, body } = await post("regenerate", {
      contactId: contact,
      requestId: "req-reuse-001",
    });
    expect(code).toBe(409);
    expect(body.error.code).toBe("REQUEST_ID_REUSED");
  });

  it("answers a throttled generate with 409 and when to try again", async () => {
    await post("regenerate", { contactId: contact, requestId: "req-thr-0001" });
    later(10);
    const {
      status: code,
      body,
      headers,
    } = await post("regenerate", {
      contactId: contact,
      requestId: "req-thr-0002",
    });
    expect(code).toBe(409);
    expect(body).toEqual({
      outcome: "throttled",
      reason: "cooldown",
      retryAfter: 20,
      nextSendAt: world.clock.now + 20_000,
      replayed: false,
    });
    expect(headers.get("retry-after")).toBe("20");
  });

  it("answers a destination over its send quota as the send cap the card knows", async () => {
    await world.save(EMAIL_ON);
    // Eleven contacts sharing one inbox: otp-core sends it at most 10 codes an hour.
    const shared = Array.from({ length: 11 }, () =>
      world.fake.portal(PORTAL).addContact({ properties: { email: "team@example.com" } }),
    );
    const answers = [];
    for (const [i, id] of shared.entries()) {
      answers.push(await post("generate", { contactId: id, requestId: `req-quota-${100 + i}` }));
    }
    expect(answers.slice(0, 10).every((a) => a.body.outcome === "generated")).toBe(true);
    expect(answers[10]).toMatchObject({
      status: 409,
      body: { outcome: "throttled", reason: "max_sends", retryAfter: 3600 },
    });
  });

  it("resends only to the address the confirmation showed", async () => {
    await world.save(EMAIL_ON);
    const missing = await post("resend", { contactId: contact, requestId: "req-conf-0001" });
    expect(missing.status).toBe(400);
    expect(missing.body.fieldErrors).toHaveProperty("confirmedEmail");
    const changed = await post("resend", {
      contactId: contact,
      requestId: "req-conf-0002",
      confirmedEmail: "old@example.com",
    });
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({
      error: { code: "RECIPIENT_CHANGED" },
      recipientEmail: "ana@example.com",
    });
    expect(world.email.sent).toHaveLength(0);
  });

  it("offers Resend only with e-mail on and Regenerate only with e-mail off", async () => {
    const resend = await post("resend", {
      contactId: contact,
      requestId: "req-mode-0001",
      confirmedEmail: "ana@example.com",
    });
    expect(resend.status).toBe(409);
    expect(resend.body.error.code).toBe("EMAIL_DISABLED");
    await world.save(EMAIL_ON);
    const regenerate = await post("regenerate", { contactId: contact, requestId: "req-mode-0002" });
    expect(regenerate.status).toBe(409);
    expect(regenerate.body.error.code).toBe("EMAIL_ENABLED");
    expect(world.email.sent).toHaveLength(0);
  });

  it("answers 422 when e-mail is on and the contact has no address", async () => {
    await world.save(EMAIL_ON);
    const bare = world.fake.portal(PORTAL).addContact({ properties: { firstname: "Bo" } });
    const { status: code, body } = await post("generate", {
      contactId: bare,
      requestId: "req-noaddr-01",
    });
    expect(code).toBe(422);
    expect(body.error.code).toBe("CONTACT_NO_EMAIL");
  });
});

describe("identity and bad input", () => {
  it("takes the portal from the signed query only: a portalId in the body changes nothing", async () => {
    const { body } = await post("regenerate", {
      contactId: contact,
      requestId: "req-ident-001",
      portalId: OTHER_PORTAL,
    });
    expect(body.outcome).toBe("generated");
    const { otp } = await world.engines.engineFor(OTHER_PORTAL);
    const there = await otp.lookup({
      subject: hubspotSubject({ portalId: OTHER_PORTAL, objectType: "contact", objectId: contact }),
      purpose: HUBSPOT_OTP_PURPOSE,
    });
    expect(there.active).toBeNull();
    // Seen from the other portal, the same contact id is another contact: no code.
    world.fake
      .portal(OTHER_PORTAL)
      .addContact({ id: contact, properties: { email: "x@example.com" } });
    expect((await status(contact, OTHER_PORTAL)).body.active).toBeNull();
    expect((await status(contact, PORTAL)).body.active.codeId).toBe(body.active.codeId);
  });

  it("refuses a second portalId in the query (400)", async () => {
    const request = world.call(
      `/hubspot/card/status?contactId=${contact}&portalId=${OTHER_PORTAL}`,
    );
    const { status: code, body } = await read(await card.status(request));
    expect(code).toBe(400);
    expect(body.error.code).toBe("IDENTITY_AMBIGUOUS");
  });

  it("answers 401 for a bad signature, 403 without identity or for another app", async () => {
    const tampered = world.call(`/hubspot/card/generate`, {
      method: "POST",
      body: { contactId: contact, requestId: "req-sig-00001" },
    });
    const forged = new Request(tampered.url, {
      method: "POST",
      headers: tampered.headers,
      body: JSON.stringify({ contactId: "1", requestId: "req-sig-00001" }),
    });
    expect((await read(await card.generate(forged))).status).toBe(401);

    const url = `${ORIGIN}/hubspot/card/status?contactId=${contact}`;
    const headers = signHubSpotRequest({
      method: "GET",
      url,
      clientSecret: SECRET,
      timestamp: world.clock.now,
    });
    const anonymous = await read(await card.status(new Request(url, { headers })));
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.error.code).toBe("IDENTITY_MISSING");

    const v2only = world.call(`/hubspot/card/status?contactId=${contact}`, { versions: ["v2"] });
    expect((await card.status(v2only)).status).toBe(401);

    const other = createCardApi({
      clientSecret: SECRET,
      appId: APP_ID + 1,
      now: () => world.clock.now,
      engineFor: (portalId) => world.engines.engineFor(portalId),
      crmFor: world.crm,
      storeCode: () => undefined,
    });
    const foreign = await other.status(world.call(`/hubspot/card/status?contactId=${contact}`));
    expect(foreign.status).toBe(403);
  });

  it("answers bad input with 400 and the field, never 5xx", async () => {
    const cases: [Promise<Response>, string][] = [
      [card.status(world.call("/hubspot/card/status")), "contactId"],
      [card.status(world.call("/hubspot/card/status?contactId=abc")), "contactId"],
      [
        card.generate(world.call("/hubspot/card/generate", { method: "POST", body: {} })),
        "contactId",
      ],
      [
        card.generate(
          world.call("/hubspot/card/generate", { method: "POST", body: { contactId: contact } }),
        ),
        "requestId",
      ],
      [
        card.generate(
          world.call("/hubspot/card/generate", {
            method: "POST",
            body: { contactId: contact, requestId: "short" },
          }),
        ),
        "requestId",
      ],
    ];
    for (const [pending, field] of cases) {
      const { status: code, body } = await read(await pending);
      expect(code).toBe(400);
      expect(body.error.code).toBe("BAD_REQUEST");
      expect(body.fieldErrors).toHaveProperty(field);
    }
    const notJson = world.callRaw("/hubspot/card/generate", "POST", "{not json");
    expect((await read(await card.generate(notJson))).body.error.code).toBe("BAD_REQUEST");
    const wrongMethod = await card.generate(
      world.call(`/hubspot/card/status?contactId=${contact}`),
    );
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    // A numeric contact id, as `context.crm.objectId` is, is accepted.
    const numeric = await post("regenerate", {
      contactId: Number(contact),
      requestId: "req-num-00001",
    });
    expect(numeric.status).toBe(200);
  });
});
