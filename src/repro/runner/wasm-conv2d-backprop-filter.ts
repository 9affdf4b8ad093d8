import * as tf from "@tensorflow/tfjs";
import type { KernelConfig, KernelFunc, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from "@tensorflow/tfjs";

/**
 * The wasm backend of tfjs 4.22 has forward Conv2D and Conv2DBackpropInput but no
 * Conv2DBackpropFilter, so `model.fit` of any Conv2D layer throws on wasm. This kernel fills the gap
 * with kernels wasm does have (pad, strided slice, concat, matMul): an im2col formulation
 *
 *   dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·s + kh − padTop, ow·s + kw − padLeft, ci] · dy[b, oh, ow, co]
 *
 * i.e. patchesᵀ(KH·KW·Ci × N) · dy(N × Co) with N = B·OH·OW. Dilations are always 1 here: tfjs'
 * conv2d gradient itself rejects dilated convolutions. Ops run below kernel depth 0, so nothing is
 * recorded on an active gradient tape, and every intermediate tensor is disposed by `tidy`.
 */
interface BackpropFilterAttrs {
  strides: [number, number] | number;
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
  filterShape: [number, number, number, number];
}

/** What the kernel needs from a backend: read an input, allocate an output. */
interface DataBackend {
  readSync(dataId: object): tf.backend_util.BackendValues;
  makeOutput(shape: number[], dtype: "float32", memoryOffset?: number, values?: Float32Array): TensorInfo;
}

function toTensor4d(backend: DataBackend, info: TensorInfo): tf.Tensor4D {
  const values = backend.readSync(info.dataId) as Float32Array;
  return tf.tensor4d(values, info.shape as [number, number, number, number], "float32");
}

/** Pure tfjs-ops computation of the filter gradient for NHWC inputs. */
export function conv2dBackpropFilterIm2col(x: tf.Tensor4D, dy: tf.Tensor4D, attrs: BackpropFilterAttrs): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw, ci, co] = attrs.filterShape;
    const info = tf.backend_util.computeConv2DInfo(x.shape, attrs.filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, "channelsLast");
    const { top, left, bottom, right } = info.padInfo;
    const padded = tf.pad(x, [[0, 0], [top, bottom], [left, right], [0, 0]]);
    const patches: tf.Tensor4D[] = [];
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const begin = [0, i, j, 0];
        const end = [x.shape[0], i + (info.outHeight - 1) * info.strideHeight + 1, j + (info.outWidth - 1) * info.strideWidth + 1, ci];
        patches.push(tf.stridedSlice(padded, begin, end, [1, info.strideHeight, info.strideWidth, 1]) as tf.Tensor4D);
      }
    }
    const n = x.shape[0] * info.outHeight * info.outWidth;
    const columns = tf.reshape(tf.concat(patches, 3), [n, kh * kw * ci]);
    const grad = tf.matMul(columns, tf.reshape(dy, [n, co]), true, false);
    return tf.reshape(grad, [kh, kw, ci, co]);
  });
}

const conv2dBackpropFilterWasm: KernelFunc = ({ inputs, backend, attrs }: { inputs: NamedTensorInfoMap; backend: unknown; attrs?: NamedAttrMap }) => {
  const data = backend as DataBackend;
  const a = attrs as unknown as BackpropFilterAttrs;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const values = tf.tidy(() => {
    let xt = toTensor4d(data, x);
    let dyt = toTensor4d(data, dy);
    if (a.dataFormat === "NCHW") {
      xt = tf.transpose(xt, [0, 2, 3, 1]);
      dyt = tf.transpose(dyt, [0, 2, 3, 1]);
    }
    return conv2dBackpropFilterIm2col(xt, dyt, { ...a, dataFormat: "NHWC" });
  });
  const out = values.dataSync() as Float32Array;
  values.dispose();
  return data.makeOutput(a.filterShape, "float32", undefined, Float32Array.from(out));
};

/** The kernel registration (exported for tests and for backends that lack the kernel). */
export const CONV2D_BACKPROP_FILTER_WASM: KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: "wasm",
  kernelFunc: conv2dBackpropFilterWasm,
};

/** Registers the kernel once; a later tfjs that ships its own keeps its own. */
export function registerWasmConv2dBackpropFilter(): void {
  if (tf.getKernel(tf.Conv2DBackpropFilter, "wasm") === undefined) tf.registerKernel(CONV2D_BACKPROP_FILTER_WASM);
}
