// Edge file: a timer that deletes old chart images from the store.
import type { Store } from "../store/store.js";

/** How often the sweep runs (and once shortly after start-up). */
export const CHART_SWEEP_INTERVAL_MS = 6 * 60 * 60 * 1000;
const FIRST_SWEEP_DELAY_MS = 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The oldest creation time a chart may have at `now` to be kept. */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

export interface ChartRetentionOptions {
  store: Pick<Store, "deleteChartsBefore">;
  /** 0 keeps charts forever (no sweep). */
  days: number;
  now: () => Date;
  log: { info(object: object, message: string): void; warn(object: object, message: string): void };
  intervalMs?: number;
  firstDelayMs?: number;
}

/**
 * Deletes charts older than `days` shortly after start-up and then every `intervalMs`. The timers
 * never keep the process alive, and a failing sweep is logged and retried at the next interval.
 * Several replicas sweeping at once is harmless (the DELETE is idempotent). Returns `stop`, and
 * `sweep` for tests.
 */
export function startChartRetention(options: ChartRetentionOptions): { stop(): void; sweep(): Promise<number> } {
  const sweep = async (): Promise<number> => {
    try {
      const deleted = await options.store.deleteChartsBefore(retentionCutoff(options.now(), options.days));
      if (deleted > 0) options.log.info({ deleted, retentionDays: options.days }, "old chart images deleted");
      return deleted;
    } catch (error) {
      options.log.warn({ error: error instanceof Error ? error.message : String(error) }, "chart retention sweep failed");
      return 0;
    }
  };
  if (options.days <= 0) return { stop: () => undefined, sweep: async () => 0 };
  const first = setTimeout(() => void sweep(), options.firstDelayMs ?? FIRST_SWEEP_DELAY_MS);
  const every = setInterval(() => void sweep(), options.intervalMs ?? CHART_SWEEP_INTERVAL_MS);
  first.unref();
  every.unref();
  return { stop: () => { clearTimeout(first); clearInterval(every); }, sweep };
}
