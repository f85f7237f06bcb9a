import {
  Alert,
  Button,
  DescriptionListItem,
  Heading,
  LoadingButton,
  LoadingSpinner,
  Tag,
  Text,
} from "@hubspot/ui-extensions";
import { describe, expect, it, vi } from "vitest";
import type { ApiResult } from "../api.js";
import type { CardStatus } from "../wire.js";
import {
  activeCode,
  cardStatus,
  FIXTURE_NOW,
  fail,
  fakeApi,
  ok,
  shownCode,
} from "./card-fixtures.js";
import { renderCard } from "./render-card.js";

type Card = ReturnType<typeof renderCard>;

async function ready(card: Card) {
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
}

const item = (card: Card, label: string) =>
  card.find(DescriptionListItem, { label }).find(Text).text;

describe("the card on open", () => {
  it("shows a spinner while the status loads", async () => {
    const api = fakeApi({ cardStatus: new Promise<ApiResult<CardStatus>>(() => {}) });
    const card = renderCard(api);
    expect(card.findByTestId(LoadingSpinner, "loading").props.label).toBe(
      "Checking for an active code…",
    );
    // No DOM change to wait on: vitest's own waitFor polls.
    await vi.waitFor(() => expect(api.callsTo("cardStatus")).toEqual([[123]]));
    expect(card.findByTestId(LoadingSpinner, "loading")).toBeTruthy();
  });

  it("shows an active code at once with the Active OTP notice, and generates nothing", async () => {
    const api = fakeApi({ cardStatus: ok(shownCode()) });
    const card = renderCard(api);
    await ready(card);
    expect(card.findByTestId(Alert, "active-otp").props.title).toBe("Active OTP");
    expect(card.findByTestId(Heading, "otp-code").text).toBe("482913");
    expect(item(card, "Expires at")).toBe("Dec 1, 2026, 9:37 AM EST");
    expect(item(card, "Valid for")).toBe("10 minutes");
    expect(item(card, "Reference")).toBe("a***@example.com");
    expect(item(card, "Sent by")).toBe("E-mail");
    expect(item(card, "Attempts")).toBe("0 used, 3 remaining (of 3)");
    expect(card.maybeFind(DescriptionListItem, { label: "Stored in" })).toBeNull();
    // An active code offers Resend (e-mail on), never a Generate that would replace it.
    expect(card.findByTestId(Button, "resend").text).toBe("Resend Code");
    expect(card.maybeFindByTestId(LoadingButton, "generate")).toBeNull();
    expect(api.calls.map((c) => c.name)).toEqual(["cardStatus"]);
  });

  it("offers Generate OTP when there is no active code", async () => {
    const card = renderCard(fakeApi({ cardStatus: ok(cardStatus()) }));
    await ready(card);
    expect(card.findByTestId(Text, "no-active-code").text).toBe("This contact has no active code.");
    expect(card.findByTestId(LoadingButton, "generate").text).toBe("Generate OTP");
    expect(card.maybeFindByTestId(Alert, "active-otp")).toBeNull();
  });

  it("shows whether e-mail delivery and property storage are on", async () => {
    const on = renderCard(
      fakeApi({ cardStatus: ok(cardStatus({ emailEnabled: true, propertyStorageEnabled: true })) }),
    );
    await ready(on);
    expect(on.findByTestId(Tag, "email-delivery").text).toBe("E-mail delivery on");
    expect(on.findByTestId(Tag, "property-storage").text).toBe("Property storage on");
    const off = renderCard(
      fakeApi({ cardStatus: ok(cardStatus({ emailEnabled: false, recipientEmail: null })) }),
    );
    await ready(off);
    expect(off.findByTestId(Tag, "email-delivery").text).toBe("E-mail delivery off");
    expect(off.findByTestId(Tag, "property-storage").text).toBe("Property storage off");
  });

  it("names the property the code is stored in", async () => {
    const status = shownCode({
      propertyStorageEnabled: true,
      storage: "hash",
      codeSource: "property",
      active: activeCode({ storedIn: "otp_code" }),
    });
    const card = renderCard(fakeApi({ cardStatus: ok(status) }));
    await ready(card);
    expect(item(card, "Stored in")).toBe("otp_code");
    expect(card.findByTestId(Heading, "otp-code").text).toBe("482913");
  });

  it("writes the expiry in the portal's time zone and the user's locale", async () => {
    const answers = { cardStatus: ok(shownCode()) };
    const berlin = renderCard(fakeApi(answers), { timeZone: "Europe/Berlin" });
    const german = renderCard(fakeApi(answers), { timeZone: "Europe/Berlin", locale: "de-DE" });
    await ready(berlin);
    await ready(german);
    expect(berlin.findByTestId(Text, "expires-at").text).toBe("Dec 1, 2026, 3:37 PM GMT+1");
    expect(german.findByTestId(Text, "expires-at").text).toBe("1. Dez. 2026, 15:37 MEZ");
  });
});

