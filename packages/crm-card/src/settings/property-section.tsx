// CRM property: whether each new code is copied to a contact property, and which one.
import { Alert, Button, Flex, LoadingSpinner, Text } from "@hubspot/ui-extensions";
import type { OtpkitApi } from "../api.js";
import { flagAt, textAt, valueAt } from "./draft.js";
import type { FormBinding } from "./fields.js";
import { SelectField, ToggleField } from "./fields.js";
import { GroupFrame } from "./group-frame.js";
import { propertyOptions, readAtText } from "./property-options.js";
import { usePropertyChoices } from "./use-property-choices.js";

/** Props of {@link PropertySection}. */
export interface PropertySectionProps {
  form: FormBinding;
  api: OtpkitApi;
  /** The portal's time zone (when the list was read). */
  timeZone?: string;
  locale?: string;
}

/**
 * The CRM property group: on/off, the property picker and "Sync properties"; test ids
 * `sync-properties`, `properties-read-at`, `properties-error`.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <PropertySection form={binding} api={api} timeZone={context.portal.timezone} />
 * ```
 */
export function PropertySection({ form, api, timeZone, locale }: PropertySectionProps) {
  const picker = usePropertyChoices(api);
  const options = propertyOptions(picker.choices, valueAt(form.draft, "propertyStorage.property"));
  const hashOnly = textAt(form.draft, "storage") === "hash";
  return (
    <GroupFrame
      id="property"
      errors={form.errors}
      intro="Copy each new code to a contact property, to use it as a personalization token in HubSpot e-mails or in other workflow steps. The app empties the property as soon as the code is used, expires, is replaced or the contact is locked."
    >
      <ToggleField form={form} path="propertyStorage.enabled" />
      {hashOnly && flagAt(form.draft, "propertyStorage.enabled") ? (
        <Text variant="microcopy" testId="property-plaintext-note">
          With fingerprint-only storage this property is the only place the code exists in plain
          text; keep it on only if your HubSpot e-mails need the code.
        </Text>
      ) : null}
      <SelectField
        form={form}
        path="propertyStorage.property"
        options={options}
        description="The contact's text and phone-number properties the app may write, and the app's own property."
      />
      <Flex direction="row" gap="small" align="center" wrap>
        <Button
          testId="sync-properties"
          variant="secondary"
          size="sm"
          disabled={picker.loading}
          onClick={() => void picker.sync()}
        >
          Sync properties
        </Button>
        {picker.loading ? (
          <LoadingSpinner
            label="Reading the properties from HubSpot"
            showLabel
            size="xs"
            layout="inline"
          />
        ) : null}
        {!picker.loading && picker.choices !== null ? (
          <Text variant="microcopy" testId="properties-read-at">
            Properties as of {readAtText(picker.choices.fetchedAt, timeZone, locale)}. Created one
            in HubSpot since? Sync properties.
          </Text>
        ) : null}
      </Flex>
      {picker.failure !== null && !picker.loading ? (
        <Alert
          variant="warning"
          title="The property list could not be read"
          testId="properties-error"
        >
          {picker.failure.message} Use Sync properties to try again.
        </Alert>
      ) : null}
    </GroupFrame>
  );
}
