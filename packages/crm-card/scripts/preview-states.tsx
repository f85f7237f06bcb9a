// Every state of the card the README pictures, each rendered with the official test renderer from
// the same fixtures the card's tests use (so a picture shows a state a test checks).
import { Button, LoadingButton, LoadingSpinner } from "@hubspot/ui-extensions";
import type { Renderer } from "@hubspot/ui-extensions/testing";
import { createRenderer } from "@hubspot/ui-extensions/testing";
import type { ApiResult, IssueOutcome } from "../src/api.js";
import { OtpCardEntry } from "../src/card/card-entry.js";
import type { FakeAnswers } from "../src/card/card-fixtures.js";
import {
  activeCode,
  cardStatus,
  FIXTURE_NOW,
  fail,
  fakeApi,
  generated,
  ok,
  shownCode,
} from "../src/card/card-fixtures.js";
import { renderCard } from "../src/card/render-card.js";

/** One picture: a file name, a caption, and how to reach the state. */
export interface PreviewState {
  /** `docs/previews/<name>.html` and `.png`. */
  name: string;
  title: string;
  /** What the agent sees and why, for the README. */
  caption: string;
  /** Renders the card and brings it to the state; `overlay`: draw the open confirmation. */
  mount(): Promise<{ renderer: Renderer<"crm.record.sidebar">; overlay: boolean }>;
}

type Card = Renderer<"crm.record.sidebar">;
const loaded = (card: Card) => card.waitFor(() => assert(card.maybeFind(LoadingSpinner) === null));

function assert(condition: boolean): void {
  if (!condition) throw new Error("not yet");
}

/** The card opened on a contact whose status and answers are `answers`. */
function opened(answers: FakeAnswers, options: { timeZone?: string } = {}) {
  return async () => {
    const renderer = renderCard(fakeApi(answers), options);
    await loaded(renderer);
    return { renderer, overlay: false };
  };
}

/** The card opened, then a click on `testId`, waiting for `done`. */
function clicked(
  answers: FakeAnswers,
  testId: string,
  done: (card: Card) => boolean,
  overlay = false,
) {
  return async () => {
    const renderer = renderCard(fakeApi(answers));
    await loaded(renderer);
    const target =
      renderer.maybeFindByTestId(LoadingButton, testId) ?? renderer.findByTestId(Button, testId);
    target.trigger("onClick");
    await renderer.waitFor(() => assert(done(renderer)));
    return { renderer, overlay };
  };
}

const hashOnly =
  "For security, this app keeps only a fingerprint of each code, so the code cannot be shown again. Generate a new code if the contact needs one.";
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
const emailOff = { emailEnabled: false, recipientEmail: null };

