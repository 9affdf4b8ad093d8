import { describe } from "@jest/globals";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { storeContract } from "./store-contract.js";

describe("MemoryStore", () => {
  const store = new MemoryStore();
  storeContract("memory", () => store);
});
