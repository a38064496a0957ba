// Lint: typescript-eslint's type-aware recommended rules, plus the few that catch
// real bugs in a server (floating promises, misused promises, env reads outside
// the config module and the composition root).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "data/", "coverage/", ".ci/node24/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings in src/config/ only; pass them in." },
      ],
      eqeqeq: ["error", "always"],
    },
  },
  {
    files: ["src/config/**", "src/main.ts", "scripts/**", "test/**", "vitest.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  { files: ["eslint.config.js"], ...tseslint.configs.disableTypeChecked },
);
