import { describe, expect, test } from "@jest/globals";
import { factsToTrainingConfig } from "../../../src/config-lint/facts-to-config.js";
import { isTrainingConfigPath } from "../../../src/config-lint/is-config-path.js";
import { lintSources } from "../../../src/config-lint/lint.js";
import { readFixture } from "./helpers.js";

describe("isTrainingConfigPath", () => {
  test.each([
    ["train.py", true],
    ["configs/experiment/resnet.yaml", true],
    ["notebooks/explore.ipynb", true],
    ["hparams.toml", true],
    ["configs/training_args.json", true],
    ["outputs/checkpoint-500/trainer_state.json", false],
    ["data/coco/instances_train2017.json", false],
    ["tokenizer_config.json", false],
    ["package.json", false],
    [".github/workflows/ci.yml", false],
    ["tests/test_model.py", false],
    ["src/model_test.py", false],
    ["pyproject.toml", false],
    ["setup.py", false],
    ["README.md", false],
    ["weights.pt", false],
  ])("isTrainingConfigPath(%s) is %s", (path, expected) => {
    expect(isTrainingConfigPath(path)).toBe(expected);
  });
});

describe("factsToTrainingConfig", () => {
  test("factsToTrainingConfig(facts of the healthy ResNet script) gives the canonical config", async () => {
    const result = await lintSources([readFixture("healthy/pytorch-resnet-cifar-healthy.py")]);
    expect(factsToTrainingConfig(result.facts)).toEqual({
      optimizer: "sgd",
      lr: 0.1,
      momentum: 0.9,
      weightDecay: 0.0005,
      batchSize: 128,
      epochs: 200,
      shuffle: true,
      batchnorm: true,
      loss: "cross_entropy",
      lrSchedule: true,
      normalizedInputs: true,
    });
  });

  test("first fact of a key wins, wrong types are ignored, unknown keys go to extra", () => {
    const config = factsToTrainingConfig([
      { key: "lr", value: "fast", file: "a", line: 1 },
      { key: "lr", value: 0.01, file: "a", line: 2 },
      { key: "lr", value: 0.5, file: "b", line: 1 },
      { key: "warmupSteps", value: 500, file: "a", line: 3 },
    ]);
    expect(config).toEqual({ lr: 0.01, extra: { warmupSteps: 500 } });
  });
});
