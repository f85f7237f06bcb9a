/** Prepared fresh codes, used oldest first, each once. */
export interface CodePool<T> {
  push(item: T): void;
  /** The oldest code still young enough, or undefined when none is left. */
  take(): T | undefined;
  /** How many young-enough codes are ready. */
  size(): number;
}

/**
 * A FIFO of prepared codes that forgets codes older than `maxAgeMs`: a code prepared for one
 * round may be used in the next, but never after it expired on the server.
 *
 * @example
 * const pool = createCodePool<string>(480_000);
 * pool.push(verificationId);
 */
export function createCodePool<T>(maxAgeMs: number, now: () => number = Date.now): CodePool<T> {
  let items: Array<{ item: T; at: number }> = [];
  let head = 0;
  const prune = () => {
    const oldest = now() - maxAgeMs;
    while (head < items.length && items[head]!.at < oldest) head++;
    // Compact now and then, so a long run does not keep every used entry.
    if (head > 10_000 && head * 2 > items.length) {
      items = items.slice(head);
      head = 0;
    }
  };
  return {
    push(item) {
      items.push({ item, at: now() });
    },
    take() {
      prune();
      if (head >= items.length) return undefined;
      return items[head++]!.item;
    },
    size() {
      prune();
      return items.length - head;
    },
  };
}
