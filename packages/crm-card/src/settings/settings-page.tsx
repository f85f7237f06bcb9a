// The app's settings page: every per-portal setting, grouped, with the API's field errors next to
// their fields, save feedback and a live e-mail preview.
import type { AddAlertAction } from "@hubspot/ui-extensions";
import { Alert, Divider, Flex, Form, LoadingSpinner, Text } from "@hubspot/ui-extensions";
import type { OtpkitApi } from "../api.js";
import { CodeSection } from "./code-section.js";
import { EmailSection } from "./email-section.js";
import { ErrorSummary } from "./error-summary.js";
import type { FormBinding } from "./fields.js";
import { LanguagesSection } from "./languages-section.js";
import { LimitsSection } from "./limits-section.js";
import { LoadError } from "./load-error.js";
import { PropertySection } from "./property-section.js";
import { SaveBar } from "./save-bar.js";
import { useSettingsForm } from "./use-settings-form.js";
import { WhatsAppSection } from "./whatsapp-section.js";

/** Props of {@link SettingsPage}. */
export interface SettingsPageProps {
  /** The otpkit server's API (`createOtpkitApi(context.variables.BACKEND_URL)`). */
  api: OtpkitApi;
  /** HubSpot's actions; `addAlert` reports each save. */
  actions: { addAlert: AddAlertAction };
  /** The portal's time zone (`context.portal.timezone`). */
  timeZone?: string;
  /** The user's locale (`context.user.locale`). */
  locale?: string;
  /** The e-mail preview's pause after an edit, ms (tests shorten it). */
  previewDelayMs?: number;
}

/**
 * The settings page. It loads the portal's settings, shows them in six groups (Code, Limits,
 * E-mail, Texts by language, WhatsApp, CRM property) and saves the whole form; the server
 * validates, and its field errors appear next to their fields and in a summary. A language's
 * texts are also checked as they are typed, and the form is not sent while one would be refused.
 *
 * @throws Never: loading and saving failures are shown on the page.
 * @example
 * ```tsx
 * hubspot.extend<"settings">(({ context, actions }) => (
 *   <SettingsPage api={createOtpkitApi(String(context.variables?.BACKEND_URL))} actions={actions} />
 * ));
 * ```
 */
export function SettingsPage({
  api,
  actions,
  timeZone,
  locale,
  previewDelayMs,
}: SettingsPageProps) {
  const { load, form, reload, edit, discard, save } = useSettingsForm(api, actions.addAlert);

  if (load.status === "loading") {
    return <LoadingSpinner label="Loading the otpkit settings" showLabel layout="centered" />;
  }
  if (load.status === "failed") {
    return <LoadError failure={load.failure} onRetry={() => void reload()} />;
  }
  const binding: FormBinding = {
    draft: form.draft,
    errors: form.errors,
    readOnly: form.saving,
    edit,
  };
  return (
    <Form onSubmit={() => void save()}>
      <Flex direction="column" gap="medium">
        <Text>
          These settings apply to this whole HubSpot account: the Generate OTP card on contact
          records and the otpkit workflow actions.
        </Text>
        {form.everSaved ? null : (
          <Alert variant="info" title="Not saved yet" testId="not-saved-yet">
            The app uses these defaults until you save. Review them, change what you need, and save.
          </Alert>
        )}
        <CodeSection form={binding} choices={load.choices} />
        <LimitsSection form={binding} />
        <EmailSection
          form={binding}
          api={api}
          {...(previewDelayMs === undefined ? {} : { previewDelayMs })}
        />
        <LanguagesSection
          form={binding}
          api={api}
          {...(previewDelayMs === undefined ? {} : { previewDelayMs })}
        />
        <WhatsAppSection form={binding} />
        <PropertySection
          form={binding}
          api={api}
          {...(timeZone === undefined ? {} : { timeZone })}
          {...(locale === undefined ? {} : { locale })}
        />
        <Divider />
        <ErrorSummary errors={form.errors} from={form.errorsFrom} />
        <SaveBar form={form} onSave={() => void save()} onDiscard={discard} />
      </Flex>
    </Form>
  );
}
