import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 45_000,
    // beforeAll hooks train the intent classifier on every example (about 6,400 with the blind rounds):
    // seconds alone, tens of seconds on a busy 2-core machine.
    hookTimeout: 90_000,
  },
});
