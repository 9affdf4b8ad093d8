import type { Context } from "probot";
import type { AppDeps } from "../deps.js";
import { userSafeMessage } from "../errors.js";
import { safeError } from "../log-safe.js";

/**
 * How long a claim holds before a redelivery of a delivery that never completed (its process died)
 * may take it over. Longer than any delivery takes: downloads and analysis are size- and time-limited.
 */
export const DELIVERY_LEASE_MS = 15 * 60 * 1000;

/**
 * Runs one webhook delivery at most once and never lets it crash the process:
 * 1. claim the delivery id in the store for `DELIVERY_LEASE_MS` (a redelivery is skipped: no second
 *    comment or check run; after a crash mid-delivery, a redelivery past the lease runs it again);
 * 2. run the handler, then mark the delivery completed;
 * 3. on failure, log the details with the delivery id and hand a user-safe message to `onFailure`
 *    (which completes the check run with it); the delivery counts as completed once that is published.
 */
export async function runDelivery(
  context: Context,
  deps: AppDeps,
  work: () => Promise<void>,
  onFailure: (message: string) => Promise<void>,
): Promise<void> {
  const now = deps.now();
  const claimedUntil = new Date(now.getTime() + DELIVERY_LEASE_MS).toISOString();
  const fresh = await deps.store.claimDelivery({ id: context.id, event: context.name, receivedAt: now.toISOString(), claimedUntil });
  if (!fresh) {
    context.log.info({ deliveryId: context.id, event: context.name }, "duplicate delivery skipped");
    return;
  }
  try {
    await work();
    await deps.store.completeDelivery(context.id, deps.now().toISOString());
  } catch (error) {
    const { message, internal } = userSafeMessage(error, context.id);
    const log = internal ? context.log.error.bind(context.log) : context.log.warn.bind(context.log);
    // Never the error object itself: a RequestError carries request/response bodies (see log-safe.ts).
    log({ deliveryId: context.id, event: context.name, error: safeError(error) }, "delivery failed");
    try {
      await onFailure(message);
      await deps.store.completeDelivery(context.id, deps.now().toISOString());
    } catch (reportError) {
      context.log.error({ deliveryId: context.id, error: safeError(reportError) }, "could not report the failure");
    }
  }
}
