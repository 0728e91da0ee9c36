import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Imports run one way (DESIGN.md, Layout); these rules make a wrong-way import fail the build. */
const layering = [
  {
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["../*", "!./*"], message: "app/domain is pure: it imports nothing but itself." },
            {
              group: [
                "@remix-run/*",
                "drizzle-orm",
                "drizzle-orm/*",
                "meilisearch",
                "stripe",
                "better-sqlite3",
                "react",
                "node:*",
              ],
              message: "app/domain is pure: no framework, database or I/O imports.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../app/*", "../search/*", "**/app/**", "**/search/**"],
              message: "db/ imports nothing from app/ or search/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["search/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../app/*", "**/app/**"], message: "search/ never imports app/." }] },
      ],
    },
  },
  {
    files: ["app/services/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../routes/*", "../components/*", "../http/*", "@remix-run/*"],
              message: "Use cases do not know about HTTP or pages.",
            },
            { group: ["../seed/*", "**/app/seed/**"], message: "Demo data uses the use cases, never the other way." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/seed/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../routes/*", "../components/*", "../http/*", "@remix-run/*", "../../db/client.server"],
              message: "Demo data goes through the use cases in app/services, as a person would.",
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "data/**", "node_modules/**", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  { files: ["**/*.js"], languageOptions: { globals: globals.node } },
  // Playwright fixtures call `use()`, which is not React's hook.
  { files: ["tests/e2e/**/*.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
  ...layering,
);
