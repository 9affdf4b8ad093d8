import { describe, expect, test } from "@jest/globals";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { storeContract } from "./store-contract.js";

describe("MemoryStore", () => {
  const store = new MemoryStore();
  storeContract("memory", () => store);

  test("getExperiment returns a copy: mutating it does not change what is stored", async () => {
    const own = new MemoryStore();
    const at = "2026-01-01T00:00:00.000Z";
    await own.saveExperiment({ id: "e1", repo: "octo/ml", sha: "abc", checkRunId: 1, status: "queued", plan: { arms: [] }, result: null, requestedBy: "alice", createdAt: at, updatedAt: at });
    const first = await own.getExperiment("e1");
    expect(first).not.toBeNull();
    if (first !== null) first.status = "failed";
    expect((await own.getExperiment("e1"))?.status).toBe("queued");
  });
});
