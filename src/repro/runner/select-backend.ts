import { tf } from "./tf.js";
import { registerWasmConv2dBackpropFilter } from "./wasm-conv2d-backprop-filter.js";

/** Backends in speed order; `auto` takes the first that loads. */
export type BackendName = "tfjs-node-gpu" | "tfjs-node" | "wasm" | "cpu";
export type BackendChoice = "auto" | BackendName;

export const BACKEND_ORDER: readonly BackendName[] = ["tfjs-node-gpu", "tfjs-node", "wasm", "cpu"];

/** What was picked and why the faster ones were skipped (shown in the CLI summary and result JSON). */
export interface BackendSelection {
  backend: BackendName;
  /** tfjs' own name for it (`tensorflow` for both node bindings). */
  tfBackend: string;
  skipped: { backend: BackendName; reason: string }[];
}

/** Dynamic import through a variable so bundlers and tsc do not require the optional packages. */
async function importOptional(name: string): Promise<void> {
  await import(name);
}

/**
 * Loads one backend. tfjs-node and tfjs-node-gpu are optionalDependencies: their install script
 * downloads libtensorflow (CUDA 11.2 + cuDNN 8.1 for -gpu), so they exist on a prepared runner
 * and are absent elsewhere; importing them registers the native `tensorflow` backend. wasm gets
 * the Conv2DBackpropFilter kernel it lacks before it is used.
 */
async function loadBackend(name: BackendName): Promise<string> {
  switch (name) {
    case "tfjs-node-gpu":
    case "tfjs-node":
      await importOptional(`@tensorflow/${name}`);
      return "tensorflow";
    case "wasm":
      await import("@tensorflow/tfjs-backend-wasm");
      registerWasmConv2dBackpropFilter();
      return "wasm";
    case "cpu":
      return "cpu";
  }
}

async function tryBackend(name: BackendName): Promise<string> {
  const tfName = await loadBackend(name);
  if (!(await tf.setBackend(tfName))) throw new Error(`tf.setBackend("${tfName}") returned false`);
  await tf.ready();
  return tfName;
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Drop " imported from /abs/path": the reason ends up in result artifacts and PR comments.
  return (text.split("\n")[0] ?? text).replace(/ imported from .*$/, "");
}

/**
 * Activates a backend. `auto` tries tfjs-node-gpu, tfjs-node, wasm, cpu in that order; an explicit
 * choice fails loudly when it cannot load (the CLI reports it as a usage error).
 */
export async function selectBackend(choice: BackendChoice = "auto"): Promise<BackendSelection> {
  const candidates = choice === "auto" ? BACKEND_ORDER : [choice];
  const skipped: BackendSelection["skipped"] = [];
  for (const backend of candidates) {
    try {
      const tfBackend = await tryBackend(backend);
      return { backend, tfBackend, skipped };
    } catch (error) {
      if (choice !== "auto") throw new BackendUnavailableError(backend, reasonOf(error));
      skipped.push({ backend, reason: reasonOf(error) });
    }
  }
  throw new BackendUnavailableError("cpu", "no tfjs backend could be loaded");
}

const INSTALL_HINTS: Readonly<Record<BackendName, string>> = {
  "tfjs-node-gpu": "Install it with `npm i @tensorflow/tfjs-node-gpu@4.22.0` (needs CUDA 11.2 + cuDNN 8.1), or use --backend auto",
  "tfjs-node": "Install it with `npm i @tensorflow/tfjs-node@4.22.0`, or use --backend auto",
  wasm: "Reinstall @tensorflow/tfjs-backend-wasm, or use --backend cpu",
  cpu: "Reinstall @tensorflow/tfjs",
};

/** Thrown when a requested backend cannot be loaded on this machine. */
export class BackendUnavailableError extends Error {
  override name = "BackendUnavailableError";
  constructor(
    readonly backend: BackendName,
    readonly reason: string,
  ) {
    super(`backend ${backend} is not available: ${reason}. ${INSTALL_HINTS[backend]}`);
  }
}
