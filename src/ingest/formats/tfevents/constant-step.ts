import type { Issue } from "../../../domain/issue.js";
import type { SplitGroup } from "./assemble-run.js";
import { tfeventsMessages as msg } from "./messages.js";
import type { TagInfo } from "./tag-cache.js";
import { minOf } from "../../../domain/extremes.js";

/**
 * Values of one tag, all logged at one step, from which the step is taken as missing rather than
 * re-logged (PyTorch's `add_scalar` without `global_step` writes step 0 every time).
 */
export const CONSTANT_STEP_MIN_VALUES = 5;

/** Tags named in the warning; the rest are counted. */
const NAMED_TAGS = 3;

/**
 * One warning for the tags whose values all landed on one step: TensorBoard keeps the last value per
 * step, so each such tag ends as a single point and its curve cannot be diagnosed.
 */
export function constantStepIssues(groups: Iterable<SplitGroup>): Issue[] {
  const found: TagInfo[] = [];
  for (const { tags } of groups) {
    for (let slot = 0; slot < tags.size; slot++) {
      const tag = tags.at(slot);
      if (tag.repeats + 1 >= CONSTANT_STEP_MIN_VALUES && tag.points?.length === 1) found.push(tag);
    }
  }
  const first = found[0];
  if (first === undefined) return [];
  const names = found.slice(0, NAMED_TAGS).map((t) => `'${t.name}'`);
  const more = found.length - names.length;
  return [
    {
      code: "tfevents-constant-step",
      severity: "warning",
      message: msg.constantStep(more > 0 ? `${names.join(", ")} and ${more} more` : names.join(", "), found.length, minOf(found.map((t) => t.repeats + 1)), first.lastStep),
      location: { file: first.repeatedIn ?? "" },
    },
  ];
}
