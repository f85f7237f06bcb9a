// The summary of the field errors on screen: from a refused save, or from saved settings that no
// longer validate (the app cannot make codes with them until they are fixed and saved).
import { Alert, Flex, List, Text } from "@hubspot/ui-extensions";
import type { FieldErrors } from "./field-errors.js";
import { errorLines } from "./field-errors.js";

/** Props of {@link ErrorSummary}. */
export interface ErrorSummaryProps {
  errors: FieldErrors;
  from: "saved" | "save" | null;
}

/**
 * Every field error on screen, named by group and field; test id `error-summary`.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <ErrorSummary errors={form.errors} from={form.errorsFrom} />
 * ```
 */
export function ErrorSummary({ errors, from }: ErrorSummaryProps) {
  const lines = errorLines(errors);
  if (lines.length === 0) return null;
  const saved = from === "saved";
  return (
    <Alert
      variant="error"
      testId="error-summary"
      title={saved ? "The saved settings need fixing" : "Some settings need fixing"}
    >
      <Flex direction="column" gap="extra-small">
        <Text>
          {saved
            ? "These saved settings no longer pass the checks, so the app cannot make codes for this portal until you fix them and save:"
            : "Nothing was saved. Fix these and save again:"}
        </Text>
        <List variant="unordered">
          {lines.map((line) => (
            <Text key={line.path}>
              <Text inline format={{ fontWeight: "bold" }}>
                {line.label}:
              </Text>{" "}
              {line.message}
            </Text>
          ))}
        </List>
      </Flex>
    </Alert>
  );
}
