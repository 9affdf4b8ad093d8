/**
 * Regular expressions for console logs. All are linear (no nested quantifiers over the same text) and
 * run on segments capped at MAX_SEGMENT_CHARS, so a hostile line cannot make parsing hang.
 */

/** A number as logs print it, including nan/inf (kept as evidence). */
const VALUE = String.raw`[-+]?(?:\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|nan|inf(?:inity)?)`;

/** `Epoch 3/50` — a Keras epoch header (1-based). */
export const KERAS_EPOCH_HEADER = /^\s*Epoch\s+(\d+)\s*\/\s*(\d+)\s*$/i;
/** `Epoch 5: ...` / `Epoch 00005: ...` — a Keras callback line. */
export const KERAS_CALLBACK = /^\s*Epoch\s+(\d+)\s*:\s*(.*)$/i;
export const REDUCE_LR = new RegExp(String.raw`reducing learning rate to\s*(${VALUE})`, "i");
export const EARLY_STOPPING = /early stopping/i;
/** ` - loss: 0.23` — the separator Keras puts before every metric. */
export const KERAS_METRIC_LINE = /(^|\s)-\s+[A-Za-z_][\w./-]*:\s/;
/** `Epoch [1][50/500]` (mmdetection) and `Epoch(train) [1][ 50/500]` (mmengine): epoch, iteration, iterations per epoch. */
export const MM_EPOCH_ITER = /Epoch(?:\((train|val)\))?\s*\[(\d+)\]\s*\[\s*(\d+)\s*\/\s*(\d+)\]/;
/** `[1, 2000] loss: 2.303` — the PyTorch tutorial print (epoch, mini-batch). */
export const TORCH_EPOCH_BATCH = /^\s*\[\s*(\d+)\s*,\s*(\d+)\s*\]\s*(.*)$/;
/**
 * `loss at batch 5 = tensor(17.47, ...)` / `loss at step 10: 0.3`. The name is tried only from the
 * first letter of a run of name characters (a later start matches only when that one does), so a long
 * word costs one scan, not one per character.
 */
export const METRIC_AT_COUNTER = new RegExp(String.raw`(?=[A-Za-z_])(?<![A-Za-z_][\w./-]*?)([A-Za-z_][\w./-]*)\s+(?:at|@)\s+(batch|step|iter|iteration|epoch)\s+(\d+)\s*[:=]\s*(?:tensor\(\s*)?(${VALUE})(?![\w.])`, "i");
/** An optional split word before a metric name: `Train Loss: 0.5`, `Val Loss: 0.6`, `test acc 0.9`. */
const SPLIT_WORD = String.raw`(?:(?:train|training|val|valid|validation|eval|evaluation|test|dev)\s+)?`;
/** `name: value`, `name=value`, `'name': value`, `name = tensor(value, ...)`, `Val Loss: 0.6`. */
export const PAIR = new RegExp(String.raw`(?:^|[\s,;:{(\[|])['"]?(${SPLIT_WORD}[A-Za-z_][\w./-]*)['"]?\s*[:=]\s*(?:tensor\(\s*)?(${VALUE})(?![\w.])`, "gi");
/**
 * `epoch 3`, `Epoch [3/10]`, `step=100`, `'epoch': 0.5`, `iter: 20`, `Step [100/600]`. Each space run
 * has one place in the pattern (`\s*[:=#]?\s*\[?\s*` split every run three ways: cubic backtracking).
 */
export const COUNTER = /(?:^|[^\w])(epoch|step|global_step|iter|iteration|batch)['"]?\s*(?:[:=#]\s*)?(?:\[\s*)?(\d+(?:\.\d+)?)(?:\s*\/\s*(\d+))?/gi;
/** `loss 0.123` after a counter on PyTorch-style lines (`epoch 3, loss 0.123`): space-separated pair. */
export const SPACED_PAIR = new RegExp(String.raw`(?:^|[\s,;|])(${SPLIT_WORD}[A-Za-z_][\w./-]*)\s+(${VALUE})(?![\w./])`, "gi");
/**
 * ANSI colour and cursor escapes (matching the ESC and BEL control characters is the point): CSI
 * sequences (`ESC [ 1 m`), OSC titles ended by BEL or by ST (`ESC ] 0 ; title ESC \`, what tmux and
 * newer terminals emit), and character-set selections (`ESC ( B`, which `tput sgr0` appends). An OSC
 * title ends at the next ESC at the latest, so an unterminated one is not rescanned to the end of the
 * line from every `ESC ]` (quadratic).
 */
// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]/g;
/** Keys that are timings and sizes, not training metrics. */
export const IGNORED_KEYS = /^(eta|time|elapsed|remaining|speed|params|total|trainable|non-trainable|samples|tokens|mem|memory|gpu_mem|data|it|ms|s|v_num)$|_runtime$|per_second$|^remaining_time$/i;
/** A whitespace-aligned results table header (fastai `learn.fit`): `epoch  train_loss  valid_loss  accuracy  time`. */
export const TABLE_HEADER = /^\s*(epoch|step|iter|iteration)(\s{2,}|\t)[A-Za-z_][\w./-]*((\s{2,}|\t)[A-Za-z_][\w./-]*)+\s*$/i;
/** Counter names (never series). */
export const COUNTER_KEYS = /^(epoch|epochs|step|global_step|iter|iteration|batch)$/i;
/** Summary dicts printed by `Trainer.train()` at the end. */
export const HF_SUMMARY_KEY = "train_runtime";
