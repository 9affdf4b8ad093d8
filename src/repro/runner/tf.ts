/**
 * The one place the runner imports tfjs. `@tensorflow/tfjs` (not tfjs-core alone) is used because
 * its bundle registers the gradients and chained ops that training needs. Its cpu backend warns
 * once about tfjs-node on stderr (never stdout); `PROD` silences that and the debug checks.
 */
import * as tf from "@tensorflow/tfjs";

tf.env().set("PROD", true);

export { tf };
