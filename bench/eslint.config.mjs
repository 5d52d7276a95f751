// ESLint 9, syntactic: the concurrency rules comparable to racelint's JS/TS
// rules. BENCH_TYPED=1 adds typescript-eslint's type-aware promise rules
// (parserOptions.project = the corpus tsconfig.json written by setup.sh).
import tseslint from "typescript-eslint";
import promise from "eslint-plugin-promise";

const typed = process.env.BENCH_TYPED === "1";

const rules = {
  "require-atomic-updates": "warn",
  "no-await-in-loop": "warn",
  "no-async-promise-executor": "warn",
  "no-promise-executor-return": "warn",
  "promise/always-return": "warn",
  "promise/catch-or-return": "warn",
  "promise/no-nesting": "warn",
  "promise/no-promise-in-callback": "warn",
  "promise/no-callback-in-promise": "warn",
  "promise/no-return-wrap": "warn",
  "promise/param-names": "warn",
  "promise/no-multiple-resolved": "warn",
};
const typedRules = {
  "@typescript-eslint/no-floating-promises": "warn",
  "@typescript-eslint/no-misused-promises": "warn",
};

export default [
  { ignores: ["**/node_modules/**", "**/.git/**"] },
  {
    files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
    linterOptions: { reportUnusedDisableDirectives: "off" },
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: typed ? { project: "./tsconfig.json", tsconfigRootDir: process.cwd() } : {},
    },
    plugins: { promise, "@typescript-eslint": tseslint.plugin },
    rules: typed ? { ...rules, ...typedRules } : rules,
  },
];
