/**
 * ESLint flat config used by `npm run lint` (office-addin-lint picks up ./eslint.config.mjs).
 *
 * office-addin-lint's bundled config only covers *.{js,mjs,cjs,ts,cts,mts}: .tsx files would be
 * ignored and `Excel` / `Office` reported as undefined. This config applies the same Office
 * rules (and prettier) to .ts and .tsx, adds the React rules, and declares the Office globals.
 * Only src/ is linted (see the `lint` script).
 */
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

/** The block of the recommended config that carries the Office rules, parser, and plugins. */
const officeBlock = officeAddins.configs.recommended.find(
  (block) => block.rules && "office-addins/call-sync-before-read" in block.rules
);
if (!officeBlock) {
  throw new Error("eslint-plugin-office-addins: recommended Office rules block not found");
}

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  ...officeAddins.configs.react,
  {
    ...officeBlock,
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: {
      ...officeBlock.languageOptions,
      parser: tsParser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        Excel: "readonly",
        Office: "readonly",
        OfficeExtension: "readonly",
        document: "readonly",
        window: "readonly",
        console: "readonly",
        URL: "readonly",
        URLSearchParams: "readonly",
        Blob: "readonly",
      },
    },
    rules: {
      ...officeBlock.rules,
      // TypeScript itself reports real redeclarations (TS2451); the core rule misreads the
      // common `type Dec = …; const Dec = …` type/value pair as one.
      "no-redeclare": "off",
    },
  },
  {
    // The command-line scorer under src/cli runs in Node, not in the task pane.
    files: ["src/cli/**/*.ts"],
    languageOptions: {
      globals: {
        process: "readonly",
        Buffer: "readonly",
        __dirname: "readonly",
        __filename: "readonly",
        require: "readonly",
        module: "writable",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setImmediate: "readonly",
      },
    },
  },
  {
    files: ["src/**/*.tsx"],
    settings: { react: { version: "detect" } },
    rules: {
      // React 17+ automatic JSX runtime (tsconfig "jsx": "react-jsx")
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
    },
  },
  {
    // Components stay testable without Office: workbook access goes through the injected port.
    files: ["src/taskpane/components/**/*.{ts,tsx}", "src/taskpane/state/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": [
        "error",
        {
          name: "Excel",
          message: "Components must not touch Excel; use the WorkbookPort from PaneContext.",
        },
        { name: "Office", message: "Components must not touch Office; officeHost.ts does." },
      ],
    },
  },
  {
    // The one-way pipeline's pure stages: no host, no DOM, no UI, no file library.
    files: [
      "src/model/**/*.ts",
      "src/evaluate/**/*.ts",
      "src/parse/**/*.ts",
      "src/layout/**/*.ts",
      "src/standard/**/*.ts",
      "src/pipeline/**/*.ts",
      "src/submission/**/*.ts",
    ],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Excel", "Office", "OfficeExtension", "document", "window"].map((name) => ({
          name,
          message: "Pure pipeline code: no Office host and no DOM (see README, architecture).",
        })),
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["exceljs", "react", "react-dom", "@fluentui/*", "node:*", "fs", "path"],
              message: "Pure pipeline code: hosts and UI live in src/hosts and src/taskpane.",
            },
            {
              group: ["**/hosts/excel/**", "**/hosts/file/**", "**/taskpane/**", "**/cli/**"],
              message: "Data flows one way: pure stages do not import hosts, UI or the CLI.",
            },
          ],
        },
      ],
    },
  },
];
