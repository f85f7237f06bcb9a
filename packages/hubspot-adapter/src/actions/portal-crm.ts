// Internal: one CRM client and one write queue per portal, for the life of the app (the client
// holds the portal's rate limit), and the app's properties created before a portal's first write.
import type { CrmClient, CrmClientOptions } from "../crm-client.js";
import { createCrmClient } from "../crm-client.js";
import {
  OTPKIT_CODE_PROPERTY,
  OTPKIT_PROPERTIES,
  OTPKIT_PROPERTY_GROUP,
} from "../crm-properties.js";
import type { CrmDeadLetter, CrmWriteQueue, CrmWriteQueueOptions } from "../crm-write-queue.js";
import { createCrmWriteQueue } from "../crm-write-queue.js";

/** A CRM write given up on, without its values (one may be the plaintext code). */
export type HubSpotDeadLetter = Omit<CrmDeadLetter, "properties"> & { portalId: number };

/** What {@link createPortalCrm} needs. */
export interface PortalCrmOptions {
  accessToken(portalId: number): Promise<string>;
  basePath?: string;
  crm?: Omit<CrmClientOptions, "portalId" | "accessToken" | "basePath">;
  writeQueue?: Omit<CrmWriteQueueOptions, "client" | "onDeadLetter">;
  onDeadLetter?: (letter: HubSpotDeadLetter) => void;
}

/** @internal The per-portal CRM clients and write queues. */
export function createPortalCrm(options: PortalCrmOptions) {
  const clients = new Map<number, CrmClient>();
  const queues = new Map<number, CrmWriteQueue>();

  function crmFor(portalId: number): CrmClient {
    let client = clients.get(portalId);
    if (client === undefined) {
      client = createCrmClient({
        ...options.crm,
        portalId,
        accessToken: () => options.accessToken(portalId),
        ...(options.basePath === undefined ? {} : { basePath: options.basePath }),
      });
      clients.set(portalId, client);
    }
    return client;
  }

  function writesFor(portalId: number): CrmWriteQueue {
    let queue = queues.get(portalId);
    if (queue === undefined) {
      const ensure = schemaEnsurer(crmFor(portalId));
      queue = createCrmWriteQueue({
        ...options.writeQueue,
        client: {
          async updateContact(contactId, properties) {
            await ensure(Object.keys(properties));
            await crmFor(portalId).updateContact(contactId, properties);
          },
        },
        // Why the values are dropped: one of them may be the plaintext code.
        onDeadLetter: ({ properties: _values, ...letter }) =>
          options.onDeadLetter?.({ ...letter, portalId }),
      });
      queues.set(portalId, queue);
    }
    return queue;
  }

  return { crmFor, writesFor, queues: queues as ReadonlyMap<number, CrmWriteQueue> };
}

/**
 * Creates the app's property group and properties the first time a write needs them (per
 * process): one list call, then a create per missing one. A failure is thrown to the write queue,
 * which retries the write (and so this) later.
 */
function schemaEnsurer(crm: CrmClient): (names: readonly string[]) => Promise<void> {
  const definitions = new Map(
    [...OTPKIT_PROPERTIES, OTPKIT_CODE_PROPERTY].map((d) => [d.name, d] as const),
  );
  const ensured = new Set<string>();
  let running: Promise<void> | undefined;
  async function ensure(missing: readonly string[]): Promise<void> {
    await crm.ensurePropertyGroup(OTPKIT_PROPERTY_GROUP);
    // All the app's own properties at once (one list call); the code property only when used.
    const wanted = [
      ...OTPKIT_PROPERTIES.filter((d) => !ensured.has(d.name)),
      ...(missing.includes(OTPKIT_CODE_PROPERTY.name) ? [OTPKIT_CODE_PROPERTY] : []),
    ];
    await crm.ensureProperties(wanted);
    for (const d of wanted) ensured.add(d.name);
  }
  return async function needs(names) {
    for (;;) {
      const missing = names.filter((n) => definitions.has(n) && !ensured.has(n));
      if (missing.length === 0) return;
      if (running === undefined) {
        // One check at a time per portal; concurrent writes wait for it, then look again.
        running = ensure(missing).finally(() => {
          running = undefined;
        });
        return running;
      }
      await running.catch(() => undefined);
    }
  };
}
