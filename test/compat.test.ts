/**
 * The old-engine check (src/compat/oldEngineCheck.js) must run where the bundles cannot: it is
 * parsed here as ES5, then run in a sandbox whose engine rejects ES2020 syntax, as Internet
 * Explorer 11 and Edge Legacy do, and in one that accepts it.
 */
import { parse } from "acorn";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";

const ROOT = join(__dirname, "..");
const CHECK = readFileSync(join(ROOT, "src", "compat", "oldEngineCheck.js"), "utf8");
const GUIDANCE = readFileSync(join(ROOT, "src", "compat", "old-engine.html"), "utf8");

/** A Function constructor that, like ES5 engines, cannot parse `?.` or `??`. */
function es5Function(...args: string[]): unknown {
  if (/\?\.|\?\?/.test(args[args.length - 1] ?? "")) throw new SyntaxError("Expected identifier");
  return Function(...args);
}

interface Sandbox {
  replaced: string[];
  dialogs: string[];
  completed: number;
  window: Record<string, unknown>;
}

function runCheck(page: "taskpane" | "commands", oldEngine: boolean): Sandbox {
  const box: Sandbox = { replaced: [], dialogs: [], completed: 0, window: {} };
  const window = box.window;
  Object.assign(window, {
    location: {
      href: "https://jixiao.example/addin/commands.html?_host_Info=Excel",
      replace: (url: string) => box.replaced.push(url),
    },
    Office: {
      context: {
        ui: {
          displayDialogAsync: (url: string, _options: unknown, callback: () => void) => {
            box.dialogs.push(url);
            callback();
          },
        },
      },
    },
  });
  const document = { documentElement: { getAttribute: () => page } };
  runInNewContext(CHECK, {
    window,
    document,
    ...(oldEngine ? { Function: es5Function } : {}),
  });
  return box;
}

describe("old-engine check", () => {
  it("is ES5: an ES5 parser reads it (and rejects the ES2020 the bundles use)", () => {
    expect(() => parse(CHECK, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse("var a = b?.c ?? 1;", { ecmaVersion: 5 })).toThrow();
  });

  it("sends the task pane to the Chinese guidance in an old engine", () => {
    const box = runCheck("taskpane", true);
    expect(box.replaced).toEqual(["old-engine.html"]);
    expect(box.window.jixiaoOldEngine).toBe(true);
  });

  it("gives the ribbon's 重新计算 a dialog with the guidance, and completes the event", () => {
    const box = runCheck("commands", true);
    const recalculate = box.window.recalculate as (event: { completed(): void }) => void;
    expect(typeof recalculate).toBe("function");
    recalculate({ completed: () => box.completed++ });
    expect(box.dialogs).toEqual(["https://jixiao.example/addin/old-engine.html"]);
    expect(box.completed).toBe(1);
    expect(box.replaced).toEqual([]);
  });

  it("a page policy that forbids eval (EvalError) is not taken for an old engine", () => {
    const box: Record<string, unknown> = {};
    const window = { location: { href: "", replace: (u: string) => (box.replaced = u) } };
    const document = { documentElement: { getAttribute: () => "taskpane" } };
    const forbidden = () => {
      throw new EvalError("Refused to evaluate a string as JavaScript");
    };
    runInNewContext(CHECK, { window, document, Function: forbidden });
    expect(box.replaced).toBeUndefined();
  });

  it("does nothing in a current engine", () => {
    for (const page of ["taskpane", "commands"] as const) {
      const box = runCheck(page, false);
      expect(box.replaced).toEqual([]);
      expect(box.window.recalculate).toBeUndefined();
      expect(box.window.jixiaoOldEngine).toBeUndefined();
    }
  });

  it("the guidance page is static Chinese text with what to do", () => {
    expect(GUIDANCE).not.toMatch(/<script/i);
    expect(GUIDANCE).toContain('lang="zh-CN"');
    for (const words of ["WebView2", "批量许可版", "命令行", "浏览器版"]) {
      expect(GUIDANCE).toContain(words);
    }
  });

  it("both add-in pages load the check before their bundles", () => {
    for (const [file, page] of [
      ["src/taskpane/taskpane.html", "taskpane"],
      ["src/commands/commands.html", "commands"],
    ]) {
      const html = readFileSync(join(ROOT, file), "utf8");
      expect(html).toContain(`data-page="${page}"`);
      expect(html).toContain('<script type="text/javascript" src="old-engine-check.js"></script>');
    }
  });
});
