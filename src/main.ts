/**
 * Process entry of the GitHub App server. With APP_ID and a private key in the environment it serves
 * webhooks (see docs/github-app.md); without them it starts Probot's manifest flow to create the app
 * from app.yml. No logic lives here.
 */
import { run } from "probot";
import { startFromEnv } from "./github/server.js";

const hasCredentials = Boolean(process.env.APP_ID) && Boolean(process.env.PRIVATE_KEY ?? process.env.PRIVATE_KEY_PATH);

if (hasCredentials) {
  const server = await startFromEnv(process.env);
  const shutdown = (): void => {
    server.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
} else {
  await run(() => undefined);
}
