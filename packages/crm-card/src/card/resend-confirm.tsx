import {
  Alert,
  Button,
  Flex,
  LoadingButton,
  Modal,
  ModalBody,
  ModalFooter,
  Text,
} from "@hubspot/ui-extensions";
import type { ResendConfirm } from "./card-state.js";
import { RESEND_MODAL_ID } from "./use-otp-card.js";

/** Props of {@link ResendButton}. */
export interface ResendButtonProps {
  confirm: ResendConfirm;
  /** A call is running (the Resend call shows its spinner on Confirm & Resend). */
  busy: "generate" | "resend" | "regenerate" | null;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Resend Code (e-mail on): opens a confirmation that shows the recipient's address, with
 * Confirm & Resend and Cancel (Cancel sends nothing). When the address changed since the card
 * loaded (RECIPIENT_CHANGED) the confirmation stays open and shows the new one.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <ResendButton confirm={{ email: "ana@example.com", changed: false }} busy={null} onConfirm={send} onCancel={close} />
 * ```
 */
export function ResendButton(props: ResendButtonProps) {
  return (
    <Button
      testId="resend"
      variant="primary"
      disabled={props.busy !== null}
      overlay={<ResendConfirmModal {...props} />}
    >
      Resend Code
    </Button>
  );
}

function ResendConfirmModal({ confirm, busy, onConfirm, onCancel }: ResendButtonProps) {
  const { email, changed } = confirm;
  return (
    <Modal id={RESEND_MODAL_ID} title="Resend the code?" width="sm">
      <ModalBody>
        <Flex direction="column" gap="sm">
          {changed ? (
            <Alert title="The e-mail address changed" variant="warning">
              {email === null
                ? "The contact no longer has an e-mail address, so no code can be sent. Cancel, add an address to the contact, and try again."
                : "The contact's e-mail address changed since the card loaded. Check the new address below before you confirm."}
            </Alert>
          ) : null}
          {email === null ? null : (
            <Flex direction="column" gap="xs">
              <Text>A new code will be e-mailed to:</Text>
              <Text testId="resend-recipient" format={{ fontWeight: "bold" }}>
                {email}
              </Text>
              <Text variant="microcopy">
                The current code stops working when the new one is sent.
              </Text>
            </Flex>
          )}
        </Flex>
      </ModalBody>
      <ModalFooter>
        <Flex direction="row" gap="sm">
          <LoadingButton
            testId="confirm-resend"
            variant="primary"
            loading={busy === "resend"}
            disabled={busy !== null || email === null}
            onClick={onConfirm}
          >
            Confirm &amp; Resend
          </LoadingButton>
          <Button
            testId="cancel-resend"
            variant="secondary"
            disabled={busy === "resend"}
            onClick={onCancel}
          >
            Cancel
          </Button>
        </Flex>
      </ModalFooter>
    </Modal>
  );
}
