/**
 * Parses a `/diagnose` comment (pure). Grammar, on the command line:
 *
 *   /diagnose help
 *   /diagnose [path[@ref] | attachment-url | actions-run-url | artifact-url] ...
 *
 * plus, anywhere in the comment: fenced code blocks (pasted logs), plain pasted lines after the
 * command, and Markdown links to files uploaded to GitHub (attachments).
 */

export interface RepoPathArg { path: string; ref: string | null }
export interface RunArg { owner: string; repo: string; runId: number }
export interface ArtifactArg extends RunArg { artifactId: number }
export interface PastedLog { name: string; text: string }

export interface DiagnoseCommand {
  help: boolean;
  repoPaths: RepoPathArg[];
  attachments: string[];
  runs: RunArg[];
  artifacts: ArtifactArg[];
  pasted: PastedLog[];
  /** Links and arguments that were refused (not a GitHub attachment, unsafe path, ...). */
  rejected: string[];
}

/** Hosts GitHub stores comment uploads on; nothing else is fetched (no server-side request forgery). */
const ATTACHMENT_URL = [
  /^https:\/\/github\.com\/user-attachments\/(files|assets)\/[\w.-]+(\/[\w.%-]+)?$/,
  /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/files\/\d+\/[\w.%-]+$/,
  /^https:\/\/(user-images|private-user-images|objects)\.githubusercontent\.com\/[\w./%-]+(\?[\w=&.%-]*)?$/,
];
const RUN_URL = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/actions\/runs\/(\d+)(?:\/(?:job|attempts)\/\d+)?\/?$/;
const ARTIFACT_URL = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/actions\/runs\/(\d+)\/artifacts\/(\d+)\/?$/;
const COMMAND_LINE = /^[ \t]*\/diagnose\b(.*)$/m;
const FENCE = /^(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm;
const MARKDOWN_LINK = /\]\((https:\/\/[^)\s]+)\)|<(https:\/\/[^>\s]+)>/g;
/** Fewest non-empty plain lines after the command that count as a pasted log. */
export const MIN_PLAIN_PASTED_LINES = 3;
const FENCE_EXTENSIONS: Readonly<Record<string, string>> = { csv: "csv", json: "json", jsonl: "jsonl", log: "log", text: "txt", txt: "txt" };

/** True for links to files uploaded into a GitHub comment. */
export function isAttachmentUrl(url: string): boolean {
  return ATTACHMENT_URL.some((re) => re.test(url));
}

/** A repository path is relative, without `..` segments, and without control characters. */
function isSafeRepoPath(path: string): boolean {
  return path.length > 0 && !path.startsWith("/") && !path.split("/").includes("..") && ![...path].some((ch) => ch.charCodeAt(0) < 0x20);
}

function classifyArgument(arg: string, into: DiagnoseCommand): void {
  const artifact = ARTIFACT_URL.exec(arg);
  const run = RUN_URL.exec(arg);
  if (artifact) {
    into.artifacts.push({ owner: artifact[1]!, repo: artifact[2]!, runId: Number(artifact[3]), artifactId: Number(artifact[4]) });
  } else if (run) {
    into.runs.push({ owner: run[1]!, repo: run[2]!, runId: Number(run[3]) });
  } else if (/^https?:\/\//.test(arg)) {
    if (isAttachmentUrl(arg)) into.attachments.push(arg);
    else into.rejected.push(arg);
  } else {
    const at = arg.lastIndexOf("@");
    const path = at > 0 ? arg.slice(0, at) : arg;
    const ref = at > 0 ? arg.slice(at + 1) : null;
    if (isSafeRepoPath(path) && (ref === null || /^[\w./-]+$/.test(ref))) into.repoPaths.push({ path: path.replace(/^\.\//, ""), ref });
    else into.rejected.push(arg);
  }
}

function collectFences(body: string, into: DiagnoseCommand): string {
  let index = 0;
  const rest = body.replace(FENCE, (_m, _fence: string, lang: string, content: string) => {
    index++;
    const ext = FENCE_EXTENSIONS[lang.toLowerCase()] ?? "txt";
    if (content.trim() !== "") into.pasted.push({ name: `pasted-${index}.${ext}`, text: content });
    return "";
  });
  return rest;
}

function collectLinks(text: string, into: DiagnoseCommand): string {
  return text.replace(MARKDOWN_LINK, (_m, a: string | undefined, b: string | undefined) => {
    const url = a ?? b ?? "";
    if (!into.attachments.includes(url) && !into.rejected.includes(url)) classifyArgument(url, into);
    return "";
  });
}

/** Parses a comment body; null when it holds no `/diagnose` command. */
export function parseDiagnoseCommand(body: string): DiagnoseCommand | null {
  const normalized = body.replace(/\r\n?/g, "\n");
  const match = COMMAND_LINE.exec(normalized);
  if (!match) return null;
  const command: DiagnoseCommand = { help: false, repoPaths: [], attachments: [], runs: [], artifacts: [], pasted: [], rejected: [] };
  const args = (match[1] ?? "").trim().split(/\s+/).filter((a) => a !== "");
  if (args[0]?.toLowerCase() === "help") return { ...command, help: true };
  const after = normalized.slice((match.index ?? 0) + match[0].length);
  const withoutFences = collectFences(after, command);
  for (const arg of args) {
    if (/^\[.*\]\(.*\)$/.test(arg) || /^<.*>$/.test(arg)) collectLinks(arg, command);
    else classifyArgument(arg, command);
  }
  const plain = collectLinks(withoutFences, command)
    .split("\n")
    .filter((line) => line.trim() !== "");
  if (plain.length >= MIN_PLAIN_PASTED_LINES) command.pasted.push({ name: "pasted.txt", text: `${plain.join("\n")}\n` });
  return command;
}

/** True when the command names nothing to diagnose. */
export function isEmptyCommand(c: DiagnoseCommand): boolean {
  return c.repoPaths.length + c.attachments.length + c.runs.length + c.artifacts.length + c.pasted.length === 0;
}
