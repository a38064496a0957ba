// Lint: typescript-eslint's type-aware recommended rules, plus the few that catch
// real bugs in a server (floating promises, misused promises, env reads outside
// the config module and the composition root), and the vendor boundary: which
// files in src/ may import which vendor SDK (the table is in vendor-boundary.js).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { vendorAreas, vendorSdks } from "./vendor-boundary.js";

function restrictVendors(allow) {
  const patterns = Object.entries(vendorSdks)
    .filter(([name]) => !allow.includes(name))
    .map(([name, group]) => ({ group, message: `${name} is a vendor SDK: core code reaches it through an adapter (see vendor-boundary.js).` }));
  return { "no-restricted-imports": ["error", { patterns }] };
}

/** The vendor boundary as flat-config blocks: none anywhere in src/, then each area's own. */
export const vendorBoundaries = [
  { files: ["src/**/*.ts"], rules: restrictVendors([]) },
  ...vendorAreas.map(({ files, allow }) => ({ files, rules: restrictVendors(allow) })),
];

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
  {
    // One error hierarchy (src/errors/): every error raised on purpose has a code and a sentence for users.
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Error'], CallExpression[callee.name='Error']", message: "Throw one of src/errors/'s coded classes (a SignpostError), not a bare Error." },
      ],
    },
  },
  ...vendorBoundaries,
  { files: ["eslint.config.js", "vendor-boundary.js", ".dependency-cruiser.mjs"], ...tseslint.configs.disableTypeChecked },
);
