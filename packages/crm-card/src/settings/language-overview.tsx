// Which languages have texts of their own in the form: one tag each (red when one of its texts
// needs fixing), a click opens that language in the editor.
import { Flex, Tag, Text } from "@hubspot/ui-extensions";
import { languageName } from "./languages.js";

/** Props of {@link LanguageOverview}. */
export interface LanguageOverviewProps {
  /** The languages with texts of their own, in order (`languagesWithTexts`). */
  tags: readonly string[];
  /** Those of them with a text that needs fixing. */
  troubled: ReadonlySet<string>;
  onPick(tag: string): void;
}

/**
 * The overview; test ids `translations-overview` and `translation-tag-<tag>`.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <LanguageOverview tags={["de"]} troubled={new Set()} onPick={setChosen} />
 * ```
 */
export function LanguageOverview({ tags, troubled, onPick }: LanguageOverviewProps) {
  if (tags.length === 0) {
    return (
      <Text testId="translations-overview">
        No language has texts of its own yet: every contact gets otpkit's built-in e-mail in their
        language.
      </Text>
    );
  }
  return (
    <Flex direction="row" gap="extra-small" align="center" wrap testId="translations-overview">
      <Text inline format={{ fontWeight: "bold" }}>
        Your texts:
      </Text>
      {tags.map((tag) => (
        <Tag
          key={tag}
          testId={`translation-tag-${tag}`}
          variant={troubled.has(tag) ? "error" : "default"}
          onClick={() => onPick(tag)}
        >
          {languageName(tag)}
        </Tag>
      ))}
    </Flex>
  );
}
