// The page's inputs, each bound to one setting by its dotted path: the value from the draft, the
// label from the field table, the API's error next to it, and edits back to the form.
import {
  Checkbox,
  Flex,
  Input,
  NumberInput,
  Select,
  Text,
  TextArea,
  Toggle,
} from "@hubspot/ui-extensions";
import type { SettingsDraft } from "./draft.js";
import { flagAt, numberAt, textAt, valueAt } from "./draft.js";
import type { FieldErrors } from "./field-errors.js";
import type { SettingsPath } from "./settings-fields.js";
import { FIELD_LABELS } from "./settings-fields.js";

/** What every input needs from the form. */
export interface FormBinding {
  draft: SettingsDraft;
  errors: FieldErrors;
  /** While saving: nothing can be changed. */
  readOnly: boolean;
  /** Sets a setting, or a language's texts (or one of their parts); `undefined` removes it. */
  edit(path: SettingsPath | `email.translations.${string}`, value: unknown): void;
}

/** The props every bound input takes. */
export interface FieldProps {
  form: FormBinding;
  path: SettingsPath;
  description?: string;
}

/** A select's option. */
export interface FieldOption {
  label: string;
  value: string | number;
}

/**
 * The test id of a setting's input: `setting-<path>`.
 *
 * @throws Never.
 * @example
 * ```ts
 * page.findByTestId(Input, fieldTestId("defaultCountry"));
 * ```
 */
export const fieldTestId = (path: string) => `setting-${path}`;

/**
 * The error props of an input that has them (`error` + `validationMessage`), for a message or
 * none.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <Input {...errorProps(form.errors["defaultCountry"])} … />
 * ```
 */
export function errorProps(message: string | undefined) {
  return message === undefined ? {} : { error: true, validationMessage: message };
}

/**
 * An error under a switch or checkbox (they have no error props of their own); nothing without one.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <ErrorNote message={form.errors["email.enabled"]} testId="error-email.enabled" />
 * ```
 */
export function ErrorNote({ message, testId }: { message: string | undefined; testId: string }) {
  if (message === undefined) return null;
  return (
    <Text variant="microcopy" format={{ fontWeight: "bold" }} testId={testId}>
      {message}
    </Text>
  );
}

/**
 * A one-line text setting (`Input`); with `emptyIsDefault`, emptying it removes the setting so the
 * server's default applies.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <TextField form={form} path="defaultCountry" required />
 * ```
 */
export function TextField(
  props: FieldProps & { placeholder?: string; required?: boolean; emptyIsDefault?: boolean },
) {
  const { form, path } = props;
  const set = (text: string) =>
    form.edit(path, props.emptyIsDefault && text === "" ? undefined : text);
  return (
    <Input
      name={path}
      label={FIELD_LABELS[path]}
      testId={fieldTestId(path)}
      value={textAt(form.draft, path)}
      readOnly={form.readOnly}
      {...(props.description ? { description: props.description } : {})}
      {...(props.placeholder ? { placeholder: props.placeholder } : {})}
      {...(props.required ? { required: true } : {})}
      {...errorProps(form.errors[path])}
      onInput={set}
      onChange={set}
    />
  );
}

/**
 * A text setting that may span lines (`TextArea`).
 *
 * @throws Never.
 * @example
 * ```tsx
 * <TextAreaField form={form} path="email.template.body" required />
 * ```
 */
export function TextAreaField(props: FieldProps & { required?: boolean; rows?: number }) {
  const { form, path } = props;
  const set = (text: string) => form.edit(path, text);
  return (
    <TextArea
      name={path}
      label={FIELD_LABELS[path]}
      testId={fieldTestId(path)}
      value={textAt(form.draft, path)}
      readOnly={form.readOnly}
      rows={props.rows ?? 3}
      resize="vertical"
      {...(props.description ? { description: props.description } : {})}
      {...(props.required ? { required: true } : {})}
      {...errorProps(form.errors[path])}
      onInput={set}
      onChange={set}
    />
  );
}

/**
 * A whole-number setting (`NumberInput`). A cleared field is sent as null, for the server to name
 * the range (its default would otherwise apply silently).
 *
 * @throws Never.
 * @example
 * ```tsx
 * <NumberField form={form} path="maxAttempts" />
 * ```
 */
export function NumberField(props: FieldProps) {
  const { form, path } = props;
  const value = numberAt(form.draft, path);
  return (
    <NumberInput
      name={path}
      label={FIELD_LABELS[path]}
      testId={fieldTestId(path)}
      {...(value === undefined ? {} : { value })}
      readOnly={form.readOnly}
      precision={0}
      required
      {...(props.description ? { description: props.description } : {})}
      {...errorProps(form.errors[path])}
      onChange={(n) => form.edit(path, typeof n === "number" && Number.isFinite(n) ? n : null)}
    />
  );
}

/**
 * A setting picked from a list (`Select`; the list comes from the server).
 *
 * @throws Never.
 * @example
 * ```tsx
 * <SelectField form={form} path="code.length" options={[{ value: 6, label: "6 characters" }]} />
 * ```
 */
export function SelectField(props: FieldProps & { options: readonly FieldOption[] }) {
  const { form, path, options } = props;
  const current = valueAt(form.draft, path);
  // "6" and 6 are the same choice (the server accepts both); anything else shows as unset.
  const selected = options.find((o) => String(o.value) === String(current));
  return (
    <Select
      name={path}
      label={FIELD_LABELS[path]}
      testId={fieldTestId(path)}
      options={[...options]}
      {...(selected === undefined ? {} : { value: selected.value })}
      readOnly={form.readOnly}
      required
      {...(props.description ? { description: props.description } : {})}
      {...errorProps(form.errors[path])}
      onChange={(value) => form.edit(path, value)}
    />
  );
}

/**
 * An on/off setting shown as a switch (`Toggle`: a channel, a feature).
 *
 * @throws Never.
 * @example
 * ```tsx
 * <ToggleField form={form} path="email.enabled" />
 * ```
 */
export function ToggleField(props: FieldProps) {
  const { form, path } = props;
  return (
    <Flex direction="column" gap="extra-small">
      <Toggle
        name={path}
        label={FIELD_LABELS[path]}
        testId={fieldTestId(path)}
        checked={flagAt(form.draft, path)}
        readOnly={form.readOnly}
        onChange={(checked) => form.edit(path, checked)}
      />
      {props.description ? <Text variant="microcopy">{props.description}</Text> : null}
      <ErrorNote message={form.errors[path]} testId={`error-${path}`} />
    </Flex>
  );
}

/**
 * An on/off setting shown as a checkbox (an opt-in that goes with the field above it).
 *
 * @throws Never.
 * @example
 * ```tsx
 * <CheckboxField form={form} path="code.allowWeak" />
 * ```
 */
export function CheckboxField(props: FieldProps) {
  const { form, path } = props;
  return (
    <Flex direction="column" gap="extra-small">
      <Checkbox
        name={path}
        testId={fieldTestId(path)}
        checked={flagAt(form.draft, path)}
        readOnly={form.readOnly}
        {...(props.description ? { description: props.description } : {})}
        onChange={(checked) => form.edit(path, checked)}
      >
        {FIELD_LABELS[path]}
      </Checkbox>
      <ErrorNote message={form.errors[path]} testId={`error-${path}`} />
    </Flex>
  );
}
