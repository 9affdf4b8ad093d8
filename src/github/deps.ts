import type { ScanKernelFactory } from "../ingest/formats/tfevents/scan-kernel.js";
import type { AppConfigCache } from "../config/config-cache.js";
import type { Store } from "../store/store.js";
import type { ChartHosting } from "./publish/publish-charts.js";

/** What the handlers need from the outside world, injected by app.ts / server.ts (and tests). */
export interface AppDeps {
  store: Store;
  /** Set when the app has PUBLIC_URL + CHART_SIGNING_KEY; reports then embed served chart images. */
  hosting: ChartHosting | null;
  /** Injected clock (timestamps of stored records). */
  now: () => Date;
  /** fetch used for comment attachments (tests inject one). */
  fetch: typeof fetch;
  /** `.github/loss-doctor.yml` per (repo, commit sha), shared by deliveries; absent = always fetch. */
  configCache?: AppConfigCache;
  /** The WebAssembly record loop for TensorBoard files (ADR 0006); absent = the TypeScript loop. */
  scanKernel?: ScanKernelFactory | undefined;
}
