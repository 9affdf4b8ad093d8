import type { Context } from "probot";
import { loadAppConfig } from "../../config/load.js";
import type { AppDeps } from "../deps.js";
import { analyzeLogs } from "../analyze/analyze-logs.js";
import { isEmptyCommand, parseDiagnoseCommand } from "../commands/parse-diagnose-command.js";
import { DIAGNOSE_HELP } from "../report/help.js";
import { reportMessages } from "../report/messages.js";
import { renderDiagnoseReply } from "../report/pr-comment.js";
import { renderTrainingMarkdown } from "../report/training-markdown.js";
import { publishCharts } from "../publish/publish-charts.js";
import { repoKey } from "../types.js";
import { collectCommandInputs } from "./collect-command-inputs.js";
import { runDelivery } from "./run-delivery.js";

type CommentContext = Context<"issue_comment.created">;

/** The ref `/diagnose path` reads by default: the PR head on pull requests, else the default branch. */
async function defaultRef(context: CommentContext): Promise<string> {
  const { issue, repository } = context.payload;
  if (issue.pull_request === undefined) return repository.default_branch;
  const { data } = await context.octokit.rest.pulls.get(context.repo({ pull_number: issue.number }));
  return data.head.sha;
}

/**
 * `issue_comment.created` with `/diagnose`: reply with a diagnosis of what the comment names.
 * 1. collect: 👀 reaction, config, pasted logs / attachments / repository paths / Actions artifacts;
 * 2. analyze: ingest + diagnose; 3. report: Markdown reply within limits; 4. publish: the reply.
 */
export function onIssueComment(deps: AppDeps) {
  return async (context: CommentContext): Promise<void> => {
    const { comment } = context.payload;
    if (comment.user?.type === "Bot") return;
    const command = parseDiagnoseCommand(comment.body);
    if (command === null) return;
    const reply = async (body: string): Promise<void> => { await context.octokit.rest.issues.createComment(context.issue({ body })); };
    await runDelivery(context, deps, async () => {
      await context.octokit.rest.reactions.createForIssueComment(context.repo({ comment_id: comment.id, content: "eyes" as const }));
      if (command.help) return reply(DIAGNOSE_HELP);
      const notes = command.rejected.length === 0 ? [] : [reportMessages.rejectedInputs(command.rejected)];
      if (isEmptyCommand(command)) return reply([reportMessages.nothingToDiagnose(), ...notes].join("\n\n"));
      const repo = context.repo();
      const { config } = await loadAppConfig(context.octokit, repo, undefined);
      const inputs = await collectCommandInputs(context.octokit, deps.fetch, repo, command, config, await defaultRef(context));
      const { report } = analyzeLogs(inputs.files, config, undefined, inputs.issues, deps.scanKernel);
      const charts = deps.hosting !== null && config.charts.enabled && report.runs.length > 0
        ? await publishCharts(deps.store, deps.hosting, repoKey(repo), report.runs, { theme: config.charts.theme, now: deps.now })
        : null;
      await reply(renderDiagnoseReply(renderTrainingMarkdown(report, charts, config.charts.enabled), notes));
    }, (message) => reply(`## 🩺 Loss Doctor\n\n${message}`));
  };
}
