/** Bundled (esbuild, IIFE) into the browser tests' init script: exposes the Excel test double. */
import { FakeExcel } from "../test/fakes/fakeExcel";

(globalThis as unknown as { FakeExcel: typeof FakeExcel }).FakeExcel = FakeExcel;
