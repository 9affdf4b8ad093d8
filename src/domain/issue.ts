import type { Severity } from "./severity.js";

/** Where in the user's input an issue was found. Every field is optional; give what is known. */
export interface IssueLocation {
  /** Path as the user knows it (repository path, CLI argument, or `archive.zip!inner/path`). */
  file?: string;
  /** 1-based line number for text inputs. */
  line?: number;
  /** 1-based column for text inputs. */
  column?: number;
  /** Byte offset for binary inputs (tfevents records, zip entries). */
  byteOffset?: number;
}

/**
 * A problem in user data (a log line, an archive entry, a config field). Issues are collected, never
 * thrown. `code` is a stable kebab-case identifier (documented in docs/), `message` is user-safe text
 * saying what was observed and what to do.
 */
export interface Issue {
  code: string;
  severity: Severity;
  message: string;
  location?: IssueLocation;
}
