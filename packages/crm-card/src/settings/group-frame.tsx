// One group of the settings page: a tile with its title, an introduction, and the errors the API
// gave the group as a whole (a section that is not an object in the saved settings).
import { Flex, Heading, Text, Tile } from "@hubspot/ui-extensions";
import type { ReactNode } from "react";
import type { FieldErrors } from "./field-errors.js";
import { ErrorNote } from "./fields.js";
import type { SettingsGroup } from "./settings-fields.js";
import { SETTINGS_GROUPS } from "./settings-fields.js";

/** Props of {@link GroupFrame}. */
export interface GroupFrameProps {
  id: SettingsGroup["id"];
  intro: string;
  errors: FieldErrors;
  children: ReactNode;
}

/**
 * A group's frame; its test id is `group-<id>`.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <GroupFrame id="limits" intro="…" errors={form.errors}>…</GroupFrame>
 * ```
 */
export function GroupFrame({ id, intro, errors, children }: GroupFrameProps) {
  const group = SETTINGS_GROUPS.find((g) => g.id === id);
  return (
    <Tile testId={`group-${id}`}>
      <Flex direction="column" gap="small">
        <Heading>{group?.title ?? id}</Heading>
        <Text>{intro}</Text>
        {group?.sections.map((section) => (
          <ErrorNote key={section} message={errors[section]} testId={`error-${section}`} />
        ))}
        {children}
      </Flex>
    </Tile>
  );
}
