/**
 * @jest-environment jsdom
 */
/**
 * The pane's states with Testing Library, on the Excel host over the test double:
 * scoring, scored, inputs with errors, no inputs found; clicking a gap selects its cell.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookPort } from "../../src/hosts/port";
import type { Recalculation } from "../../src/pipeline/recalculate";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { ScoreCard } from "../../src/taskpane/components/ScoreCard";
import { PaneProvider } from "../../src/taskpane/state/PaneContext";
import type { Evaluation } from "../../src/evaluate/result";
import Decimal from "decimal.js";
import { type PaneState, initialPaneState, paneReducer } from "../../src/taskpane/state/usePane";
import { FakeExcel } from "../fakes/fakeExcel";
import { settingsLayout } from "../../src/layout/settings";
import { caiyuProject, foshan2022 } from "../../src/standard/presets";
import { excelHost, fakeFromXlsx } from "../fakes/fromXlsx";
import { SAMPLE_PATH, SAMPLE_SHEETS } from "../parse/sampleSnapshot";
import { templateLayouts } from "../../src/layout/template";
import { projectFormLayout } from "../../src/layout/projectForm";
import { goodForm } from "../fixtures/projectForm";

/** Opens a collapsed section by its heading's button. */
function openSection(name: RegExp | string) {
  const toggle = screen.getByRole("button", { name });
  if (toggle.getAttribute("aria-expanded") !== "true") fireEvent.click(toggle);
}

async function samplePane(change?: (fake: FakeExcel) => Promise<void>) {
  const fake = await fakeFromXlsx(SAMPLE_PATH);
  if (change) await change(fake);
  const port = excelHost(fake);
  render(<PaneRoot port={port} />);
  return { fake, port };
}

/**
 * `host`'s reads and writes with 编辑后自动重新计算's subscription: `edit()` is the callback the
 * pane subscribed (null before it did, and after it unsubscribed).
 */
function withEdits(host: WorkbookPort): { port: WorkbookPort; edit: () => (() => void) | null } {
  let edited: (() => void) | null = null;
  const port: WorkbookPort = {
    read: () => host.read(),
    insertSheets: (l) => host.insertSheets(l),
    writeOwnedSheet: (l, r) => host.writeOwnedSheet(l, r),
    selectCell: (a) => host.selectCell(a),
    subscribeToEdits: async (onChange) => {
      edited = onChange;
      return async () => {
        edited = null;
      };
    },
  };
  return { port, edit: () => edited };
}

