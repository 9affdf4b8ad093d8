import type { Context } from "probot";
import type { AppDeps } from "../deps.js";
import { userSafeMessage } from "../errors.js";
import { safeError } from "../log-safe.js";

/**
 * Runs one webhook delivery at most once and never lets it crash the process:
 * 1. claim the delivery id in the store (a redelivery is skipped: no second comment or check run);
 * 2. run the handler;
 * 3. on failure, log the details with the delivery id and hand a user-safe message to `onFailure`
 *    (which completes the check run with it).
 */
export async function runDelivery(
  context: Context,
  deps: AppDeps,
  work: () => Promise<void>,
  onFailure: (message: string) => Promise<void>,
): Promise<void> {
  const fresh = await deps.store.claimDelivery({ id: context.id, event: context.name, receivedAt: deps.now().toISOString() });
  if (!fresh) {
    context.log.info({ deliveryId: context.id, event: context.name }, "duplicate delivery skipped");
    return;
  }
  try {
    await work();
  } catch (error) {
    const { message, internal } = userSafeMessage(error, context.id);
    const log = internal ? context.log.error.bind(context.log) : context.log.warn.bind(context.log);
    // Never the error object itself: a RequestError carries request/response bodies (see log-safe.ts).
    log({ deliveryId: context.id, event: context.name, error: safeError(error) }, "delivery failed");
    try {
      await onFailure(message);
    } catch (reportError) {
      context.log.error({ deliveryId: context.id, error: safeError(reportError) }, "could not report the failure");
    }
  }
}
