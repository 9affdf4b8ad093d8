// Edge file (reads the compiled kernel from disk), placed beside the pure reader by the module contract.
import { readFileSync } from "node:fs";
import { KERNEL_ABI_VERSION, type ScanKernelExports, type ScanKernelFactory } from "./scan-kernel.js";

/**
 * `npm run build` compiles assembly/tfrecord-scan.ts to dist/wasm/. This file sits four folders
 * below the package root both as src/ingest/formats/tfevents/*.ts and as dist/ingest/formats/tfevents/*.js,
 * so one relative URL finds the kernel from either.
 */
export const SCAN_KERNEL_URL = new URL("../../../../dist/wasm/tfrecord-scan.wasm", import.meta.url);

const REQUIRED_EXPORTS = [
  "memory", "init", "inputPtr", "groupPositionsPtr", "groupStepsPtr", "groupWallTimesPtr", "groupValuesPtr", "groupTensorsPtr", "touchedPtr",
  "touchedSlots", "slotCountsPtr", "slotStartsPtr", "slotFirstTensorsPtr", "slotTensorCountsPtr", "stopPosition", "reason",
  "unknownTagPosition", "unknownTagLength", "registerTag", "scan", "crc32c", "abiVersion",
];

/** The part of the WebAssembly JS API used here (the project's type libraries do not declare it). */
interface WasmModule {
  readonly kind: "module";
}
interface WasmApi {
  Module: { new (bytes: Uint8Array): WasmModule; exports(module: WasmModule): { name: string }[] };
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

const compiled = new Map<string, WasmModule | undefined>();

/** The kernel's only import: AssemblyScript's abort, reached only on a kernel bug. */
const imports = {
  env: {
    abort(_message: number, _file: number, line: number, column: number): never {
      throw new Error(`tfrecord scan kernel aborted at ${line}:${column}`);
    },
  },
};

function compile(url: URL): WasmModule | undefined {
  if (wasm === undefined) return undefined;
  try {
    const module = new wasm.Module(readFileSync(url));
    const names = new Set(wasm.Module.exports(module).map((e) => e.name));
    if (!REQUIRED_EXPORTS.every((name) => names.has(name))) return undefined;
    const probe = new wasm.Instance(module, imports).exports as ScanKernelExports;
    return probe.abiVersion() === KERNEL_ABI_VERSION ? module : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A factory of scan-kernel instances, or undefined when the compiled kernel is missing, stale or
 * WebAssembly is unavailable; readers then use the TypeScript record loop (same results, slower).
 * The module is compiled once per process; each reader gets its own instance and memory.
 */
export function loadScanKernel(url: URL = SCAN_KERNEL_URL): ScanKernelFactory | undefined {
  const key = url.href;
  if (!compiled.has(key)) compiled.set(key, compile(url));
  const module = compiled.get(key);
  if (module === undefined || wasm === undefined) return undefined;
  const { Instance } = wasm;
  return () => new Instance(module, imports).exports as ScanKernelExports;
}

/**
 * The kernel an edge reader's `scanKernel` option asks for: the given factory, the built kernel when
 * the option is absent (undefined), or none (`null`: the TypeScript loop).
 */
export function resolveScanKernel(option: ScanKernelFactory | null | undefined): ScanKernelFactory | undefined {
  return option === null ? undefined : (option ?? loadScanKernel());
}
