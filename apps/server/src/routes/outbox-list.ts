import type { Runtime } from "../runtime.js";
import type { ChannelEntry, OutboxRow } from "../wiring/channel-entry.js";
import type { ChannelName } from "../wiring/channel-registry.js";
import { CHANNEL_NAMES, channelEntry, isChannelName } from "../wiring/channel-registry.js";

/** One message of the dev outbox, with what the audit trail knows of it. */
export interface OutboxMessageView extends OutboxRow {
  channel: ChannelName;
  /** `code`, `retry`, `lockout` or `unlock`; null for a message the audit trail does not know. */
  kind: string | null;
  /** The verification the code belongs to, when one was started for it through the API. */
  verificationId: string | null;
  /** The message's own page. */
  href: string;
}

/**
 * The dev outbox, newest first: every registered channel's outbox (wiring/channel-registry.ts),
 * each message joined to the audit trail by its provider message id (the kind, the code id, the
 * verification) and with the code it carries, read from the message itself. For the development
 * pages only: it returns codes.
 *
 * @throws {Error} When the database fails.
 * @example
 * const [latest] = await listOutbox(rt, 1);
 * latest?.code; // "483921"
 */
export async function listOutbox(rt: Runtime, limit: number): Promise<OutboxMessageView[]> {
  const rows: Array<OutboxRow & { channel: ChannelName }> = [];
  for (const channel of CHANNEL_NAMES) {
    const dir = rt.outbox[channel];
    if (!dir) continue;
    for (const row of await channelEntry(channel).outbox.list(dir, limit)) {
      rows.push({ ...row, channel });
    }
  }
  const sent = await rt.audit.sent(rows.map((row) => row.messageId));
  return rows
    .map((row) => {
      const known = sent.get(row.messageId);
      return {
        ...row,
        kind: known?.messageKind ?? row.kind,
        verificationId: known?.verificationId ?? null,
        href: `/dev/outbox/${row.channel}/${encodeURIComponent(row.id)}`,
      };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
}

/**
 * The outbox of the channel a URL names: its registry entry and its folder, or null when no
 * registered channel has that name or the channel delivers for real (no outbox).
 *
 * @throws {never}
 * @example
 * const outbox = channelOutbox(rt, c.req.param("channel"));
 * const page = outbox && (await outbox.entry.outbox.page(outbox.dir, id, href));
 */
export function channelOutbox(
  rt: Runtime,
  channel: string,
): { entry: ChannelEntry<Record<never, never>, unknown>; dir: string } | null {
  if (!isChannelName(channel)) return null;
  const dir = rt.outbox[channel];
  return dir ? { entry: channelEntry(channel), dir } : null;
}
