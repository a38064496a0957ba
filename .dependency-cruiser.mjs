// dependency-cruiser's rules for src/, run by `npm run lint` (decision 0022): no import
// cycle between files or between folders, and the vendor boundary from vendor-boundary.js
// (the same table ESLint's no-restricted-imports reads), checked on the resolved import graph.
import { vendorAreas, vendorSdks } from "./vendor-boundary.js";

const escape = (text) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

/** "src/search/**" as a path regex: the folder as a prefix; a file name exactly. */
const fileRegex = (glob) => (glob.endsWith("/**") ? `^${escape(glob.slice(0, -2))}` : `^${escape(glob)}$`);

/** An import pattern ("@slack/*", "pg-*", "kysely") as a regex on the resolved path, its @types package included. */
const moduleRegex = (pattern) => `^node_modules/(?:@types/)?${escape(pattern).replace(/\*/g, "[^/]+")}(?:/|$)`;

const sdkRegex = (names) => names.flatMap((name) => vendorSdks[name]).map(moduleRegex).join("|");

const everySdk = Object.keys(vendorSdks);

/** A file takes the last area that lists it (as in ESLint's flat config); a core file takes none. */
const vendorRules = [
  {
    name: "no-vendor-sdk-in-core",
    comment: "Core code reaches a vendor SDK through an adapter: vendor-boundary.js lists where each may be imported.",
    severity: "error",
    from: { path: "^src/", pathNot: vendorAreas.flatMap((area) => area.files).map(fileRegex) },
    to: { path: sdkRegex(everySdk) },
  },
  ...vendorAreas.map((area, index) => {
    const later = vendorAreas.slice(index + 1).flatMap((other) => other.files).map(fileRegex);
    const refused = everySdk.filter((name) => !area.allow.includes(name));
    return {
      name: `vendors-in-${area.files[0].replace(/^src\//, "").replace(/\/\*\*$/, "").replaceAll("/", "-")}`,
      comment: `${area.files.join(", ")} may import ${area.allow.join(", ")} and no other vendor SDK (vendor-boundary.js).`,
      severity: "error",
      from: { path: area.files.map(fileRegex), ...(later.length > 0 ? { pathNot: later } : {}) },
      to: { path: sdkRegex(refused) },
    };
  }),
];

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-file-cycle",
      comment: "A file that reaches itself through its imports: move the shared type or function to the module that owns it.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "no-folder-cycle",
      comment: "Two folders of src/ that import each other: one of them owns what they share.",
      severity: "error",
      scope: "folder",
      from: { path: "^src/" },
      to: { circular: true },
    },
    ...vendorRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/channels/web/public/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
    cache: false,
  },
};
