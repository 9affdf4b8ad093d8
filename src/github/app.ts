import type { ApplicationFunction, Probot } from "probot";
import type { AppDeps } from "./deps.js";
import { createChartHandler } from "./chart-server.js";
import { onCheckRunRequestedAction, onCheckRunRerequested } from "./handlers/on-check-run.js";
import { onIssueComment } from "./handlers/on-issue-comment.js";
import { onPullRequest } from "./handlers/on-pull-request.js";
import { onPush } from "./handlers/on-push.js";
import { onWorkflowRunCompleted } from "./handlers/on-workflow-run.js";

/**
 * Builds the Probot app over injected dependencies. It only registers handlers (one file per event
 * in handlers/) and, when charts are hosted, the signed chart route.
 */
export function createLossDoctorApp(deps: AppDeps): ApplicationFunction {
  return (app: Probot, { addHandler }) => {
    app.on("push", onPush(deps));
    app.on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], onPullRequest(deps));
    app.on("workflow_run.completed", onWorkflowRunCompleted(deps));
    app.on("issue_comment.created", onIssueComment(deps));
    app.on("check_run.rerequested", onCheckRunRerequested(deps));
    app.on("check_run.requested_action", onCheckRunRequestedAction(deps));
    if (deps.hosting !== null) addHandler(createChartHandler(deps.store, deps.hosting.signingKey));
  };
}

/**
 * The entry `probot run` loads: dependencies come from the environment (readEnv) — the store from
 * DATABASE_URL or the PGlite data directory.
 */
const appFromEnv: ApplicationFunction = async (app, options) => {
  const { depsFromEnv } = await import("./server.js");
  await createLossDoctorApp(await depsFromEnv(process.env))(app, options);
};

export default appFromEnv;
