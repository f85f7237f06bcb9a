import {
  Alert,
  Button,
  Divider,
  Flex,
  LoadingButton,
  LoadingSpinner,
  Text,
} from "@hubspot/ui-extensions";
import type { OtpkitApi } from "../api.js";
import { DeliveryTags, LockedNotice, NoEmailNotice, NoticeView } from "./card-notices.js";
import type { CardState } from "./card-state.js";
import { CodeDetails } from "./code-details.js";
import type { TimeFormat, TimeFormatContext } from "./format.js";
import { timeFormatOf } from "./format.js";
import { failureMessage } from "./messages.js";
import { ResendButton } from "./resend-confirm.js";
import type { CardActions, OtpCardController } from "./use-otp-card.js";
import { useOtpCard } from "./use-otp-card.js";

/** The context fields the card reads (a `crm.record.sidebar` context has them). */
export interface OtpCardContext extends TimeFormatContext {
  crm: { objectId: number | string; objectTypeId: string };
}

/** Props of {@link OtpCard}. */
export interface OtpCardProps {
  /** The otpkit server's API (`createOtpkitApi(BACKEND_URL)`; tests pass a fake). */
  api: OtpkitApi;
  context: OtpCardContext;
  actions: CardActions;
}

const CONTACT_OBJECT_TYPE = "0-1";

/**
 * The Generate OTP card (seed 000) on a contact record: the active code at once with an
 * "Active OTP" notice, else Generate OTP; Resend Code (e-mail on, after a confirmation showing the
 * address) or Regenerate Code (e-mail off); the code's expiry in the portal's time zone, validity,
 * reference, property, attempts; locked, throttled, no-e-mail and error states with a retry.
 *
 * @throws Never: failures are shown on the card.
 * @example
 * ```tsx
 * hubspot.extend<"crm.record.sidebar">(({ context, actions }) => (
 *   <OtpCard api={createOtpkitApi(String(context.variables?.BACKEND_URL))} context={context} actions={actions} />
 * ));
 * ```
 */
export function OtpCard({ api, context, actions }: OtpCardProps) {
  if (context.crm.objectTypeId !== CONTACT_OBJECT_TYPE) {
    return (
      <Alert testId="not-contact" title="Contacts only" variant="info">
        This card generates codes for contacts. Add it to the contact record layout.
      </Alert>
    );
  }
  return <ContactCard api={api} context={context} actions={actions} />;
}

function ContactCard({ api, context, actions }: OtpCardProps) {
  const card = useOtpCard(api, context.crm.objectId, actions);
  const format = timeFormatOf(context);
  const { state } = card;
  switch (state.view) {
    case "loading":
      return <LoadingSpinner testId="loading" label="Checking for an active code…" showLabel />;
    case "load_failed": {
      const { title, message } = failureMessage(state.failure);
      return (
        <Flex direction="column" gap="sm">
          <Alert testId="load-failed" title={title} variant="error">
            {message}
          </Alert>
          <RetryButton card={card} label="Try again" />
        </Flex>
      );
    }
    case "not_found":
      return (
        <Flex direction="column" gap="sm">
          <Alert testId="not-found" title="Contact not found" variant="warning">
            This contact could not be found in this HubSpot account. It may have been deleted or
            merged: reload the page, then try again.
          </Alert>
          <RetryButton card={card} label="Try again" />
        </Flex>
      );
    case "ready":
      return <ReadyCard card={card} state={state} format={format} />;
  }
}

type Ready = Extract<CardState, { view: "ready" }>;

function ReadyCard({
  card,
  state,
  format,
}: {
  card: OtpCardController;
  state: Ready;
  format: TimeFormat;
}) {
  const { status, busy } = state;
  const active = status.active;
  const noEmail = status.emailEnabled && status.recipientEmail === null;
  return (
    <Flex direction="column" gap="sm">
      {status.locked ? <LockedNotice status={status} format={format} /> : null}
      {active !== null && !status.locked && state.origin === "loaded" ? (
        <Alert testId="active-otp" title="Active OTP" variant="info">
          This contact already has a code that is still valid. Use it rather than generating a new
          one.
        </Alert>
      ) : null}
      {active === null ? (
        status.locked ? null : (
          <Text testId="no-active-code">This contact has no active code.</Text>
        )
      ) : (
        <CodeDetails
          status={status}
          active={active}
          format={format}
          hideCode={status.locked}
          busy={busy !== null}
          onCopy={(code) => void card.copyCode(code)}
          onReload={() => void card.reload()}
        />
      )}
      <NoticeView notice={state.notice} format={format} />
      {noEmail ? <NoEmailNotice /> : null}
      {status.locked || noEmail ? (
        <RetryButton card={card} label="Reload" disabled={busy !== null} />
      ) : (
        <IssueButtons card={card} state={state} />
      )}
      <Divider />
      <DeliveryTags status={status} />
    </Flex>
  );
}

function IssueButtons({ card, state }: { card: OtpCardController; state: Ready }) {
  const { status, busy } = state;
  if (status.active === null) {
    return (
      <LoadingButton
        testId="generate"
        variant="primary"
        loading={busy === "generate"}
        disabled={busy !== null}
        onClick={() => void card.generate()}
      >
        Generate OTP
      </LoadingButton>
    );
  }
  if (status.emailEnabled) {
    return (
      <ResendButton
        confirm={state.confirm}
        busy={busy}
        onConfirm={() => void card.confirmResend()}
        onCancel={card.cancelResend}
      />
    );
  }
  return (
    <LoadingButton
      testId="regenerate"
      variant="secondary"
      loading={busy === "regenerate"}
      disabled={busy !== null}
      onClick={() => void card.regenerate()}
    >
      Regenerate Code
    </LoadingButton>
  );
}

function RetryButton({
  card,
  label,
  disabled = false,
}: {
  card: OtpCardController;
  label: string;
  disabled?: boolean;
}) {
  return (
    <Button
      testId="retry"
      variant="secondary"
      disabled={disabled}
      onClick={() => void card.reload()}
    >
      {label}
    </Button>
  );
}