describe("task pane", () => {
  it("shows progress while scoring, then the total, grade, groups and gaps (scored)", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const inner = excelHost(fake);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const slow: WorkbookPort = {
      read: async () => {
        await gate;
        return inner.read();
      },
      insertSheets: (l) => inner.insertSheets(l),
      writeOwnedSheet: (l, r) => inner.writeOwnedSheet(l, r),
      selectCell: (a) => inner.selectCell(a),
    };
    render(<PaneRoot port={slow} />);
    expect(await screen.findByText("正在读取工作簿…")).toBeTruthy();
    // The busy ring is an indeterminate progress bar named by its phase, gone when done.
    expect(screen.getByRole("progressbar", { name: "正在读取工作簿…" })).toBeTruthy();
    // Busy: not disabled (focus would drop to the page) but aria-disabled.
    const recalc = screen.getByRole("button", { name: "重新计算" });
    expect(recalc.getAttribute("aria-disabled")).toBe("true");
    await act(async () => release());
    expect((await screen.findByTestId("total")).textContent).toBe("95.18");
    expect(screen.getByTestId("grade").textContent).toBe("优");
    expect(screen.queryByRole("progressbar")).toBeNull();
    const card = screen.getByRole("region", { name: "总分 95.18，等级 优" });
    expect(within(card).getByText("管理效率")).toBeTruthy();
    // Announced once, politely, as one sentence.
    const status = screen.getByTestId("announcement");
    expect(status.getAttribute("role")).toBe("status");
    expect(status.getAttribute("aria-atomic")).toBe("true");
    expect(status.textContent).toBe("评分完成：总分 95.18 分，等级 优（尚未写入汇总表）");
    // Each 一级 with its subtotal, as the seed report states them.
    expect(screen.getByText("50.00 / 50.00")).toBeTruthy();
    expect(screen.getByText("40.18 / 45.00")).toBeTruthy();
    expect(screen.getByText("5.00 / 5.00")).toBeTruthy();
    expect(screen.getByText("尚未写入汇总表：点击“重新计算”生成。", { exact: false })).toBeTruthy();
    const gaps = screen.getByRole("list", { name: /问题清单/ });
    // Advice in the pane's words: the command line is not named to a finance officer.
    expect(within(gaps).queryByText(/jixiao/)).toBeNull();
    expect(
      within(gaps).getAllByText(/点“评分标准与设置”中的“插入评分标准”/).length
    ).toBeGreaterThan(0);
    expect(within(gaps).getByText(/填报得分 5\.18 与按评分规则计算的 5\.22 不一致/)).toBeTruthy();
  });

  it("recalculates: writes the summary sheet and says so", async () => {
    const { fake } = await samplePane();
    await screen.findByTestId("total");
    fireEvent.click(screen.getByRole("button", { name: "重新计算" }));
    await screen.findByText(/已写入“绩效自评汇总”、“核对清单”工作表/);
    expect(fake.sheetNames()).toContain("绩效自评汇总");
    // The second outcome differs from the first by a zero-width space, so it is announced too.
    expect(screen.getByTestId("announcement").textContent).toBe(
      "计算完成：总分 95.18 分，等级 优\u200b"
    );
    expect(fake.cell("绩效自评汇总", "A1").value).toBe(
      "佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表"
    );
  });

  it("says the summary is there from an earlier write, not that it was never written", async () => {
    const { fake } = await samplePane();
    await screen.findByTestId("total");
    fireEvent.click(screen.getByRole("button", { name: "重新计算" }));
    await screen.findByText(/已写入“绩效自评汇总”、“核对清单”工作表/);
    // 插入模板 only previews: the summary written before is still there.
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText("“绩效自评汇总”为此前写入：点击“重新计算”更新。", { exact: false });
    expect(screen.queryByText(/尚未写入汇总表/)).toBeNull();
    expect(screen.getByTestId("announcement").textContent).toBe(
      "评分完成：总分 95.18 分，等级 优（“绩效自评汇总”为此前写入，尚未更新）"
    );
    // Reopening the scored workbook says the same.
    cleanup();
    render(<PaneRoot port={excelHost(fake)} />);
    await screen.findByText("“绩效自评汇总”为此前写入：点击“重新计算”更新。", { exact: false });
  }, 15_000);

  it("clicking a gap's cell selects it in the workbook", async () => {
    const { fake } = await samplePane();
    await screen.findByTestId("total");
    fireEvent.click(screen.getAllByRole("button", { name: "定位到 绩效指标!D9" })[0]);
    await waitFor(() => expect(fake.selection).toEqual({ sheet: "绩效指标", address: "D9" }));
  });

  it("lists inputs with errors, each naming its cell, and still scores the rest", async () => {
    await samplePane(async (fake) => {
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("预算支出").getRange("C5").values = [["二千"]];
      });
    });
    expect(await screen.findByText("有 1 处输入需要修改")).toBeTruthy();
    expect(screen.getAllByText("预算支出!C5：“二千”不是数字").length).toBeGreaterThan(0);
    expect((await screen.findByTestId("total")).textContent).toBe("95.18");
  });

  it("says a table not found is not found, apart from cells that could not be read", async () => {
    await samplePane(async (fake) => {
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("绩效指标").delete();
      });
    });
    expect(await screen.findByText("有 1 项输入未找到")).toBeTruthy();
    expect(screen.getByText(/^以下表格或信息未找到/)).toBeTruthy();
    expect(screen.queryByText(/处输入需要修改/)).toBeNull();
    expect(screen.queryByText(/以下单元格无法读取/)).toBeNull();
    expect(screen.getByTestId("announcement").textContent).toMatch(/；有 1 项输入未找到$/);
  });

  it("never shows year 0 on the card when the year is missing", () => {
    const evaluation = {
      department: "某局",
      year: 0,
      total: new Decimal(80),
      grade: "良",
      groups: [],
    } as unknown as Evaluation;
    render(
      <PaneProvider port={{} as WorkbookPort}>
        <ScoreCard evaluation={evaluation} written={[]} resultAt={null} />
      </PaneProvider>
    );
    expect(screen.getByText("某局").parentElement?.textContent).toBe("某局");
  });

  it("says no inputs were found in an empty workbook and offers the template", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    render(<PaneRoot port={excelHost(fake)} />);
    expect((await screen.findAllByText("未找到输入表")).length).toBeGreaterThan(0);
    expect(screen.queryByTestId("total")).toBeNull();
    // Only the guidance: nothing was read, so no cell "needs changing".
    expect(screen.queryByText(/处输入需要修改/)).toBeNull();
    expect(screen.getByTestId("announcement").textContent).toBe("未找到输入表");
    expect(screen.getByText(/或按使用说明中的表头约定整理现有表格。$/)).toBeTruthy();
    expect(screen.queryByText(/docs\//)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText(
      "已插入 5 张工作表：基本信息、预算支出、绩效指标、项目清单、重点工作。"
    );
    expect(fake.sheetNames()).toEqual(["Sheet1", ...SAMPLE_SHEETS]);
    // The blank template is guidance to fill it in: no 0.00 差, no year 0, no cells "to fix".
    await screen.findByText("模板尚未填写");
    expect(screen.getByTestId("announcement").textContent).toMatch(/^模板尚未填写/);
    expect(screen.queryByTestId("total")).toBeNull();
    expect(screen.queryByText("差")).toBeNull();
    expect(screen.queryByText(/处输入需要修改/)).toBeNull();
    expect(screen.queryByText(/· 0$/)).toBeNull();
    expect(screen.getByRole("button", { name: "评分标准与设置" })).toBeTruthy();
    // The template's outcome is announced as a note (a polite live region), apart from the score.
    expect(
      screen
        .getByText("已插入 5 张工作表：基本信息、预算支出、绩效指标、项目清单、重点工作。")
        .closest('[role="status"][aria-live="polite"]')
    ).not.toBeNull();
  });

  it("writes nothing at 重新计算 when no input table was found, and says how to start", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    render(<PaneRoot port={excelHost(fake)} />);
    await screen.findAllByText("未找到输入表");
    fireEvent.click(screen.getByRole("button", { name: "重新计算" }));
    await waitFor(() =>
      expect(screen.getByTestId("announcement").textContent).toMatch(
        /^未找到输入表，未写入汇总表：请先点“插入模板”添加输入表/
      )
    );
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
    expect(screen.getByText(/可以点击“插入模板”添加输入表/)).toBeTruthy();
  });

  it("writes nothing at 重新计算 on a blank template, and says what to fill in", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    await excelHost(fake).insertSheets(templateLayouts(foshan2022));
    render(<PaneRoot port={excelHost(fake)} />);
    await screen.findAllByText("模板尚未填写");
    fireEvent.click(screen.getByRole("button", { name: "重新计算" }));
    await waitFor(() =>
      expect(screen.getByTestId("announcement").textContent).toMatch(
        /^模板尚未填写，未写入汇总表：请在“预算支出”、“绩效指标”表中填写预算数和自评得分后再点“重新计算”/
      )
    );
    expect(fake.sheetNames()).toEqual(["Sheet1", ...SAMPLE_SHEETS]);
    expect(screen.getByText(/请在“基本信息”中填写部门名称和年度/)).toBeTruthy();
    expect(screen.queryByTestId("total")).toBeNull();
  });

  it("scores a workbook of project forms alone; the missing department tables are a note", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    const form = projectFormLayout(caiyuProject, goodForm("社保卡发行项目"), "社保卡发行项目");
    await excelHost(fake).insertSheets([form]);
    render(<PaneRoot port={excelHost(fake)} />);
    await screen.findByRole("button", { name: "项目自评（1）" });
    expect(screen.queryByText("未找到输入表")).toBeNull();
    expect(screen.queryByText(/处输入未找到/)).toBeNull();
    const note = screen.getByText(
      "未找到部门的预算支出明细表和绩效指标表，只评分了项目支出绩效自评表。"
    );
    expect(note.closest('[role="status"][aria-live="polite"]')).not.toBeNull();
    // Only the forms are scored: no department total, report or missing-table gaps.
    expect(screen.queryByTestId("total")).toBeNull();
    expect(screen.queryByText(/无法评定/)).toBeNull();
    expect(screen.queryByText(/未找到部门预算支出明细表/)).toBeNull();
    expect(screen.queryByRole("button", { name: /自评报告/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "重新计算" }));
    await waitFor(() => expect(fake.sheetNames()).toContain("项目自评汇总"));
    expect(fake.sheetNames()).not.toContain("绩效自评汇总");
    expect(fake.sheetNames()).not.toContain("核对清单");
    await waitFor(() =>
      expect(screen.getByTestId("announcement").textContent).toMatch(
        /^计算完成：已评分项目支出绩效自评表 1 张/
      )
    );
    expect(document.body.textContent).toContain("已写入“项目自评汇总”工作表。");
  });

  it("scores the forms of a blank template, saying the department tables are not filled in", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    const form = projectFormLayout(caiyuProject, goodForm("社保卡发行项目"), "社保卡发行项目");
    await excelHost(fake).insertSheets([...templateLayouts(foshan2022), form]);
    render(<PaneRoot port={excelHost(fake)} />);
    await screen.findByRole("button", { name: "项目自评（1）" });
    expect(
      screen.getByText(
        "部门的预算支出明细表和绩效指标表尚未填写数据，只评分了项目支出绩效自评表；填写预算数和自评得分后再评分部门整体。"
      )
    ).toBeTruthy();
    expect(screen.queryByText("模板尚未填写")).toBeNull();
    expect(screen.queryByTestId("total")).toBeNull();
    expect(screen.queryByText(/无法评定/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "重新计算" }));
    await waitFor(() => expect(fake.sheetNames()).toContain("项目自评汇总"));
    expect(fake.sheetNames()).not.toContain("绩效自评汇总");
  });

  it("lists the unreadable cells of a workbook of project forms alone", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    const form = projectFormLayout(caiyuProject, goodForm("社保卡发行项目"), "社保卡发行项目");
    // A figure of the form typed as words: a cell the pane must point to.
    const cells = form.cells.map((c) =>
      c.row === 12 && c.column === 6 ? { ...c, value: "三十" } : c
    );
    await excelHost(fake).insertSheets([{ ...form, cells }]);
    render(<PaneRoot port={excelHost(fake)} />);
    await screen.findByRole("button", { name: "项目自评（1）" });
    expect(screen.getByText("有 1 处输入需要修改")).toBeTruthy();
    expect(screen.getAllByRole("button", { name: /G13/ }).length).toBeGreaterThan(0);
    expect(screen.queryByText(/处输入未找到/)).toBeNull();
  });

  it("shows a host failure as a message, not a blank pane", async () => {
    const failing: WorkbookPort = {
      read: async () => {
        throw Object.assign(new Error("edit mode"), { code: "InvalidOperationInCellEditMode" });
      },
      insertSheets: async () => ({ added: [], clashes: [], skipped: [] }),
      writeOwnedSheet: async () => ({ sheet: "", replaced: false, skipped: [] }),
      selectCell: async () => false,
    };
    render(<PaneRoot port={failing} />);
    expect(
      await screen.findByText("Excel 正处于单元格编辑状态：请先按 Enter 完成编辑，再点“重新计算”。")
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "重新计算" })).toBeTruthy();
  });

  it("announces a failure as an alert; closing it puts focus back on 重新计算", async () => {
    const failing: WorkbookPort = {
      read: async () => {
        throw Object.assign(new Error("gone"), { code: "InactiveWorkbook" });
      },
      insertSheets: async () => ({ added: [], clashes: [], skipped: [] }),
      writeOwnedSheet: async () => ({ sheet: "", replaced: false, skipped: [] }),
      selectCell: async () => false,
    };
    render(<PaneRoot port={failing} />);
    const title = await screen.findByText("出错了");
    expect(title.closest('[role="alert"]')).not.toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "关闭" }));
    expect(screen.queryByText("出错了")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "重新计算" }));
  });

  it("moves between the toolbar's controls with the arrow keys, Home and End", async () => {
    await samplePane();
    await screen.findByTestId("total");
    const toolbar = screen.getByRole("toolbar", { name: "评分操作" });
    const recalc = within(toolbar).getByRole("button", { name: "重新计算" });
    const template = within(toolbar).getByRole("button", { name: "插入模板" });
    recalc.focus();
    fireEvent.keyDown(recalc, { key: "ArrowRight" });
    expect(document.activeElement).toBe(template);
    fireEvent.keyDown(template, { key: "ArrowRight" });
    expect(document.activeElement).toBe(recalc);
    fireEvent.keyDown(recalc, { key: "End" });
    expect(document.activeElement).toBe(template);
    fireEvent.keyDown(template, { key: "Home" });
    expect(document.activeElement).toBe(recalc);
  });

  it("marks a 填报 score that differs from 计算 in words, not by colour alone", async () => {
    await samplePane();
    await screen.findByTestId("total");
    openSection("指标得分");
    const row = document.querySelector('[data-indicator="executionRate"]') as HTMLElement;
    expect(within(row).getByText("填报≠计算").getAttribute("title")).toBe("填报得分与计算得分不同");
    const agreeing = Array.from(document.querySelectorAll("[data-indicator]")).filter(
      (r) => !r.textContent?.includes("填报≠计算")
    );
    expect(agreeing.length).toBeGreaterThan(0);
  });

  it("says before trying that a protected workbook cannot take the summary, then why not", async () => {
    const { fake } = await samplePane(async (f) => void (f.structureProtected = true));
    await screen.findByTestId("total");
    expect(
      screen.getByText(
        "工作簿受保护（审阅 → 保护工作簿）：可以评分，但助手不能写入汇总表。要写入，请先撤销工作簿保护。"
      )
    ).toBeTruthy();
    // Said once when opening: the note still on screen is not added (announced) again.
    const note = screen.getByText(/^工作簿受保护/);
    expect(note.closest('[aria-live="polite"]')).not.toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "重新计算" }));
    expect(await screen.findByText(/请撤销工作簿保护后再点“重新计算”/)).toBeTruthy();
    expect(screen.getByText(/请撤销工作簿保护后再点/).closest('[role="alert"]')).not.toBeNull();
    expect(fake.writeLog).toEqual([]);
  });

  it("names the action that failed in a host error (插入模板, 保存设置), not 重新计算", async () => {
    await samplePane(async (f) => void (f.structureProtected = true));
    await screen.findByTestId("total");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    expect(
      await screen.findByText(
        "工作簿受保护（审阅 → 保护工作簿），助手不能添加或替换工作表，模板未写入：请撤销工作簿保护后再点“插入模板”。"
      )
    ).toBeTruthy();
    openSection("评分标准与设置");
    fireEvent.click(screen.getByRole("button", { name: "保存到工作簿并重新计算" }));
    expect(await screen.findByText(/设置未写入：请撤销工作簿保护后再点“保存设置”。$/)).toBeTruthy();
  });

  it("keys notes so a note still shown is not announced again, and a new one (or a repeat) is", () => {
    const result = {} as Recalculation;
    const scored = (s: PaneState, notes: string[], leading = 0) =>
      paneReducer(s, { type: "result", result, notes, leading, announcement: "" });
    const first = scored(initialPaneState, ["只读"]);
    const again = scored(first, ["只读", "已跳过打印设置"]);
    expect(again.noteKeys[0]).toBe(first.noteKeys[0]);
    expect(again.noteKeys[1]).not.toBe(first.noteKeys[0]);
    // An action's own note is new even when the same text is shown (复制 twice, 插入模板 twice).
    const repeated = scored(again, ["已跳过打印设置"], 1);
    expect(repeated.noteKeys[0]).not.toBe(again.noteKeys[1]);
    const copied = paneReducer(repeated, { type: "notes", notes: ["已复制"] });
    const copiedAgain = paneReducer(copied, { type: "notes", notes: ["已复制"] });
    expect(copiedAgain.noteKeys[0]).not.toBe(copied.noteKeys[0]);
  });

  it("opens in English when Office is not in Chinese (its strings come from their own chunk)", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    render(<PaneRoot port={excelHost(fake)} locale="en-US" />);
    expect(await screen.findByRole("button", { name: "Recalculate" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "重新计算" })).toBeNull();
    expect(document.querySelector("main")?.getAttribute("lang")).toBe("en-US");
  });

  it("switches its own text to English", async () => {
    await samplePane();
    await screen.findByTestId("total");
    // The button's name is its visible text; the hint is its title.
    const language = screen.getByRole("button", { name: "English" });
    expect(language.getAttribute("title")).toBe("切换为英文界面");
    expect(language.getAttribute("lang")).toBe("en");
    fireEvent.click(language);
    expect(await screen.findByRole("button", { name: "Recalculate" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Scoring standard and settings" })).toBeTruthy();
    // Chinese content keeps a Chinese voice in the English UI.
    const department = screen.getByText("佛山市社会保险基金管理局");
    expect(department.closest("[lang]")?.getAttribute("lang")).toBe("zh-CN");
    // So do cell links, the standard's source, preset names and the grade in the announcement.
    const zh = (el: Element | null | undefined) => el?.closest("[lang]")?.getAttribute("lang");
    const link = screen.getAllByRole("button", { name: "Go to 绩效指标!D9" })[0];
    expect(zh(within(link).getByText("绩效指标!D9"))).toBe("zh-CN");
    openSection("Scoring standard and settings");
    expect(zh(within(screen.getByTestId("standard-source")).getByText(/^预设/))).toBe("zh-CN");
    const preset = screen.getByRole("combobox", { name: /Preset standard/ });
    expect(zh(preset.querySelector("option"))).toBe("zh-CN");
    await waitFor(() =>
      expect(screen.getByTestId("announcement").textContent).toMatch(/^Scored: total 95\.18/)
    );
    expect(zh(within(screen.getByTestId("announcement")).getByText("优"))).toBe("zh-CN");
    // The labels are scored again in English: the test ends when that run has.
    await waitFor(() =>
      expect(
        screen.getByRole("button", { name: "Recalculate" }).getAttribute("aria-disabled")
      ).toBe(null)
    );
    expect(screen.getByTestId("total")).toBeTruthy();
  });

  it("recalculates after an edit, and once more when the edit came during a recalculation", async () => {
    const inner = excelHost(await fakeFromXlsx(SAMPLE_PATH));
    let writes = 0;
    let release: () => void = () => undefined;
    let gate: Promise<void> = Promise.resolve();
    const { port, edit } = withEdits({
      read: () => inner.read(),
      insertSheets: (l) => inner.insertSheets(l),
      selectCell: (a) => inner.selectCell(a),
      writeOwnedSheet: async (l, r) => {
        // One recalculation writes the summary and the 核对清单: counted once.
        if ((r ?? "summary") === "summary") writes++;
        await gate;
        return inner.writeOwnedSheet(l, r);
      },
    });
    render(<PaneRoot port={port} canAutoRecalculate />);
    await screen.findByTestId("total");
    fireEvent.click(screen.getByRole("checkbox", { name: "编辑后自动重新计算" }));
    await waitFor(() => expect(edit()).not.toBeNull());
    // An edit: after a quiet moment, one recalculation that writes the summary.
    act(() => edit()!());
    await waitFor(() => expect(writes).toBe(1), { timeout: 4000 });
    await screen.findByText(/已写入“绩效自评汇总”、“核对清单”工作表/);
    // An edit while a (slow) recalculation writes: it runs once more afterwards.
    gate = new Promise<void>((r) => (release = r));
    fireEvent.click(screen.getByRole("button", { name: "重新计算" }));
    await waitFor(() => expect(writes).toBe(2));
    act(() => edit()!());
    await new Promise((r) => setTimeout(r, 1700));
    expect(writes).toBe(2);
    await act(async () => release());
    await waitFor(() => expect(writes).toBe(3));
  }, 15_000);

  it("auto-recalculation announces in the language chosen after it was switched on", async () => {
    const { port, edit } = withEdits(excelHost(await fakeFromXlsx(SAMPLE_PATH)));
    render(<PaneRoot port={port} canAutoRecalculate />);
    await screen.findByTestId("total");
    fireEvent.click(screen.getByRole("checkbox", { name: "编辑后自动重新计算" }));
    await waitFor(() => expect(edit()).not.toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    await screen.findByRole("button", { name: "Recalculate" });
    await waitFor(() =>
      expect(screen.getByTestId("announcement").textContent).toMatch(/^Scored: total 95\.18/)
    );
    act(() => edit()!());
    await waitFor(
      () =>
        expect(screen.getByTestId("announcement").textContent).toMatch(
          /^Recalculated: total 95\.18 points/
        ),
      { timeout: 4000 }
    );
  }, 15_000);

  it("saves settings into the workbook and recalculates with them", async () => {
    const { fake } = await samplePane();
    await screen.findByTestId("total");
    openSection("评分标准与设置");
    fireEvent.change(screen.getByRole("combobox", { name: "计入得分" }), {
      target: { value: "computed" },
    });
    const save = screen.getByRole("button", { name: "保存到工作簿并重新计算" });
    save.focus();
    fireEvent.click(save);
    await screen.findByText("设置已保存到“绩效自评设置”工作表。");
    expect(fake.sheetNames()).toContain("绩效自评设置");
    await waitFor(() => expect(screen.getByTestId("total").textContent).toBe("95.22"));
    // The form was not rebuilt: focus is still on the button, and it shows the saved choice.
    expect(document.activeElement).toBe(save);
    expect((screen.getByRole("combobox", { name: "计入得分" }) as HTMLSelectElement).value).toBe(
      "computed"
    );
  });

  it("after saving settings shows only the new note, not one from before", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    render(<PaneRoot port={excelHost(fake)} copyText={async () => undefined} />);
    await screen.findByTestId("total");
    openSection("自评报告");
    fireEvent.click(screen.getByRole("button", { name: "复制报告全文" }));
    await screen.findByText("报告全文已复制，可粘贴到 Word。");
    openSection("评分标准与设置");
    fireEvent.click(screen.getByRole("button", { name: "保存到工作簿并重新计算" }));
    await screen.findByText("设置已保存到“绩效自评设置”工作表。");
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "重新计算" }).getAttribute("aria-disabled")).toBe(
        null
      )
    );
    expect(screen.queryByText("报告全文已复制，可粘贴到 Word。")).toBeNull();
  }, 15_000);

  it("inserts the chosen preset as the 评分标准 sheet, folds old settings into it, then points to the sheet", async () => {
    const { fake } = await samplePane(async (f) => {
      // An old workbook: a parameter override in the settings sheet the pane wrote.
      const old = settingsLayout(
        { presetId: "foshan-2022", overrides: { "executionRate.floor": "50%" } },
        foshan2022
      );
      await excelHost(f).writeOwnedSheet(old, "settings");
    });
    await screen.findByTestId("total");
    openSection("评分标准与设置");
    expect(screen.getByTestId("standard-source").textContent).toBe(
      "来源：绩效自评设置中选择的预设"
    );
    const insert = screen.getByRole("button", { name: "插入评分标准" });
    insert.focus();
    fireEvent.click(insert);
    expect(screen.getByRole("progressbar", { name: "正在插入评分标准…" })).toBeTruthy();
    await screen.findByText("已插入 1 张工作表：评分标准。");
    // The button is gone: focus moved on to the next control of the section, not to the page.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "计入得分" }))
    );
    await screen.findByText("“绩效自评设置”中的旧版参数改动与已核对参数已并入评分标准表。");
    await waitFor(() =>
      expect(screen.getByTestId("standard-source").textContent).toBe("来源：本工作簿的“评分标准”表")
    );
    // The override now lives in the sheet (零分线 50%), and no longer in the settings sheet.
    expect(fake.cell("评分标准", "H18").value).toBe("50.00%");
    expect(fake.usedValues("绩效自评设置").flat()).not.toContain("executionRate.floor");
    expect(screen.queryByRole("button", { name: "插入评分标准" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "打开“评分标准”表" }));
    await waitFor(() => expect(fake.selection).toEqual({ sheet: "评分标准", address: "A1" }));
  }, 15_000);

  it("inserts a blank project form named as typed, lists it, and opens it", async () => {
    const { fake } = await samplePane();
    await screen.findByTestId("total");
    openSection("项目自评（0）");
    expect(screen.getByText("工作簿中没有项目支出绩效自评表。")).toBeTruthy();
    const insert = screen.getByRole("button", { name: "插入项目自评表" });
    expect(insert.hasAttribute("disabled")).toBe(true);
    fireEvent.change(screen.getByLabelText("项目名称"), { target: { value: " 社保卡发行项目 " } });
    insert.focus();
    fireEvent.click(insert);
    // Busy: aria-disabled, not disabled, so focus stays on the button.
    expect(insert.hasAttribute("disabled")).toBe(false);
    expect(insert.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(insert);
    expect(screen.getByRole("progressbar", { name: "正在插入项目自评表…" })).toBeTruthy();
    await screen.findByText("已插入 1 张工作表：社保卡发行项目。");
    expect(fake.sheetNames()).toContain("社保卡发行项目");
    await screen.findByRole("button", { name: "项目自评（1）" });
    await waitFor(() => expect(fake.selection).toEqual({ sheet: "社保卡发行项目", address: "A1" }));
    // Left blank, the form is listed with what it lacks, not with a grade it has not earned.
    const item = document.querySelector('li[data-project="社保卡发行项目"]') as HTMLElement;
    expect(within(item).getByText("无法评定")).toBeTruthy();
  });
});
