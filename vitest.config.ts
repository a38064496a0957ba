import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 45_000,
    // beforeAll hooks train the intent classifier on every example (about 3,800): seconds on a busy 2-core machine.
    hookTimeout: 45_000,
  },
});
