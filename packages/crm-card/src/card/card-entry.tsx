import { Alert } from "@hubspot/ui-extensions";
import { useMemo } from "react";
import type { HubSpotFetch } from "../api.js";
import { apiFromVariables, BACKEND_URL_VARIABLE } from "./backend-url.js";
import type { OtpCardContext } from "./otp-card.js";
import { OtpCard } from "./otp-card.js";
import type { CardActions } from "./use-otp-card.js";

/** Props of {@link OtpCardEntry}: what `hubspot.extend` hands the card. */
export interface OtpCardEntryProps {
  context: OtpCardContext & { variables?: Readonly<Record<string, unknown>> | undefined };
  actions: CardActions;
  /** Replaces `hubspot.fetch` (tests, previews). */
  fetch?: HubSpotFetch;
}

/**
 * The card as HubSpot mounts it: the API built from the profile's `BACKEND_URL`, or a setup error
 * on the card when it is missing or not a URL.
 *
 * @throws Never.
 * @example
 * ```tsx
 * hubspot.extend<"crm.record.sidebar">(({ context, actions }) => (
 *   <OtpCardEntry context={context} actions={actions} />
 * ));
 * ```
 */
export function OtpCardEntry({ context, actions, fetch }: OtpCardEntryProps) {
  const backendUrl = context.variables?.[BACKEND_URL_VARIABLE];
  const backend = useMemo(
    () => apiFromVariables({ [BACKEND_URL_VARIABLE]: backendUrl }, fetch),
    [backendUrl, fetch],
  );
  if (!backend.ok) {
    return (
      <Alert testId="setup-error" title="The card is not set up" variant="error">
        {backend.message}
      </Alert>
    );
  }
  return <OtpCard api={backend.api} context={context} actions={actions} />;
}
