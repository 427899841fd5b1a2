/** Bundled (esbuild, IIFE) into the WPS browser tests' init script: exposes the ET test double. */
import { FakeEt } from "../test/fakes/fakeEt";

(globalThis as unknown as { FakeEt: typeof FakeEt }).FakeEt = FakeEt;
