import { Alert, Flex, Tag, Text } from "@hubspot/ui-extensions";
import type { CardStatus } from "../wire.js";
import type { CardNotice } from "./card-state.js";
import type { TimeFormat } from "./format.js";
import { failureMessage, lockedMessage, throttledMessage } from "./messages.js";

/**
 * The locked notice: until when in the portal's time zone, or until an admin unlocks.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <LockedNotice status={status} format={format} />
 * ```
 */
export function LockedNotice({ status, format }: { status: CardStatus; format: TimeFormat }) {
  const { title, message } = lockedMessage(status.lockedUntil, status.now, format);
  return (
    <Alert testId="locked" title={title} variant="danger">
      {message}
    </Alert>
  );
}

/**
 * The last answer's notice: throttled (when the next code is possible), a failed button, or
 * e-mail delivery switched since the card loaded. A throttle the status reports (a code was made
 * a moment ago) is a line of small print rather than an alert: nothing failed.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <NoticeView notice={state.notice} format={format} />
 * ```
 */
export function NoticeView({ notice, format }: { notice: CardNotice | null; format: TimeFormat }) {
  if (notice === null) return null;
  if (notice.kind === "throttled") {
    const { title, message } = throttledMessage(
      notice.reason,
      notice.nextSendAt,
      notice.waitSeconds,
      format,
    );
    if (notice.reason === undefined) {
      return (
        <Text testId="throttled" variant="microcopy">
          {message}
        </Text>
      );
    }
    return (
      <Alert testId="throttled" title={title} variant="warning">
        {message}
      </Alert>
    );
  }
  if (notice.kind === "settings_changed") {
    const { message } = failureMessage(notice.failure);
    return (
      <Alert testId="settings-changed" title="The app's settings changed" variant="info">
        {message}
      </Alert>
    );
  }
  const { title, message } = failureMessage(notice.failure, notice.action);
  return (
    <Alert testId="action-failed" title={title} variant="error">
      {message}
    </Alert>
  );
}

/**
 * E-mail delivery is on but the contact has no address: no code can be sent.
 *
 * @throws Never.
 * @example
 * ```tsx
 * {noEmail ? <NoEmailNotice /> : null}
 * ```
 */
export function NoEmailNotice() {
  return (
    <Alert testId="no-email" title="No e-mail address" variant="warning">
      This contact has no e-mail address, so otpkit cannot e-mail a code. Add an address to the
      contact record, then reload the card.
    </Alert>
  );
}

/**
 * Whether e-mail delivery and property storage are on (seed 000: "so you always know how the code
 * is being delivered").
 *
 * @throws Never.
 * @example
 * ```tsx
 * <DeliveryTags status={status} />
 * ```
 */
export function DeliveryTags({ status }: { status: CardStatus }) {
  return (
    <Flex direction="row" gap="xs" wrap="wrap">
      <Tag testId="email-delivery" variant={status.emailEnabled ? "success" : "default"}>
        {status.emailEnabled ? "E-mail delivery on" : "E-mail delivery off"}
      </Tag>
      <Tag
        testId="property-storage"
        variant={status.propertyStorageEnabled ? "success" : "default"}
      >
        {status.propertyStorageEnabled ? "Property storage on" : "Property storage off"}
      </Tag>
    </Flex>
  );
}
