export { startFakeGitHub, openApiValidator, type FakeGitHub, type FakeGitHubOptions, type RecordedRequest, type Violation } from "./server.js";
export { FakeGitHubState, FakeRepo, blobSha, type FakeCheckRun, type FakeComment, type FakePull } from "./state.js";
export { OpenApiValidator, loadGitHubOpenApi, type RouteMatch } from "./openapi.js";
export { addArtifact, ROUTES, UNCHECKED_RESPONSES } from "./routes.js";
export { APP_BOT } from "./representations.js";
export { deliver, signedDelivery, pushPayload, pullRequestPayload, issueCommentPayload, INSTALLATION_ID, workflowRunPayload, type Delivery } from "./webhooks.js";
