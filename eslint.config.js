// Lint: typescript-eslint's type-aware recommended rules, plus the few that catch
// real bugs in a server (floating promises, misused promises, env reads outside
// the config module and the composition root), and the vendor boundary: which
// files in src/ may import which vendor SDK (the table is in vendor-boundary.js).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { tableDefinitions, tableOwners, tableSelectors } from "./table-owners.js";
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

const bareError = { selector: "NewExpression[callee.name='Error'], CallExpression[callee.name='Error']", message: "Throw one of src/errors/'s coded classes (a SignpostError), not a bare Error." };

/** no-restricted-syntax for `files`: a bare Error, and every table but those `owner` owns. */
function restrictSyntax(files, owner) {
  const refused = Object.keys(tableOwners).filter((table) => tableOwners[table] !== owner);
  return { files, rules: { "no-restricted-syntax": ["error", bareError, ...refused.flatMap(tableSelectors)] } };
}

/**
 * One error hierarchy (src/errors/), and each table to one module (table-owners.js): a
 * file in src/ may name no table, a file in an owner's folder its own tables; the
 * migrations and the schema type define them all. The last matching block wins.
 */
export const syntaxRules = [
  restrictSyntax(["src/**/*.ts"], undefined),
  ...[...new Set(Object.values(tableOwners))].map((owner) => restrictSyntax([`${owner}/**/*.ts`], owner)),
  { files: tableDefinitions, rules: { "no-restricted-syntax": ["error", bareError] } },
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
  ...syntaxRules,
  ...vendorBoundaries,
  { files: ["eslint.config.js", "vendor-boundary.js", "table-owners.js", ".dependency-cruiser.mjs"], ...tseslint.configs.disableTypeChecked },
);
