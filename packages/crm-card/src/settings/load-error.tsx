// The page when the settings could not be loaded: why, in words for an admin, and a retry.
import { Button, ErrorState, Text } from "@hubspot/ui-extensions";
import type { ApiFailure } from "../api.js";

/** Props of {@link LoadError}. */
export interface LoadErrorProps {
  failure: ApiFailure;
  onRetry(): void;
}

/**
 * What went wrong loading the settings; test ids `load-error`, `retry-load`.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <LoadError failure={load.failure} onRetry={() => void reload()} />
 * ```
 */
export function LoadError({ failure, onRetry }: LoadErrorProps) {
  const refused = failure.status === 401 || failure.status === 403;
  const title =
    failure.code === "NETWORK"
      ? "The otpkit server could not be reached"
      : refused
        ? "The otpkit server did not accept this page"
        : "The settings could not be loaded";
  const detail = refused
    ? `It could not confirm that the request came from this HubSpot portal through the otpkit app (${failure.code}). Reload the page; if it keeps happening, ask whoever runs the otpkit server to check the app's client secret and app id.`
    : failure.message;
  return (
    <ErrorState testId="load-error" title={title} type={refused ? "lock" : "error"}>
      <Text>{detail}</Text>
      <Button testId="retry-load" onClick={onRetry}>
        Try again
      </Button>
    </ErrorState>
  );
}
