/**
 * @jest-environment jsdom
 */
/** The ribbon's 重新计算 runs the pipeline without the pane and reports the outcome. */
import { join } from "node:path";
import { SAMPLE_PATH, SAMPLE_SHEETS } from "../parse/sampleSnapshot";
import { excelHost, fakeFromXlsx } from "../fakes/fromXlsx";
import { templateLayouts } from "../../src/layout/template";
import type { FakeExcel } from "../fakes/fakeExcel";
import { projectFormLayout } from "../../src/layout/projectForm";
import { caiyuProject, foshan2022 } from "../../src/standard/presets";
import { goodForm } from "../fixtures/projectForm";

const PROJECTS = join(__dirname, "..", "..", "samples", "foshan-sbj-2022-projects.xlsx");

async function setup(change?: (fake: FakeExcel) => Promise<void>, path = SAMPLE_PATH) {
  const fake = await fakeFromXlsx(path);
  if (change) await change(fake);
  const restore = fake.install(globalThis);
  const dialogs: string[] = [];
  const office = (globalThis as unknown as { Office: Record<string, unknown> }).Office;
  office.AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
  office.EventType = { DialogMessageReceived: "m", DialogEventReceived: "e" };
  office.actions = { associate: jest.fn() };
  (office.context as Record<string, unknown>).ui = {
    displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
      dialogs.push(new URL(url).searchParams.get("text") ?? "");
      const handlers: Record<string, () => void> = {};
      callback({
        status: "succeeded",
        value: {
          addEventHandler: (type: string, h: () => void) => (handlers[type] = h),
          close: jest.fn(),
        },
      });
      // The user closes the dialog.
      setTimeout(() => handlers.m?.(), 0);
    },
  };
  let recalculate!: (event: { completed: () => void }) => Promise<void>;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    recalculate = require("../../src/commands/commands").recalculate;
  });
  return { fake, dialogs, restore, recalculate };
}

describe("ribbon 重新计算", () => {
  it("writes the summary and reports total, grade and gap counts", async () => {
    const { fake, dialogs, restore, recalculate } = await setup();
    const completed = jest.fn();
    await recalculate({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.sheetNames()).toContain("绩效自评汇总");
    expect(dialogs[0]).toBe(
      "总分 95.18 分，绩效等级“优”。问题 11 项（严重 0，警告 3）。已写入“绩效自评汇总”、“核对清单”工作表。"
    );
    restore();
  });

  it("with project forms, writes 项目自评汇总 too and says how many forms it scored", async () => {
    const { fake, dialogs, restore, recalculate } = await setup(undefined, PROJECTS);
    await recalculate({ completed: jest.fn() });
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(["绩效自评汇总", "项目自评汇总"]));
    expect(dialogs[0]).toMatch(
      /^总分 95\.18 分，绩效等级“优”。问题 \d+ 项（严重 0，警告 \d+）。项目自评表 53 张。已写入“绩效自评汇总”、“核对清单”、“项目自评汇总”工作表。$/
    );
    restore();
  });

  it("writes nothing on a blank template and says what to fill in, where", async () => {
    const { fake, dialogs, restore, recalculate } = await setup(async (fake) => {
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.add("Sheet1");
        for (const name of SAMPLE_SHEETS) ctx.workbook.worksheets.getItem(name).delete();
      });
      await excelHost(fake).insertSheets(templateLayouts(foshan2022));
    });
    await recalculate({ completed: jest.fn() });
    expect(fake.sheetNames()).toEqual(["Sheet1", ...SAMPLE_SHEETS]);
    expect(dialogs[0]).toBe(
      "输入表尚未填写数据，未写入汇总表：请在“预算支出”、“绩效指标”表中填写预算数和自评得分后再点“重新计算”。"
    );
    restore();
  });

  it("on project forms alone writes 项目自评汇总 only, with no department total", async () => {
    const { fake, dialogs, restore, recalculate } = await setup(async (fake) => {
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.add("Sheet1");
        for (const name of SAMPLE_SHEETS) ctx.workbook.worksheets.getItem(name).delete();
      });
      const form = projectFormLayout(caiyuProject, goodForm("社保卡发行项目"), "社保卡发行项目");
      await excelHost(fake).insertSheets([form]);
    });
    await recalculate({ completed: jest.fn() });
    expect(fake.sheetNames()).toEqual(["Sheet1", "社保卡发行项目", "项目自评汇总"]);
    expect(dialogs[0]).toBe(
      "未找到部门的预算支出明细表和绩效指标表，只评分了项目支出绩效自评表。问题 0 项（严重 0，警告 0）。项目自评表 1 张。已写入“项目自评汇总”工作表。"
    );
    restore();
  });

  it("on a blank template with a project form filled in: the forms alone, and why", async () => {
    const { fake, dialogs, restore, recalculate } = await setup(async (fake) => {
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.add("Sheet1");
        for (const name of SAMPLE_SHEETS) ctx.workbook.worksheets.getItem(name).delete();
      });
      const form = projectFormLayout(caiyuProject, goodForm("社保卡发行项目"), "社保卡发行项目");
      await excelHost(fake).insertSheets([...templateLayouts(foshan2022), form]);
    });
    await recalculate({ completed: jest.fn() });
    expect(fake.sheetNames()).toEqual([
      "Sheet1",
      ...SAMPLE_SHEETS,
      "社保卡发行项目",
      "项目自评汇总",
    ]);
    expect(dialogs[0]).toBe(
      "部门的预算支出明细表和绩效指标表尚未填写数据，只评分了项目支出绩效自评表；填写预算数和自评得分后再评分部门整体。问题 0 项（严重 0，警告 0）。项目自评表 1 张。已写入“项目自评汇总”工作表。"
    );
    restore();
  });

  it("reports a failure in Chinese and still completes the command", async () => {
    const { fake, dialogs, restore, recalculate } = await setup();
    fake.userIsEditingCell = true;
    const failingRun = fake.run.bind(fake);
    // Simulate a host that refuses the batch outright.
    fake.run = (() =>
      Promise.reject(Object.assign(new Error("x"), { code: "AccessDenied" }))) as typeof fake.run;
    const completed = jest.fn();
    await recalculate({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialogs[0]).toBe("工作表受保护或只读，无法写入汇总表：请取消保护后重试。");
    fake.run = failingRun;
    restore();
  });
});
