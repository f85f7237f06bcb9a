import {
  Button,
  DescriptionList,
  DescriptionListItem,
  Flex,
  Heading,
  Text,
} from "@hubspot/ui-extensions";
import type { CardActiveCode, CardStatus } from "../wire.js";
import type { TimeFormat } from "./format.js";
import { formatDateTime, plural } from "./format.js";

/** Props of {@link CodeDetails}. */
export interface CodeDetailsProps {
  status: CardStatus;
  active: CardActiveCode;
  format: TimeFormat;
  /** Locked: the code cannot be used, so it is not shown (its metadata is). */
  hideCode: boolean;
  /** A call is running: Copy and Reload wait. */
  busy: boolean;
  onCopy(code: string): void;
  onReload(): void;
}

/**
 * The active code (seed 000): the code large and bold with Copy, or a plain sentence why it cannot
 * be shown; then Expires at (portal time zone), Valid for, Reference, Stored in, attempts.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <CodeDetails status={status} active={status.active} format={format} hideCode={false} busy={false} onCopy={copy} onReload={reload} />
 * ```
 */
export function CodeDetails(props: CodeDetailsProps) {
  const { status, active, format } = props;
  return (
    <Flex direction="column" gap="xs">
      <Text variant="microcopy">OTP code</Text>
      {props.hideCode ? (
        <Text testId="code-unavailable">
          Not shown while the contact is locked: the code cannot be used.
        </Text>
      ) : (
        <CodeOrReason {...props} />
      )}
      <DescriptionList direction="column">
        <DescriptionListItem label="Expires at">
          <Text testId="expires-at">{formatDateTime(active.expiresAt, format)}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Valid for">
          <Text>{plural(active.validForMinutes, "minute")}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Reference">
          <Text>{active.reference ?? "None (the contact has no e-mail address)"}</Text>
        </DescriptionListItem>
        {status.propertyStorageEnabled && active.storedIn !== null ? (
          <DescriptionListItem label="Stored in">
            <Text>{active.storedIn}</Text>
          </DescriptionListItem>
        ) : null}
        <DescriptionListItem label="Sent by">
          <Text>{active.channel === "email" ? "E-mail" : "Not sent (shown in this card)"}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Attempts">
          <Text testId="attempts">
            {`${active.attemptsUsed} used, ${active.attemptsRemaining} remaining (of ${active.maxAttempts})`}
          </Text>
        </DescriptionListItem>
      </DescriptionList>
    </Flex>
  );
}

function CodeOrReason(props: CodeDetailsProps) {
  const { status, busy } = props;
  const code = status.code;
  if (code !== undefined) {
    return (
      <Flex direction="row" gap="sm" align="center" wrap="wrap">
        <Heading testId="otp-code">{code}</Heading>
        <Button testId="copy-code" size="xs" variant="secondary" onClick={() => props.onCopy(code)}>
          Copy code
        </Button>
      </Flex>
    );
  }
  const reason = status.codeUnavailable;
  // Why a sentence and never an empty box: the agent must know the code exists but is not here.
  const message =
    reason?.message ??
    "The code cannot be shown here. Generate a new code if the contact needs one.";
  const canReload = reason?.reason === "property_empty" || reason?.reason === "replayed";
  return (
    <Flex direction="column" gap="xs">
      <Text testId="code-unavailable">{message}</Text>
      {canReload ? (
        <Button
          testId="reload-code"
          size="xs"
          variant="secondary"
          disabled={busy}
          onClick={props.onReload}
        >
          Reload
        </Button>
      ) : null}
    </Flex>
  );
}
