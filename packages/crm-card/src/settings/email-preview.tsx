// The e-mail preview: subject and text part of the mail the draft would send, with a sample
// code. The HTML part cannot be shown in a HubSpot extension (no raw HTML), so the text stands in.
// HubSpot's components take no writing direction: a right-to-left language's lines are set
// flush right and each wrapped in a right-to-left isolate, so the words, the Latin names in them
// and the punctuation come in right-to-left order even though the components' direction is ltr.
import { Alert, Flex, Heading, List, LoadingSpinner, Text, Tile } from "@hubspot/ui-extensions";
import type { OtpkitApi } from "../api.js";
import type { PreviewLanguage, SettingsDraft } from "./draft.js";
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
  /** Preview this language's e-mail with these texts (default: English, `email.template`). */
  language?: PreviewLanguage;
  /** The language's writing direction. @default "ltr" */
  dir?: "ltr" | "rtl";
  /** The heading. @default "Preview" */
  title?: string;
  /** Put before every test id, for a second panel on the page (`"language-"`). @default "" */
  idPrefix?: string;
}

// U+2067 RIGHT-TO-LEFT ISOLATE … U+2069 POP DIRECTIONAL ISOLATE: the browser lays out what is
// between them right to left, whatever the direction around it. Display only, never saved.
const RLI = "\u2067";
const PDI = "\u2069";

/**
 * The live preview; test ids `email-preview`, `preview-subject`, `preview-text`, `preview-error`,
 * each after `idPrefix`.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <EmailPreviewPanel api={api} draft={form.draft} emailOn />
 * ```
 */
export function EmailPreviewPanel(props: EmailPreviewPanelProps) {
  const { api, draft, emailOn, delayMs, language, idPrefix = "" } = props;
  const preview = useEmailPreview(api, draft, delayMs, language);
  const rtl = props.dir === "rtl";
  const shown = (line: string) => (rtl ? `${RLI}${line}${PDI}` : line);
  return (
    <Tile testId={`${idPrefix}email-preview`} compact>
      <Flex direction="column" gap="small">
        <Heading>{props.title ?? "Preview"}</Heading>
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
            <Text testId={`${idPrefix}preview-subject`}>
              <Text inline format={{ fontWeight: "bold" }}>
                Subject:
              </Text>{" "}
              {shown(preview.email.subject)}
            </Text>
            <Flex direction="column" gap="small" testId={`${idPrefix}preview-text`}>
              {paragraphs(preview.email.text).map((lines, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own
                <Flex key={i} direction="column" gap="flush" {...(rtl ? { align: "end" } : {})}>
                  {lines.map((line, j) => (
                    <Text
                      // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own
                      key={j}
                      {...(line.trim() === preview.email.sampleCode
                        ? { format: { fontWeight: "bold" as const } }
                        : {})}
                    >
                      {shown(line)}
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
        {preview.status === "failed" ? (
          <PreviewError failure={preview.failure} testId={`${idPrefix}preview-error`} />
        ) : null}
      </Flex>
    </Tile>
  );
}

function PreviewError({
  failure,
  testId,
}: {
  failure: { message: string; fieldErrors?: Record<string, string> };
  testId: string;
}) {
  const lines = errorLines(failure.fieldErrors ?? {});
  return (
    <Alert variant="warning" title="The preview cannot be shown" testId={testId}>
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
