import { sourceKind } from "./source-text.js";

/** Paths that are never training configs even with a matching extension. */
const EXCLUDED = [
  /(^|\/)(node_modules|\.git|\.github|\.venv|venv|site-packages|__pycache__|dist|build)\//,
  /(^|\/)(package(-lock)?|tsconfig[^/]*|composer|\.?eslintrc[^/]*|renovate|\.prettierrc)\.json$/,
  /(^|\/)(pyproject|Cargo|poetry)\.(toml|lock)$/,
  /(^|\/)(setup|conftest|noxfile|manage)\.py$/,
  /(^|\/)(\.pre-commit-config|docker-compose[^/]*|mkdocs|\.readthedocs|codecov|environment)\.ya?ml$/,
  /(^|\/)(tests?|testing)\//,
  /(^|\/)test_[^/]*\.py$/,
  /_test\.py$/,
  /\.(schema|lock)\.json$/,
  /(^|\/)(trainer_state|vocab|tokenizer(_config)?|special_tokens_map|added_tokens|merges|labels?|annotations?|instances_[^/]*|dataset_info)\.json$/,
  /(^|\/)(data|datasets|logs|runs|outputs|wandb|mlruns|lightning_logs)\/.*\.(json|ya?ml|toml)$/,
];

/**
 * True for files the config linter should read: Python scripts, notebooks and YAML/JSON/TOML files
 * that are not obviously tooling, packaging, CI or test files. Pure (path only).
 */
export function isTrainingConfigPath(path: string): boolean {
  const normalized = path.replace(/\\/g, "/");
  if (sourceKind(normalized) === null) return false;
  return !EXCLUDED.some((pattern) => pattern.test(normalized));
}