describe("a code the card cannot show", () => {
  it("hash-only: the metadata and a plain sentence, never an empty box", async () => {
    const message =
      "For security, this app keeps only a fingerprint of each code, so the code cannot be shown again. Generate a new code if the contact needs one.";
    const status = cardStatus({
      active: activeCode(),
      codeUnavailable: { reason: "hash_only", message },
    });
    const card = renderCard(fakeApi({ cardStatus: ok(status) }));
    await ready(card);
    expect(card.maybeFindByTestId(Heading, "otp-code")).toBeNull();
    expect(card.findByTestId(Text, "code-unavailable").text).toBe(message);
    expect(item(card, "Expires at")).toBe("Dec 1, 2026, 9:37 AM EST");
    expect(card.maybeFindByTestId(Button, "reload-code")).toBeNull();
    expect(card.maybeFindByTestId(Button, "copy-code")).toBeNull();
  });

  it("property-empty: the server's sentence and a Reload that loads the status again", async () => {
    const message =
      'The copy of the code in the property "otp_code" is empty. It may still be being written: reload the card in a moment.';
    const empty = cardStatus({
      active: activeCode({ storedIn: "otp_code" }),
      propertyStorageEnabled: true,
      canShowCode: true,
      codeUnavailable: { reason: "property_empty", message },
    });
    const filled = shownCode({ propertyStorageEnabled: true, codeSource: "property" });
    const api = fakeApi({ cardStatus: [ok(empty), ok(filled)] });
    const card = renderCard(api);
    await ready(card);
    expect(card.findByTestId(Text, "code-unavailable").text).toBe(message);
    card.findByTestId(Button, "reload-code").trigger("onClick");
    await card.waitFor(() => expect(card.findByTestId(Heading, "otp-code").text).toBe("482913"));
    expect(api.callsTo("cardStatus")).toHaveLength(2);
  });

  it("says so even when the server gives no reason", async () => {
    const card = renderCard(fakeApi({ cardStatus: ok(cardStatus({ active: activeCode() })) }));
    await ready(card);
    expect(card.findByTestId(Text, "code-unavailable").text).toBe(
      "The code cannot be shown here. Generate a new code if the contact needs one.",
    );
  });
});

describe("states that stop a new code", () => {
  it("locked until a time: when, in the portal's time zone, and no buttons", async () => {
    const status = shownCode({ locked: true, lockedUntil: FIXTURE_NOW + 15 * 60_000 });
    const card = renderCard(fakeApi({ cardStatus: ok(status) }), { timeZone: "Europe/Berlin" });
    await ready(card);
    expect(card.findByTestId(Alert, "locked").text).toBe(
      "Too many wrong codes were entered. No new code can be generated until Dec 1, 2026, 3:45 PM GMT+1 (about 15 minutes).",
    );
    expect(card.maybeFindByTestId(Heading, "otp-code")).toBeNull();
    expect(card.maybeFindByTestId(Alert, "active-otp")).toBeNull();
    expect(card.maybeFindByTestId(Button, "resend")).toBeNull();
    expect(card.maybeFindByTestId(LoadingButton, "generate")).toBeNull();
    expect(card.findByTestId(Button, "retry").text).toBe("Reload");
  });

  it("locked until an admin unlocks", async () => {
    const api = fakeApi({ cardStatus: ok(cardStatus({ locked: true, lockedUntil: null })) });
    const card = renderCard(api);
    await ready(card);
    expect(card.findByTestId(Alert, "locked").text).toBe(
      "Too many wrong codes were entered. No new code can be generated until an admin unlocks the contact.",
    );
    expect(card.maybeFindByTestId(Text, "no-active-code")).toBeNull();
    card.findByTestId(Button, "retry").trigger("onClick");
    await card.waitFor(() => expect(api.callsTo("cardStatus")).toHaveLength(2));
  });

  it("throttled: when the next code is possible", async () => {
    const status = cardStatus({ nextSendAt: FIXTURE_NOW + 20 * 60_000 });
    const card = renderCard(fakeApi({ cardStatus: ok(status) }));
    await ready(card);
    expect(card.findByTestId(Text, "throttled").text).toBe(
      "This contact received a code a moment ago. The next code can be generated at Dec 1, 2026, 9:50 AM EST (about 20 minutes).",
    );
  });

  it("no e-mail address (e-mail on): says what to do, offers no send", async () => {
    const status = shownCode({ recipientEmail: null });
    const card = renderCard(fakeApi({ cardStatus: ok(status) }));
    await ready(card);
    expect(card.findByTestId(Alert, "no-email").props.title).toBe("No e-mail address");
    expect(card.maybeFindByTestId(Button, "resend")).toBeNull();
    expect(card.findByTestId(Button, "retry").text).toBe("Reload");
  });

  it("contact not found", async () => {
    const api = fakeApi({ cardStatus: fail("CONTACT_NOT_FOUND", 404) });
    const card = renderCard(api);
    await ready(card);
    expect(card.findByTestId(Alert, "not-found").props.title).toBe("Contact not found");
    expect(card.findByTestId(Button, "retry").text).toBe("Try again");
  });

  it("not a contact record: says where the card belongs and calls nothing", () => {
    const api = fakeApi({});
    const card = renderCard(api, { objectTypeId: "0-2" });
    expect(card.findByTestId(Alert, "not-contact").props.title).toBe("Contacts only");
    expect(api.calls).toEqual([]);
  });
});

describe("a failed load", () => {
  it("explains it and retries", async () => {
    const network = fail("NETWORK", 0, {
      message: "The otpkit server could not be reached. Check your connection and try again.",
    });
    const api = fakeApi({ cardStatus: [network, ok(shownCode())] });
    const card = renderCard(api);
    await ready(card);
    const alert = card.findByTestId(Alert, "load-failed");
    expect(alert.props.title).toBe("The card could not load");
    expect(alert.text).toBe(
      "The otpkit server could not be reached. Check your connection and try again.",
    );
    card.findByTestId(Button, "retry").trigger("onClick");
    await card.waitFor(() => expect(card.findByTestId(Heading, "otp-code").text).toBe("482913"));
    expect(api.callsTo("cardStatus")).toEqual([[123], [123]]);
  });
});
