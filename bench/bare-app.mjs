// The bare Probot app of `npm run bench:app`, run as its own process like Loss Doctor's server: one
// handler that creates a completed check run for `push` and `pull_request.opened`, Probot's webhook
// middleware, no throttling (as GITHUB_THROTTLE=off for Loss Doctor), and GET /health. Plain
// JavaScript so that no loader slows it down. Environment: APP_ID, PRIVATE_KEY, WEBHOOK_SECRET,
// GITHUB_API_URL, PORT, HOST.
import { createServer } from "node:http";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";

// As Loss Doctor's UnthrottledOctokit (src/github/octokit.ts): no retries, no throttling.
const Octokit = ProbotOctokit.defaults((options) => ({ ...options, retry: { enabled: false }, throttle: { ...options.throttle, enabled: false } }));

const app = (probot) => {
  probot.on(["push", "pull_request.opened"], async (context) => {
    const headSha = context.payload.pull_request?.head.sha ?? context.payload.after ?? "";
    await context.octokit.rest.checks.create(context.repo({ name: "bare", head_sha: headSha, status: "completed", conclusion: "success", output: { title: "ok", summary: "ok" } }));
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
