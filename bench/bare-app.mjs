// The baseline apps of `npm run bench:app`, run as their own process like Loss Doctor's server, with
// Probot's webhook middleware, no throttling (as GITHUB_THROTTLE=off for Loss Doctor) and GET /health.
// Plain JavaScript so that no loader slows them down. Environment: APP_ID, PRIVATE_KEY, WEBHOOK_SECRET,
// GITHUB_API_URL, PORT, HOST, and BARE_MODE:
// - `minimal` (default): one handler that creates a completed check run for `push` and
//   `pull_request.opened` — the bare Probot app the goal compares with;
// - `same-io`: the GitHub requests Loss Doctor makes for these deliveries, without analysing anything:
//   a push reads each added or modified .csv file and creates the check run; a PR lists its files,
//   creates the check run and posts a comment. The difference to Loss Doctor is its own work.
import { createServer } from "node:http";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";

// As Loss Doctor's UnthrottledOctokit (src/github/octokit.ts): no retries, no throttling.
const Octokit = ProbotOctokit.defaults((options) => ({ ...options, retry: { enabled: false }, throttle: { ...options.throttle, enabled: false } }));
const sameIo = process.env.BARE_MODE === "same-io";

async function check(context, headSha) {
  await context.octokit.rest.checks.create(context.repo({ name: "bare", head_sha: headSha, status: "completed", conclusion: "success", output: { title: "ok", summary: "ok" } }));
}

const app = (probot) => {
  probot.on("push", async (context) => {
    const { payload } = context;
    if (sameIo) {
      const paths = payload.commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? [])]).filter((p) => p.endsWith(".csv"));
      await Promise.all(paths.map((path) => context.octokit.rest.repos.getContent(context.repo({ path, ref: payload.after }))));
    }
    await check(context, payload.after);
  });
  probot.on("pull_request.opened", async (context) => {
    const pull = context.payload.pull_request;
    if (sameIo) await context.octokit.rest.pulls.listFiles(context.repo({ pull_number: pull.number, per_page: 100 }));
    await check(context, pull.head.sha);
    if (sameIo) await context.octokit.rest.issues.createComment(context.issue({ body: "ok" }));
  });
};

const env = process.env;
const probot = new Probot({ appId: Number(env.APP_ID), privateKey: env.PRIVATE_KEY, secret: env.WEBHOOK_SECRET, baseUrl: env.GITHUB_API_URL, logLevel: "warn", Octokit });
const middleware = await createNodeMiddleware(app, { probot, webhooksPath: "/api/github/webhooks" });
const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/health") return void res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  void middleware(req, res, () => res.writeHead(404).end());
});
server.listen(Number(env.PORT ?? 3000), env.HOST ?? "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
