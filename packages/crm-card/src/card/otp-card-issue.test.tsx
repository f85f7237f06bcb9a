import {
  Alert,
  Button,
  Heading,
  LoadingButton,
  LoadingSpinner,
  Text,
} from "@hubspot/ui-extensions";
import { describe, expect, it, vi } from "vitest";
import type { ApiResult, IssueOutcome } from "../api.js";
import {
  activeCode,
  cardStatus,
  FIXTURE_NOW,
  fail,
  fakeApi,
  generated,
  ok,
  shownCode,
} from "./card-fixtures.js";
import { renderCard } from "./render-card.js";

type Card = ReturnType<typeof renderCard>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function ready(card: Card) {
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const emailOff = { emailEnabled: false, recipientEmail: null };

describe("Generate OTP", () => {
  it("makes a code with a fresh requestId and shows it with its details", async () => {
    const api = fakeApi({ cardStatus: ok(cardStatus()), generate: ok(generated()) });
    const card = renderCard(api);
    await ready(card);
    card.findByTestId(LoadingButton, "generate").trigger("onClick");
    await card.waitFor(() => expect(card.findByTestId(Heading, "otp-code").text).toBe("730155"));
    const [[contactId, requestId]] = api.callsTo("generate") as [[number, string]];
    expect(contactId).toBe(123);
    expect(requestId).toMatch(UUID);
    // Just made: no "Active OTP" notice, and the next step for it is Resend (e-mail on).
    expect(card.maybeFindByTestId(Alert, "active-otp")).toBeNull();
    expect(card.findByTestId(Button, "resend")).toBeTruthy();
    expect(card.findByTestId(Text, "expires-at").text).toBe("Dec 1, 2026, 9:40 AM EST");
    expect(card.mocks.actions.addAlert.calls).toEqual([
      [
        {
          type: "success",
          title: "Code generated",
          message: "A new code was e-mailed to ana@example.com.",
        },
      ],
    ]);
  });

  it("disables the button while the call runs, and a double click sends one request", async () => {
    const answer = deferred<ApiResult<IssueOutcome>>();
    const api = fakeApi({ cardStatus: ok(cardStatus()), generate: answer.promise });
    const card = renderCard(api);
    await ready(card);
    const button = card.findByTestId(LoadingButton, "generate");
    button.trigger("onClick");
    button.trigger("onClick");
    await card.waitFor(() =>
      expect(card.findByTestId(LoadingButton, "generate").props).toMatchObject({
        disabled: true,
        loading: true,
      }),
    );
    card.findByTestId(LoadingButton, "generate").trigger("onClick");
    answer.resolve(ok(generated()));
    await card.waitFor(() => expect(card.findByTestId(Heading, "otp-code").text).toBe("730155"));
    expect(api.callsTo("generate")).toHaveLength(1);
  });

  it("throttled: keeps the card and says when the next code is possible", async () => {
    const throttled = ok<IssueOutcome>(
      {
        outcome: "throttled",
        reason: "cooldown",
        retryAfter: 45,
        nextSendAt: FIXTURE_NOW + 45_000,
        replayed: false,
      },
      409,
    );
    const api = fakeApi({ cardStatus: ok(cardStatus()), generate: throttled });
    const card = renderCard(api);
    await ready(card);
    card.findByTestId(LoadingButton, "generate").trigger("onClick");
    await card.waitFor(() =>
      expect(card.findByTestId(Alert, "throttled").props.title).toBe("Too soon for a new code"),
    );
    expect(card.findByTestId(Alert, "throttled").text).toBe(
      "This contact received a code a moment ago. The next code can be generated at Dec 1, 2026, 9:30 AM EST (less than a minute).",
    );
    expect(card.findByTestId(LoadingButton, "generate").props.disabled).toBe(false);
    expect(card.mocks.actions.addAlert.callCount).toBe(0);
  });

  it("locked: shows the lock instead of the buttons", async () => {
    const locked = ok<IssueOutcome>(
      {
        outcome: "locked",
        lockedUntil: FIXTURE_NOW + 30 * 60_000,
        retryAfter: 1800,
        replayed: false,
      },
      423,
    );
    const card = renderCard(fakeApi({ cardStatus: ok(cardStatus()), generate: locked }));
    await ready(card);
    card.findByTestId(LoadingButton, "generate").trigger("onClick");
    await card.waitFor(() =>
      expect(card.findByTestId(Alert, "locked").text).toContain("until Dec 1, 2026, 10:00 AM EST"),
    );
    expect(card.maybeFindByTestId(LoadingButton, "generate")).toBeNull();
  });

  it("no e-mail address: the server's refusal becomes the no-e-mail notice", async () => {
    const api = fakeApi({
      cardStatus: ok(cardStatus()),
      generate: fail("CONTACT_NO_EMAIL", 422),
    });
    const card = renderCard(api);
    await ready(card);
    card.findByTestId(LoadingButton, "generate").trigger("onClick");
    await card.waitFor(() => expect(card.findByTestId(Alert, "no-email")).toBeTruthy());
    expect(card.maybeFindByTestId(LoadingButton, "generate")).toBeNull();
    expect(card.maybeFindByTestId(Alert, "action-failed")).toBeNull();
  });

  it("a refusal: says what happened, and Generate (with a new requestId) is the retry", async () => {
    const api = fakeApi({
      cardStatus: ok(cardStatus()),
      generate: [fail("DELIVERY_FAILED", 502), ok(generated())],
    });
    const card = renderCard(api);
    await ready(card);
    card.findByTestId(LoadingButton, "generate").trigger("onClick");
    await card.waitFor(() =>
      expect(card.findByTestId(Alert, "action-failed").props.title).toBe(
        "The code was not generated",
      ),
    );
    expect(card.findByTestId(Alert, "action-failed").text).toBe(
      "The e-mail with the code could not be sent, so no new code is active. Try again in a moment.",
    );
    expect(card.findByTestId(LoadingButton, "generate").props.disabled).toBe(false);
    card.findByTestId(LoadingButton, "generate").trigger("onClick");
    await card.waitFor(() => expect(card.findByTestId(Heading, "otp-code").text).toBe("730155"));
    const ids = api.callsTo("generate").map((args) => args[1]);
    expect(ids[0]).not.toBe(ids[1]);
    expect(card.maybeFindByTestId(Alert, "action-failed")).toBeNull();
    expect(api.callsTo("cardStatus")).toHaveLength(1);
  });

  it("no answer: reloads the status, so a code the click did make is shown, not made twice", async () => {
    const api = fakeApi({
      cardStatus: [ok(cardStatus()), ok(shownCode())],
      generate: fail("NETWORK", 0, { message: "The otpkit server could not be reached." }),
    });
    const card = renderCard(api);
    await ready(card);
    card.findByTestId(LoadingButton, "generate").trigger("onClick");
    await card.waitFor(() => expect(card.findByTestId(Heading, "otp-code").text).toBe("482913"));
    const alert = card.findByTestId(Alert, "action-failed");
    expect(alert.props.title).toBe("No answer from the otpkit server");
    expect(alert.text).toBe(
      "The otpkit server could not be reached. The card has been reloaded: a code made by this click is shown.",
    );
    expect(api.calls.map((c) => c.name)).toEqual(["cardStatus", "generate", "cardStatus"]);
    expect(card.maybeFindByTestId(LoadingButton, "generate")).toBeNull();
  });

  it("a replayed answer without the code says why it is not shown", async () => {
    const message =
      "This code was shown when it was generated and is not kept, so it cannot be shown again.";
    const replayed = generated({
      storage: "hash",
      canShowCode: false,
      codeSource: undefined,
      code: undefined,
      codeUnavailable: { reason: "replayed", message },
    });
    const card = renderCard(
      fakeApi({ cardStatus: ok(cardStatus()), generate: ok({ ...replayed, replayed: true }) }),
    );
    await ready(card);
    card.findByTestId(LoadingButton, "generate").trigger("onClick");
    await card.waitFor(() =>
      expect(card.findByTestId(Text, "code-unavailable").text).toBe(message),
    );
    expect(card.findByTestId(Button, "reload-code")).toBeTruthy();
  });
});

describe("Regenerate Code (e-mail off)", () => {
  it("is offered for an active code and makes a fresh one without an e-mail", async () => {
    const api = fakeApi({
      cardStatus: ok(shownCode(emailOff)),
      regenerate: ok(generated({ ...emailOff, code: "550021" })),
    });
    const card = renderCard(api);
    await ready(card);
    expect(card.maybeFindByTestId(Button, "resend")).toBeNull();
    card.findByTestId(LoadingButton, "regenerate").trigger("onClick");
    await card.waitFor(() => expect(card.findByTestId(Heading, "otp-code").text).toBe("550021"));
    const [[contactId, requestId]] = api.callsTo("regenerate") as [[number, string]];
    expect(contactId).toBe(123);
    expect(requestId).toMatch(UUID);
    expect(api.callsTo("resend")).toEqual([]);
    expect(card.mocks.actions.addAlert.calls[0]?.[0]).toEqual({
      type: "success",
      title: "Code regenerated",
      message:
        "A new code is shown in the card; no e-mail was sent. The previous code no longer works.",
    });
  });

  it("uses a new requestId for each click", async () => {
    const api = fakeApi({
      cardStatus: ok(shownCode(emailOff)),
      regenerate: ok(generated(emailOff)),
    });
    const card = renderCard(api);
    await ready(card);
    card.findByTestId(LoadingButton, "regenerate").trigger("onClick");
    await card.waitFor(() => expect(card.mocks.actions.addAlert.callCount).toBe(1));
    card.findByTestId(LoadingButton, "regenerate").trigger("onClick");
    await card.waitFor(() => expect(card.mocks.actions.addAlert.callCount).toBe(2));
    const ids = api.callsTo("regenerate").map((args) => args[1]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("e-mail turned on since the card loaded: reloads and says so", async () => {
    const api = fakeApi({
      cardStatus: [ok(shownCode(emailOff)), ok(shownCode())],
      regenerate: fail("EMAIL_ENABLED", 409),
    });
    const card = renderCard(api);
    await ready(card);
    card.findByTestId(LoadingButton, "regenerate").trigger("onClick");
    await card.waitFor(() =>
      expect(card.findByTestId(Alert, "settings-changed").text).toBe(
        "E-mail delivery was turned on in the app's settings. The card has been reloaded.",
      ),
    );
    expect(card.findByTestId(Button, "resend")).toBeTruthy();
    expect(api.callsTo("cardStatus")).toHaveLength(2);
  });
});

describe("Copy code", () => {
  it("copies the code on click and confirms", async () => {
    const card = renderCard(fakeApi({ cardStatus: ok(shownCode()) }));
    await ready(card);
    card.findByTestId(Button, "copy-code").trigger("onClick");
    // Nothing on the card changes: vitest's own waitFor polls.
    await vi.waitFor(() => expect(card.mocks.actions.addAlert.callCount).toBe(1));
    expect(card.mocks.actions.copyTextToClipboard.calls).toEqual([["482913"]]);
    expect(card.mocks.actions.addAlert.calls[0]?.[0]).toEqual({
      type: "success",
      message: "Code copied to the clipboard.",
    });
  });

  it("says how to copy by hand when the browser refuses", async () => {
    const card = renderCard(fakeApi({ cardStatus: ok(shownCode()) }));
    card.mocks.actions.copyTextToClipboard.willCall(() => Promise.reject(new Error("denied")));
    await ready(card);
    card.findByTestId(Button, "copy-code").trigger("onClick");
    // Nothing on the card changes: vitest's own waitFor polls.
    await vi.waitFor(() => expect(card.mocks.actions.addAlert.callCount).toBe(1));
    expect(card.mocks.actions.addAlert.calls[0]?.[0]).toMatchObject({
      type: "warning",
      title: "Could not copy",
    });
  });

  it("is not offered when the code is not shown", async () => {
    const card = renderCard(fakeApi({ cardStatus: ok(cardStatus({ active: activeCode() })) }));
    await ready(card);
    expect(card.maybeFindByTestId(Button, "copy-code")).toBeNull();
  });
});
