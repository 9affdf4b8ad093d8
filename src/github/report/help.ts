/** The reply to `/diagnose help`. */
export const DIAGNOSE_HELP = `## 🩺 Loss Doctor — \`/diagnose\`

Comment \`/diagnose\` on an issue or pull request with one or more of:

| What | Example |
|---|---|
| A log pasted in a code block (CSV, JSON, Keras/PyTorch console output) | \`/diagnose\` followed by a fenced block |
| A file attached to the comment (\`.csv\`, \`.txt\`, \`.json\`, \`.log\`, \`.zip\`) | \`/diagnose\` + drag the file into the comment box |
| A path in this repository, optionally at a branch, tag or commit | \`/diagnose runs/exp3/metrics.csv@main\` |
| A GitHub Actions run (its artifacts are read) | \`/diagnose https://github.com/OWNER/REPO/actions/runs/123\` |
| One artifact of a run | \`/diagnose https://github.com/OWNER/REPO/actions/runs/123/artifacts/456\` |

Loss Doctor reacts with 👀 when it starts and replies with the diagnosis: what the curves show
(divergence, NaN, plateaus, overfitting, …), the likely causes and concrete fixes.

Only files uploaded to GitHub are downloaded, with the size limits of \`.github/loss-doctor.yml\`;
nothing from the logs is executed.
`;
