/** Jest: ts-jest transpiles only (type errors are `npm run typecheck`'s job). */
module.exports = {
  testEnvironment: "node", // component tests opt in with /** @jest-environment jsdom */
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          rootDir: ".",
          jsx: "react-jsx",
          module: "commonjs",
          esModuleInterop: true,
          isolatedModules: true,
          resolveJsonModule: true,
        },
      },
    ],
  },
  setupFiles: ["<rootDir>/test/setup-dom.ts"],
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};
