// Save, Discard and where the form stands: unsaved changes, never saved, saved; and a save that
// failed for another reason than the values (the server unreachable, the sign-in refused).
import { Alert, Button, Flex, LoadingButton, Tag } from "@hubspot/ui-extensions";
import type { FormState } from "./form-state.js";
import { canSave, isDirty } from "./form-state.js";

/** Props of {@link SaveBar}. */
export interface SaveBarProps {
  form: FormState;
  onSave(): void;
  onDiscard(): void;
}

/**
 * The save controls; test ids `save-settings`, `discard-changes`, `form-status`, `save-failure`.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <SaveBar form={form} onSave={() => void save()} onDiscard={discard} />
 * ```
 */
export function SaveBar({ form, onSave, onDiscard }: SaveBarProps) {
  const dirty = isDirty(form);
  const status = dirty
    ? ({ variant: "warning", text: "Unsaved changes" } as const)
    : !form.everSaved
      ? ({ variant: "info", text: "Not saved yet: the defaults apply" } as const)
      : Object.keys(form.savedErrors).length > 0
        ? ({ variant: "error", text: "Saved settings need fixing" } as const)
        : ({ variant: "success", text: "All changes saved" } as const);
  return (
    <Flex direction="column" gap="small">
      {form.failure !== null ? (
        <Alert variant="error" title="Settings not saved" testId="save-failure">
          {form.failure.message} Your changes are still here; save again when it works.
        </Alert>
      ) : null}
      <Flex direction="row" gap="small" align="center" wrap>
        <LoadingButton
          testId="save-settings"
          variant="primary"
          loading={form.saving}
          disabled={!canSave(form)}
          onClick={onSave}
        >
          {form.saving ? "Saving…" : "Save settings"}
        </LoadingButton>
        <Button
          testId="discard-changes"
          variant="secondary"
          disabled={!dirty || form.saving}
          onClick={onDiscard}
        >
          Discard changes
        </Button>
        <Tag testId="form-status" variant={status.variant}>
          {status.text}
        </Tag>
      </Flex>
    </Flex>
  );
}
