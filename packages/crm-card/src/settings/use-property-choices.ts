// The property picker's data: the contact properties that may hold the code, and the app's own.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiFailure, OtpkitApi } from "../api.js";
import type { PropertyChoices } from "../wire.js";

/** The picker's state. */
export interface PropertyChoicesState {
  /** The last list read (kept while a sync runs or fails). */
  choices: PropertyChoices | null;
  /** A read is on its way. */
  loading: boolean;
  /** The last read failed. */
  failure: ApiFailure | null;
  /** Asks HubSpot again, past the server's cache ("Sync properties"). */
  sync(): Promise<void>;
}

/**
 * The contact properties that may hold the code, read once when the page opens.
 *
 * @param api The otpkit API (`properties`).
 * @returns The list (or why there is none) and `sync`.
 * @throws Never: failures are states.
 * @example
 * ```tsx
 * const picker = usePropertyChoices(api);
 * <Button onClick={() => void picker.sync()}>Sync properties</Button>;
 * ```
 */
export function usePropertyChoices(api: OtpkitApi): PropertyChoicesState {
  const [choices, setChoices] = useState<PropertyChoices | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const reads = useRef(0);

  const read = useCallback(
    async (refresh: boolean) => {
      const mine = ++reads.current;
      setLoading(true);
      const answer = await api.properties(refresh);
      if (mine !== reads.current) return;
      setLoading(false);
      if (answer.ok) {
        setChoices(answer.data);
        setFailure(null);
      } else {
        setFailure(answer);
      }
    },
    [api],
  );

  useEffect(() => {
    void read(false);
    return () => {
      reads.current++;
    };
  }, [read]);

  const sync = useCallback(() => read(true), [read]);
  return { choices, loading, failure, sync };
}
