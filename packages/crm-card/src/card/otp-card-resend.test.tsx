import {
  Alert,
  Button,
  Heading,
  LoadingButton,
  LoadingSpinner,
  Modal,
  Text,
} from "@hubspot/ui-extensions";
import { describe, expect, it } from "vitest";
import type { ApiResult, IssueOutcome } from "../api.js";
import { FIXTURE_NOW, fail, fakeApi, generated, ok, shownCode } from "./card-fixtures.js";
import { renderCard } from "./render-card.js";
import { RESEND_MODAL_ID } from "./use-otp-card.js";

type Card = ReturnType<typeof renderCard>;

async function opened(answers: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({ cardStatus: ok(shownCode()), ...answers });
  const card = renderCard(api);
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
  return { api, card };
}

// The confirmation is the Resend button's overlay: HubSpot opens it on click, with no call.
const modal = (card: Card) => card.findByTestId(Button, "resend").props.overlay!.find(Modal);

describe("Resend Code (e-mail on)", () => {
  it("opens a confirmation showing the recipient's address, without a call", async () => {
    const { api, card } = await opened({});
    const m = modal(card);
    expect(m.props).toMatchObject({ id: RESEND_MODAL_ID, title: "Resend the code?" });
    expect(m.find(Text, { testId: "resend-recipient" }).text).toBe("ana@example.com");
    expect(m.find(LoadingButton, { testId: "confirm-resend" }).text).toBe("Confirm & Resend");
    expect(m.find(Button, { testId: "cancel-resend" }).text).toBe("Cancel");
    expect(api.callsTo("resend")).toEqual([]);
  });

  it("Cancel closes the confirmation and changes nothing", async () => {
    const { api, card } = await opened({ resend: ok(generated()) });
    card.findByTestId(Button, "cancel-resend").trigger("onClick");
    expect(card.mocks.actions.closeOverlay.calls).toEqual([[RESEND_MODAL_ID]]);
    expect(api.calls.map((c) => c.name)).toEqual(["cardStatus"]);
    expect(card.findByTestId(Heading, "otp-code").text).toBe("482913");
    expect(card.mocks.actions.addAlert.callCount).toBe(0);
  });

  it("Confirm & Resend e-mails a new code to the confirmed address and closes", async () => {
    const { api, card } = await opened({ resend: ok(generated({ code: "119944" })) });
    card.findByTestId(LoadingButton, "confirm-resend").trigger("onClick");
    await card.waitFor(() => expect(card.findByTestId(Heading, "otp-code").text).toBe("119944"));
    const [[contactId, requestId, email]] = api.callsTo("resend") as [[number, string, string]];
    expect(contactId).toBe(123);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(email).toBe("ana@example.com");
    expect(card.mocks.actions.closeOverlay.calls).toEqual([[RESEND_MODAL_ID]]);
    expect(card.mocks.actions.addAlert.calls[0]?.[0]).toEqual({
      type: "success",
      title: "Code resent",
      message: "A new code was e-mailed to ana@example.com. The previous code no longer works.",
    });
    expect(card.maybeFindByTestId(Alert, "active-otp")).toBeNull();
  });

  it("disables both buttons while it sends; a second confirm sends nothing", async () => {
    let answer!: (result: ApiResult<IssueOutcome>) => void;
    const pending = new Promise<ApiResult<IssueOutcome>>((resolve) => {
      answer = resolve;
    });
    const { api, card } = await opened({ resend: pending });
    const confirm = card.findByTestId(LoadingButton, "confirm-resend");
    confirm.trigger("onClick");
    confirm.trigger("onClick");
    await card.waitFor(() =>
      expect(card.findByTestId(LoadingButton, "confirm-resend").props).toMatchObject({
        loading: true,
        disabled: true,
      }),
    );
    expect(card.findByTestId(Button, "cancel-resend").props.disabled).toBe(true);
    expect(card.findByTestId(Button, "resend").props.disabled).toBe(true);
    answer(ok(generated()));
    await card.waitFor(() => expect(card.findByTestId(Heading, "otp-code").text).toBe("730155"));
    expect(api.callsTo("resend")).toHaveLength(1);
  });

  it("RECIPIENT_CHANGED: the confirmation stays open with the new address; confirming sends there", async () => {
    const { api, card } = await opened({
      resend: [
        fail("RECIPIENT_CHANGED", 409, { recipientEmail: "ana.new@example.com" }),
        ok(generated({ recipientEmail: "ana.new@example.com" })),
      ],
    });
    card.findByTestId(LoadingButton, "confirm-resend").trigger("onClick");
    await card.waitFor(() =>
      expect(card.findByTestId(Text, "resend-recipient").text).toBe("ana.new@example.com"),
    );
    expect(modal(card).find(Alert).props.title).toBe("The e-mail address changed");
    expect(card.mocks.actions.closeOverlay.callCount).toBe(0);
    expect(card.findByTestId(Heading, "otp-code").text).toBe("482913");
    card.findByTestId(LoadingButton, "confirm-resend").trigger("onClick");
    await card.waitFor(() => expect(card.findByTestId(Heading, "otp-code").text).toBe("730155"));
    expect(api.callsTo("resend").map((args) => args[2])).toEqual([
      "ana@example.com",
      "ana.new@example.com",
    ]);
    expect(card.mocks.actions.closeOverlay.calls).toEqual([[RESEND_MODAL_ID]]);
  });

  it("RECIPIENT_CHANGED to no address: says so and cannot confirm", async () => {
    const { card } = await opened({
      resend: fail("RECIPIENT_CHANGED", 409, { recipientEmail: null }),
    });
    card.findByTestId(LoadingButton, "confirm-resend").trigger("onClick");
    await card.waitFor(() =>
      expect(card.findByTestId(LoadingButton, "confirm-resend").props.disabled).toBe(true),
    );
    expect(modal(card).find(Alert).text).toContain("no longer has an e-mail address");
    expect(card.maybeFindByTestId(Text, "resend-recipient")).toBeNull();
    // Closed, the card knows the contact has no address now.
    card.findByTestId(Button, "cancel-resend").trigger("onClick");
    await card.waitFor(() => expect(card.findByTestId(Alert, "no-email")).toBeTruthy());
    expect(card.maybeFindByTestId(Button, "resend")).toBeNull();
  });

  it("throttled: closes the confirmation, keeps the code, says when", async () => {
    const throttled = ok<IssueOutcome>(
      {
        outcome: "throttled",
        reason: "max_sends",
        retryAfter: 3600,
        nextSendAt: FIXTURE_NOW + 3_600_000,
        replayed: false,
      },
      409,
    );
    const { card } = await opened({ resend: throttled });
    card.findByTestId(LoadingButton, "confirm-resend").trigger("onClick");
    await card.waitFor(() =>
      expect(card.findByTestId(Alert, "throttled").props.title).toBe("Code limit reached"),
    );
    expect(card.mocks.actions.closeOverlay.calls).toEqual([[RESEND_MODAL_ID]]);
    expect(card.findByTestId(Heading, "otp-code").text).toBe("482913");
  });

  it("e-mail turned off since the card loaded: reloads and offers Regenerate", async () => {
    const { api, card } = await opened({ resend: fail("EMAIL_DISABLED", 409) });
    api.calls.length = 0;
    const off = shownCode({ emailEnabled: false, recipientEmail: null });
    const reloaded = fakeApi({ cardStatus: ok(off) });
    Object.assign(api, { cardStatus: reloaded.cardStatus });
    card.findByTestId(LoadingButton, "confirm-resend").trigger("onClick");
    await card.waitFor(() => expect(card.findByTestId(Alert, "settings-changed")).toBeTruthy());
    expect(card.findByTestId(LoadingButton, "regenerate")).toBeTruthy();
    expect(reloaded.callsTo("cardStatus")).toHaveLength(1);
    expect(card.mocks.actions.closeOverlay.calls).toEqual([[RESEND_MODAL_ID]]);
  });
});
