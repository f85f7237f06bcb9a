// The e-mail preview: subject and text part of the mail the draft would send, with a sample
// code. The HTML part cannot be shown in a HubSpot extension (no raw HTML), so the text stands in.
import { Alert, Flex, Heading, List, LoadingSpinner, Text, Tile } from "@hubspot/ui-extensions";
import type { OtpkitApi } from "../api.js";
import type { SettingsDraft } from "./draft.js";
import { errorLines } from "./field-errors.js";
import { useEmailPreview } from "./use-email-preview.js";

/** Props of {@link EmailPreviewPanel}. */
export interface EmailPreviewPanelProps {
  api: OtpkitApi;
  draft: SettingsDraft;
  /** Whether e-mail delivery is on in the draft (off: the preview says so). */
  emailOn: boolean;
  /** The pause after an edit before the preview is asked for, ms. */
  delayMs?: number;
}

/**
 * The live preview; test ids `email-preview`, `preview-subject`, `preview-text`, `preview-error`.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <EmailPreviewPanel api={api} draft={form.draft} emailOn />
 * ```
 */
export function EmailPreviewPanel({ api, draft, emailOn, delayMs }: EmailPreviewPanelProps) {
  const preview = useEmailPreview(api, draft, delayMs);
  return (
    <Tile testId="email-preview" compact>
      <Flex direction="column" gap="small">
        <Heading>Preview</Heading>
        {emailOn ? null : (
          <Text variant="microcopy">
            E-mail delivery is off: this is the e-mail contacts get once you turn it on.
          </Text>
        )}
        {preview.updating ? (
          <LoadingSpinner label="Updating the preview" showLabel size="xs" layout="inline" />
        ) : null}
        {preview.status === "ready" ? (
          <>
            <Text testId="preview-subject">
              <Text inline format={{ fontWeight: "bold" }}>
                Subject:
              </Text>{" "}
              {preview.email.subject}
            </Text>
            <Flex direction="column" gap="small" testId="preview-text">
              {paragraphs(preview.email.text).map((lines, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own
                <Flex key={i} direction="column" gap="flush">
                  {lines.map((line, j) => (
                    <Text
                      // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own
                      key={j}
                      {...(line.trim() === preview.email.sampleCode
                        ? { format: { fontWeight: "bold" as const } }
                        : {})}
                    >
                      {line}
                    </Text>
                  ))}
                </Flex>
              ))}
            </Flex>
            <Text variant="microcopy">
              With the sample code {preview.email.sampleCode}; every real code is new. Contacts also
              get a formatted version of this text.
            </Text>
          </>
        ) : null}
        {preview.status === "failed" ? <PreviewError failure={preview.failure} /> : null}
      </Flex>
    </Tile>
  );
}

function PreviewError({
  failure,
}: {
  failure: { message: string; fieldErrors?: Record<string, string> };
}) {
  const lines = errorLines(failure.fieldErrors ?? {});
  return (
    <Alert variant="warning" title="The preview cannot be shown" testId="preview-error">
      {lines.length === 0 ? (
        failure.message
      ) : (
        <Flex direction="column" gap="extra-small">
          <Text>Fix these and the preview comes back:</Text>
          <List variant="unordered">
            {lines.map((l) => (
              <Text key={l.path}>
                {l.label}: {l.message}
              </Text>
            ))}
          </List>
        </Flex>
      )}
    </Alert>
  );
}

/** The text part as paragraphs (split at blank lines) of lines. */
function paragraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.split("\n").filter((line) => line.trim() !== ""))
    .filter((p) => p.length > 0);
}
