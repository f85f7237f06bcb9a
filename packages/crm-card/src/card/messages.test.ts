import { describe, expect, it } from "vitest";
import { fail } from "./card-fixtures.js";
import { failureMessage, isUnanswered, lockedMessage, throttledMessage } from "./messages.js";

const NOW = Date.UTC(2026, 11, 1, 14, 30);
const NY = { timeZone: "America/New_York", locale: "en-US" };

describe("failureMessage", () => {
  it("names the button that failed and what to do", () => {
    expect(failureMessage(fail("DELIVERY_FAILED", 502), "generate")).toEqual({
      title: "The code was not generated",
      message:
        "The e-mail with the code could not be sent, so no new code is active. Try again in a moment.",
    });
    expect(failureMessage(fail("STORE_UNAVAILABLE", 503), "resend").title).toBe(
      "The code was not resent",
    );
    expect(failureMessage(fail("HUBSPOT_UNAVAILABLE", 503), "regenerate").title).toBe(
      "The code was not regenerated",
    );
  });

  it("says when the outcome is unknown, and that the card looked again", () => {
    const network = fail("NETWORK", 0, { message: "The otpkit server could not be reached." });
    expect(failureMessage(network, "generate")).toEqual({
      title: "No answer from the otpkit server",
      message:
        "The otpkit server could not be reached. The card has been reloaded: a code made by this click is shown.",
    });
    expect(isUnanswered(fail("BAD_ANSWER", 502))).toBe(true);
    expect(isUnanswered(fail("DELIVERY_FAILED", 502))).toBe(false);
  });

  it("titles a loading failure as such", () => {
    expect(failureMessage(fail("NETWORK", 0, { message: "Unreachable." })).title).toBe(
      "The card could not load",
    );
  });

  it("has a sentence of its own for each error an agent can act on", () => {
    for (const code of [
      "CONTACT_NO_EMAIL",
      "CONTACT_EMAIL_INVALID",
      "EMAIL_UNAVAILABLE",
      "SETTINGS_UNREADABLE",
      "SIGNATURE_INVALID",
      "IDENTITY_MISSING",
      "HUBSPOT_REJECTED",
      "REQUEST_IN_PROGRESS",
      "REQUEST_ID_REUSED",
      "EMAIL_DISABLED",
      "EMAIL_ENABLED",
    ]) {
      const { message } = failureMessage(fail(code, 409), "generate");
      expect(message, code).not.toContain("from the fixture");
      expect(message, code).toMatch(/\.$/);
    }
  });

  it("shows the server's own sentence for other codes, ending in a full stop", () => {
    expect(failureMessage({ ok: false, status: 0, code: "NETWORK", message: "No answer" })).toEqual(
      { title: "The card could not load", message: "No answer." },
    );
    expect(failureMessage({ ok: false, status: 500, code: "X", message: " " }).message).toMatch(
      /^Try again\. /,
    );
  });
});

describe("lockedMessage", () => {
  it("says until when, in the portal's time zone", () => {
    const until = NOW + 15 * 60_000;
    expect(lockedMessage(until, NOW, NY)).toEqual({
      title: "Contact locked",
      message:
        "Too many wrong codes were entered. No new code can be generated until Dec 1, 2026, 9:45 AM EST (about 15 minutes).",
    });
  });

  it("says an admin must unlock when the lock has no end", () => {
    expect(lockedMessage(null, NOW, NY).message).toBe(
      "Too many wrong codes were entered. No new code can be generated until an admin unlocks the contact.",
    );
  });
});

describe("throttledMessage", () => {
  it("explains a cooldown and when the next code is possible", () => {
    expect(throttledMessage("cooldown", NOW + 45_000, 45, NY)).toEqual({
      title: "Too soon for a new code",
      message:
        "This contact received a code a moment ago. The next code can be generated at Dec 1, 2026, 9:30 AM EST (less than a minute).",
    });
  });

  it("explains the limit of codes", () => {
    const m = throttledMessage("max_sends", NOW + 3_600_000, 3600, NY);
    expect(m.title).toBe("Code limit reached");
    expect(m.message).toBe(
      "This contact has received the most codes allowed for now. The next code can be generated at Dec 1, 2026, 10:30 AM EST (about 60 minutes).",
    );
  });
});
