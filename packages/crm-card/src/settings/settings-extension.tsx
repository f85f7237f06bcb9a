// What HubSpot's settings location renders: the API from the project's BACKEND_URL profile
// variable, then the page; a missing or wrong BACKEND_URL is said on the page, not thrown.
import type { AddAlertAction, SettingsContext } from "@hubspot/ui-extensions";
import { ErrorState, Text } from "@hubspot/ui-extensions";
import { useMemo } from "react";
import type { HubSpotFetch } from "../api.js";
import { apiFromVariables, BACKEND_URL_VARIABLE } from "../card/backend-url.js";
import { SettingsPage } from "./settings-page.js";

/** Props of {@link SettingsExtension}: what `hubspot.extend<"settings">` passes. */
export interface SettingsExtensionProps {
  context: Pick<SettingsContext, "variables" | "portal" | "user">;
  actions: { addAlert: AddAlertAction };
  /** Replaces `hubspot.fetch` (tests, previews). */
  fetch?: HubSpotFetch;
  /** The e-mail preview's pause after an edit, ms. */
  previewDelayMs?: number;
}

/**
 * The settings extension: builds the API from `context.variables.BACKEND_URL` and shows the
 * {@link SettingsPage}, or an error naming the variable when it is missing or not a URL (test id
 * `backend-url-error`).
 *
 * @throws Never.
 * @example
 * ```tsx
 * hubspot.extend<"settings">(({ context, actions }) => (
 *   <SettingsExtension context={context} actions={actions} />
 * ));
 * ```
 */
export function SettingsExtension(props: SettingsExtensionProps) {
  const { context, actions, fetch, previewDelayMs } = props;
  const backendUrl = context.variables?.[BACKEND_URL_VARIABLE];
  const backend = useMemo(
    () => apiFromVariables({ [BACKEND_URL_VARIABLE]: backendUrl }, fetch),
    [backendUrl, fetch],
  );
  if (!backend.ok) {
    const got = backendUrl === undefined ? "it is not set" : `it is ${JSON.stringify(backendUrl)}`;
    return (
      <ErrorState testId="backend-url-error" title="The settings page does not know its server">
        <Text>
          {BACKEND_URL_VARIABLE} must be the otpkit server's address, such as
          https://otp.example.com, but {got}. Set it in the project's profile
          (hsprofile.&lt;name&gt;.json) and upload the project again.
        </Text>
      </ErrorState>
    );
  }
  return (
    <SettingsPage
      api={backend.api}
      actions={actions}
      timeZone={context.portal.timezone}
      {...(context.user.locale ? { locale: context.user.locale } : {})}
      {...(previewDelayMs === undefined ? {} : { previewDelayMs })}
    />
  );
}
