/**
 * GitHub's hard limits on what the app writes. Bodies above them are rejected with 422, so every
 * report is truncated to fit, with a visible note (see truncate.ts).
 */

/** Maximum characters of an issue or PR comment body. */
export const MAX_COMMENT_CHARS = 65_536;
/** Maximum characters of a check run's `output.summary`. */
export const MAX_CHECK_SUMMARY_CHARS = 65_535;
/** Maximum characters of a check run's `output.text`. */
export const MAX_CHECK_TEXT_CHARS = 65_535;
/** Annotations accepted per create/update check-run request; more are sent in further updates. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;
/** Maximum characters of an annotation message. */
export const MAX_ANNOTATION_MESSAGE_CHARS = 64 * 1024;
/** Maximum characters of a check run `output.title`. */
export const MAX_CHECK_TITLE_CHARS = 255;
/** Requested actions (buttons) per check run, and the limits on their fields. */
export const MAX_CHECK_ACTIONS = 3;
export const MAX_ACTION_LABEL_CHARS = 20;
export const MAX_ACTION_DESCRIPTION_CHARS = 40;
export const MAX_ACTION_IDENTIFIER_CHARS = 20;
/** Maximum characters of all `workflow_dispatch` inputs together. */
export const MAX_DISPATCH_INPUT_CHARS = 65_535;