/** The pictured states, in README order. */
export const PREVIEW_STATES: readonly PreviewState[] = [
  {
    name: "loading",
    title: "Loading",
    caption: "On open the card asks the server for the contact's active code.",
    mount: async () => ({
      renderer: renderCard(fakeApi({ cardStatus: new Promise<ApiResult<never>>(() => {}) })),
      overlay: false,
    }),
  },
  {
    name: "active-code",
    title: "Active OTP",
    caption:
      "An unexpired code is shown at once with the Active OTP notice, so nobody replaces it by accident. E-mail delivery is on: the next step is Resend Code.",
    mount: opened({ cardStatus: ok(shownCode()) }),
  },
  {
    name: "no-code",
    title: "No active code",
    caption: "No code yet: one click on Generate OTP makes one with the portal's settings.",
    mount: opened({ cardStatus: ok(cardStatus()) }),
  },
  {
    name: "generated",
    title: "Code generated",
    caption:
      "The new code, large and bold, with Copy; its expiry in the portal's time zone, validity, reference, the property holding the copy and the attempts. E-mail delivery is off, so the next step is Regenerate Code.",
    mount: clicked(
      {
        cardStatus: ok(cardStatus(emailOff)),
        generate: ok(
          generated({
            ...emailOff,
            propertyStorageEnabled: true,
            active: activeCode({
              issuedAt: FIXTURE_NOW,
              expiresAt: FIXTURE_NOW + 600_000,
              storedIn: "otp_code",
              channel: "none",
            }),
          }),
        ),
      },
      "generate",
      (card) => card.maybeFindByTestId(LoadingButton, "regenerate") !== null,
    ),
  },
  {
    name: "resend-confirm",
    title: "Resend confirmation",
    caption:
      "Resend Code opens a confirmation showing the recipient's address. Confirm & Resend e-mails a new code; Cancel sends nothing.",
    mount: async () => ({ ...(await opened({ cardStatus: ok(shownCode()) })()), overlay: true }),
  },
  {
    name: "recipient-changed",
    title: "The address changed",
    caption:
      "If the contact's e-mail changed since the card loaded, the server refuses the old address and the confirmation shows the new one.",
    mount: clicked(
      {
        cardStatus: ok(shownCode()),
        resend: fail("RECIPIENT_CHANGED", 409, { recipientEmail: "ana.garcia@example.org" }),
      },
      "confirm-resend",
      (card) => card.findByTestId(LoadingButton, "confirm-resend").props.disabled === false,
      true,
    ),
  },
  {
    name: "hash-only",
    title: "Hash-only storage",
    caption:
      "Where the app keeps only a fingerprint of each code, the card shows the code's details and says plainly that the code cannot be shown again.",
    mount: opened({
      cardStatus: ok(
        cardStatus({
          active: activeCode(),
          codeUnavailable: { reason: "hash_only", message: hashOnly },
        }),
      ),
    }),
  },
  {
    name: "property-empty",
    title: "Property copy not written yet",
    caption:
      "Property storage is on but the property is still empty: the card says so and offers Reload.",
    mount: opened({
      cardStatus: ok(
        cardStatus({
          active: activeCode({ storedIn: "otp_code" }),
          propertyStorageEnabled: true,
          canShowCode: true,
          codeUnavailable: {
            reason: "property_empty",
            message:
              'The copy of the code in the property "otp_code" is empty. It may still be being written: reload the card in a moment.',
          },
        }),
      ),
    }),
  },
  {
    name: "locked-until",
    title: "Locked until a time",
    caption: "Too many wrong codes: no new code until the time shown, in the portal's time zone.",
    mount: opened({
      cardStatus: ok(
        shownCode({
          locked: true,
          lockedUntil: FIXTURE_NOW + 15 * 60_000,
          active: activeCode({ attemptsUsed: 3, attemptsRemaining: 0 }),
        }),
      ),
    }),
  },
  {
    name: "locked-admin",
    title: "Locked until an admin unlocks",
    caption: "A lock with no end: only an admin can unlock the contact.",
    mount: opened({ cardStatus: ok(cardStatus({ locked: true, lockedUntil: null })) }),
  },
  {
    name: "throttled",
    title: "Too soon for a new code",
    caption: "A code was sent a moment ago: the card says when the next one is possible.",
    mount: clicked(
      { cardStatus: ok(cardStatus()), generate: throttled },
      "generate",
      (card) => card.maybeFindByTestId(LoadingButton, "generate")?.props.loading === false,
    ),
  },
  {
    name: "no-email",
    title: "No e-mail address",
    caption:
      "E-mail delivery is on but the contact has no address: nothing can be sent until one is added.",
    mount: opened({ cardStatus: ok(cardStatus({ recipientEmail: null })) }),
  },
  {
    name: "send-failed",
    title: "The e-mail could not be sent",
    caption:
      "A refused request says what happened; Generate OTP (with a new request id) is the retry.",
    mount: clicked(
      { cardStatus: ok(cardStatus()), generate: fail("DELIVERY_FAILED", 502) },
      "generate",
      (card) => card.maybeFindByTestId(LoadingButton, "generate")?.props.loading === false,
    ),
  },
  {
    name: "not-found",
    title: "Contact not found",
    caption: "The record was deleted or merged since the page loaded.",
    mount: opened({ cardStatus: fail("CONTACT_NOT_FOUND", 404) }),
  },
  {
    name: "load-error",
    title: "Server unreachable",
    caption: "The server could not be reached: the card says so and offers Try again.",
    mount: opened({
      cardStatus: fail("NETWORK", 0, {
        message:
          "The otpkit server could not be reached. Check your connection and try again; if it keeps happening, ask your HubSpot admin to check the app.",
      }),
    }),
  },
  {
    name: "setup-error",
    title: "Not set up",
    caption: "The project's profile has no BACKEND_URL: the card tells the admin what to set.",
    mount: async () => {
      const renderer = createRenderer("crm.record.sidebar");
      const { context, actions } = renderer.mocks;
      delete context.variables;
      renderer.render(<OtpCardEntry context={context} actions={actions} />);
      return { renderer, overlay: false };
    },
  },
];
