/**
 * The city and the year where the workbook says them other than in their labelled cells: the
 * city after a province (`广东省佛山市南海区…`) or in a sheet's title, the year in a title split
 * over merged cells.
 */
import type { WorkbookSnapshot } from "../../src/hosts/snapshot";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { cityInText, placeInText, yearInFileName } from "../../src/parse/titles";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { DISTRICTS_OF_CITY } from "../../src/standard/presets/districts";
import { sampleSnapshot, setCell } from "./sampleSnapshot";

/** The sample with no 所属城市 row, its 部门名称 written `department`. */
async function withoutCity(department: string): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  for (const column of ["A", "B", "C"]) setCell(snapshot, "基本信息", `${column}5`, null);
  setCell(snapshot, "基本信息", "B3", department);
  return snapshot;
}

/** The sample with no 年度 row, the 绩效指标 sheet's title in A1 only. */
async function withoutYearCell(title: string): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  for (const column of ["A", "B", "C"]) setCell(snapshot, "基本信息", `${column}4`, null);
  setCell(snapshot, "绩效指标", "A1", title);
  return snapshot;
}

describe("the city", () => {
  it.each([
    ["佛山市社会保险基金管理局", "佛山市"],
    ["广东省佛山市南海区教育局", "佛山市"],
    ["佛山市南海区教育局（本级）", "佛山市"],
    ["中共佛山市委组织部", "佛山市"],
    ["共青团佛山市委员会", "佛山市"],
    ["内蒙古自治区呼和浩特市财政局", "呼和浩特市"],
    ["广东省佛山市XX局2022年度部门整体支出绩效自评表", "佛山市"],
    ["2022年度佛山市市级部门整体支出绩效自评表", "佛山市"],
    ["二〇二二年度广东省佛山市某局绩效自评表", "佛山市"],
    ["佛山市市场监督管理局", "佛山市"],
  ])("is found at the start of %s", (text, city) => {
    expect(cityInText(text)).toBe(city);
  });

  it.each([
    "广东省教育厅",
    "广东省市场监督管理局",
    "市社会保险基金管理局",
    "南海区教育局",
    "2022 年度市级部门整体支出绩效自评表",
    "2022年度全市部门整体支出绩效自评表",
    "部门整体支出绩效自评表",
  ])("is not made up from %s", (text) => {
    expect(cityInText(text)).toBeUndefined();
  });

  it("is the city after the province in the department's name, and that city's preset scores it", async () => {
    const snapshot = await withoutCity("广东省佛山市南海区教育局");
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.input.city).toBe("佛山市");
    expect(evaluation.standard).toMatchObject({ id: "foshan-2022", source: "cityYear" });
    expect(evaluation.total.toString()).toBe("95.18");
  });

  it("is the city of a district under it (佛山市南海区…): the city's standard applies", async () => {
    const { input } = parseWorkbook(await withoutCity("佛山市南海区教育局（本级）"));
    expect(input.city).toBe("佛山市");
    expect(input.department).toBe("佛山市南海区教育局（本级）");
  });

  it("is read from a sheet's title when the department's name does not say it", async () => {
    const afterProvince = await withoutCity("某区教育局");
    setCell(afterProvince, "绩效指标", "A1", "广东省佛山市XX局2022年度部门整体支出绩效自评表");
    expect(parseWorkbook(afterProvince).input.city).toBe("佛山市");
    const onlyTitle = await withoutCity("市社会保险基金管理局");
    setCell(onlyTitle, "绩效指标", "A1", "佛山市2022年度部门整体支出绩效自评表");
    const { parse, evaluation } = scoreSnapshot(onlyTitle);
    expect(parse.input.city).toBe("佛山市");
    expect(evaluation.standard.source).toBe("cityYear");
  });

  it("is none for a province's department: no city is made up, its own table scores it", async () => {
    const { parse, evaluation } = scoreSnapshot(await withoutCity("广东省教育厅"));
    expect(parse.input.city).toBeUndefined();
    expect(evaluation.standard.id).toBe("ownTable");
  });

  it("is the city of a 所属城市 written with its province (广东省佛山市)", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "基本信息", "B5", "广东省佛山市");
    expect(parseWorkbook(snapshot).input.city).toBe("佛山市");
    // Written without 市, it is kept as typed (the presets' cities match either way).
    setCell(snapshot, "基本信息", "B5", "佛山");
    expect(parseWorkbook(snapshot).input.city).toBe("佛山");
  });
});

describe("the year from a title", () => {
  it("is read from a title split over merged cells (the department | the form's name)", async () => {
    const snapshot = await withoutYearCell("佛山市社会保险基金管理局");
    setCell(snapshot, "绩效指标", "C1", "2022年度部门整体支出绩效自评表");
    const { input, problems, found } = parseWorkbook(snapshot);
    expect(input.year).toBe(2022);
    expect(problems.filter((p) => p.message.includes("年度"))).toEqual([]);
    // Its source is the title's cells, as the labelled value's is its label cell.
    expect(found.find((f) => f.kind === "info" && f.title === "年度")).toEqual({
      kind: "info",
      title: "年度",
      sheet: "绩效指标",
      range: "A1:C1",
    });
  });

  it("is read with the year in one cell and 年度… in the next", async () => {
    const snapshot = await withoutYearCell("2022");
    setCell(snapshot, "绩效指标", "B1", "年度部门整体支出绩效自评表");
    expect(parseWorkbook(snapshot).input.year).toBe(2022);
  });
});

describe("the year from a project form's title", () => {
  /** The sample without its 年度 row, and a project form's title on a sheet before the others. */
  async function withFormTitle(formTitle: string, departmentTitle?: string) {
    const snapshot = await withoutYearCell(departmentTitle ?? "部门整体支出绩效自评表");
    snapshot.sheets.unshift({
      name: "项目表",
      top: 0,
      left: 0,
      values: [[formTitle]],
      numberFormats: [],
    });
    return snapshot;
  }

  it("gives way to the department's title, whatever the sheets' order", async () => {
    const snapshot = await withFormTitle(
      "项目支出绩效自评表（2021年度）",
      "2022 年度部门整体支出绩效自评表"
    );
    expect(parseWorkbook(snapshot).input.year).toBe(2022);
  });

  it("is the year when no other title has one, and not when the forms disagree", async () => {
    expect(parseWorkbook(await withFormTitle("项目支出绩效自评表（2021年度）")).input.year).toBe(
      2021
    );
    const disagreeing = await withFormTitle("项目支出绩效自评表（2021年度）");
    disagreeing.sheets.push({
      name: "项目表2",
      top: 0,
      left: 0,
      values: [["2022年度项目支出绩效自评表"]],
      numberFormats: [],
    });
    expect(parseWorkbook(disagreeing).input.year).toBe(0);
  });
});

describe("titles that disagree or repeat", () => {
  /** The sample without its 年度 row, a 说明 sheet titled `note` before the others. */
  async function withNote(note: string, formTitle: string) {
    const snapshot = await withoutYearCell(formTitle);
    snapshot.sheets.unshift({ name: "说明", top: 0, left: 0, values: [[note]], numberFormats: [] });
    return snapshot;
  }

  it("takes the year of the 部门整体支出绩效自评表's title over a note's before it", async () => {
    const snapshot = await withNote(
      "关于开展2023年度预算绩效工作的说明",
      "佛山市社会保险基金管理局2022年度部门整体支出绩效自评表"
    );
    const { input, problems } = parseWorkbook(snapshot);
    expect(input.year).toBe(2022);
    expect(problems.map((p) => p.message).join("\n")).not.toContain("不一致");
  });

  it("says so when titles of the same standing write different years", async () => {
    const snapshot = await withNote("2023年度预算绩效工作说明", "2022 年度绩效指标表");
    const { input, problems } = parseWorkbook(snapshot);
    expect(input.year).toBe(2023);
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        sheet: "说明",
        cell: "A1",
        message:
          "说明!A1：各表标题中的年度不一致（本表 2023，绩效指标!A1 2022），按 2023 年度评分；请在“基本信息”表中填写“年度”。",
      })
    );
  });

  it("reads a long title unmerged and filled (its text in every cell) as one title", async () => {
    const title = "广东省佛山市社会保险基金管理局2022年度部门整体支出绩效自评表（单位：万元）";
    const snapshot = await withoutYearCell(title);
    for (const column of ["B", "C", "D", "E"]) setCell(snapshot, "绩效指标", `${column}1`, title);
    expect(parseWorkbook(snapshot).input.year).toBe(2022);
  });
});

describe("what is no title and no city", () => {
  it("takes no year from a table's header row on top of a sheet, nor from a date", async () => {
    const header = await withoutYearCell("项目");
    setCell(header, "绩效指标", "B1", "上年决算数(2021年)");
    setCell(header, "绩效指标", "C1", "2022年预算数");
    expect(parseWorkbook(header).input.year).not.toBe(2021);
    const dated = await withoutYearCell("部门整体支出绩效自评表（2023年3月填报）");
    expect(parseWorkbook(dated).input.year).not.toBe(2023);
  });

  it.each([
    ["教育局市级项目预算", undefined],
    ["农贸市场服务中心2022年度预算", undefined],
    ["佛山市民政局", "佛山市"],
    ["佛山市市直机关事务管理局", "佛山市"],
  ])("reads %s as the city %s", (text, city) => {
    expect(cityInText(text)).toBe(city);
  });
});

describe("a form's own words", () => {
  it("reads a year written alone under the title (部门整体支出绩效自评表 over （2022年度）)", async () => {
    const snapshot = await withoutYearCell("部门整体支出绩效自评表");
    setCell(snapshot, "绩效指标", "A2", "（2022年度）");
    const { input, found } = parseWorkbook(snapshot);
    expect(input.year).toBe(2022);
    expect(found.find((f) => f.title === "年度")).toMatchObject({ range: "A1:A2" });
  });

  it("reads the department from 填报单位（盖章）, beside it or after its colon", async () => {
    const beside = await withoutCity("广东省佛山市南海区教育局");
    setCell(beside, "基本信息", "A3", "填报单位（盖章）");
    expect(parseWorkbook(beside).input).toMatchObject({
      department: "广东省佛山市南海区教育局",
      city: "佛山市",
    });
    const inline = await withoutCity("");
    setCell(inline, "基本信息", "B3", null);
    setCell(inline, "基本信息", "A3", "填报单位（盖章）：佛山市南海区教育局");
    expect(parseWorkbook(inline).input.department).toBe("佛山市南海区教育局");
  });
});

describe("the year from the file's name", () => {
  it.each([
    ["某局2022年度绩效自评.xlsx", 2022],
    ["/tmp/部门/2022部门整体支出绩效自评.xlsx", 2022],
    ["2023年3月报送 某局2022年度绩效自评.xlsx", 2022],
    ["某局二〇二二年度绩效自评.xlsx", 2022],
    ["某局绩效自评（2023-03-01）.xlsx", null],
    ["某局2021-2022绩效自评.xlsx", null],
    ["某局绩效自评.xlsx", null],
  ])("of %s is %s", (name, year) => {
    expect(yearInFileName(name)).toBe(year);
  });

  it("is the last resort, said as a warning naming the file (no cell states it)", async () => {
    const snapshot = await withoutYearCell("部门整体支出绩效自评表");
    snapshot.fileName = "某局2022年度绩效自评.xlsx";
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.input.year).toBe(2022);
    expect(parse.problems).toContainEqual({
      severity: "warning",
      message:
        "年度 2022 取自文件名“某局2022年度绩效自评.xlsx”：工作簿中未写明年度，请在“基本信息”表中填写“年度”。",
    });
    // No cell is named for it, and no 年度 source among the cells read.
    const gap = evaluation.gaps.find((g) => g.message.startsWith("年度 2022 取自文件名"));
    expect(gap).toMatchObject({ severity: "warning" });
    expect(gap?.cell).toBeUndefined();
    expect(parse.found.some((f) => f.title === "年度")).toBe(false);
    expect(evaluation.standard.source).toBe("cityYear");
  });

  it("gives way to a year in a cell or a title", async () => {
    const titled = await withoutYearCell("2021 年度部门整体支出绩效自评表");
    titled.fileName = "某局2022年度绩效自评.xlsx";
    expect(parseWorkbook(titled).input.year).toBe(2021);
    const stated = await sampleSnapshot();
    stated.fileName = "某局2023年度绩效自评.xlsx";
    const { input, problems } = parseWorkbook(stated);
    expect(input.year).toBe(2022);
    expect(problems.some((p) => p.message.includes("文件名"))).toBe(false);
  });

  it("says the 年度 cell could not be read when it is there", async () => {
    const snapshot = await withoutYearCell("部门整体支出绩效自评表");
    setCell(snapshot, "基本信息", "A4", "年度");
    setCell(snapshot, "基本信息", "B4", "去年");
    snapshot.fileName = "某局2022年度绩效自评.xlsx";
    const { input, problems } = parseWorkbook(snapshot);
    expect(input.year).toBe(2022);
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        "基本信息!B4：年度“去年”不是有效年份",
        "年度 2022 取自文件名“某局2022年度绩效自评.xlsx”：工作簿中的年度无法识别，请在“基本信息”表中填写“年度”。",
      ])
    );
  });
});

describe("a district's or county's unit", () => {
  it.each([
    ["南海区教育局", "佛山市", "南海区"],
    ["顺德区财政局", "佛山市", "顺德区"],
    ["禅城区卫生健康局", "佛山市", "禅城区"],
    ["三水区人民政府办公室", "佛山市", "三水区"],
    ["高明区自然资源局", "佛山市", "高明区"],
    ["广东省佛山市南海区教育局", "佛山市", undefined],
    ["中共南海区委组织部", "佛山市", "南海区"],
    ["平江县教育局", "岳阳市", "平江县"],
    ["汨罗市财政局", "岳阳市", "汨罗市"],
    ["渠县农业农村局", "达州市", "渠县"],
  ])("finds the city of %s", (text, city, district) => {
    expect(placeInText(text)).toEqual(district ? { city, district } : { city });
  });

  it.each(["城关区教育局", "新城区财政局", "鼓楼区卫生健康局", "城区教育局", "某区教育局"])(
    "makes up no city from %s: a district name several cities share says none",
    (text) => {
      expect(placeInText(text)).toBeUndefined();
    }
  );

  it("is scored by its city's preset, the warning at the 部门名称 cell saying the city was inferred", async () => {
    const snapshot = await withoutCity("南海区教育局");
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.input.city).toBe("佛山市");
    expect(evaluation.standard).toMatchObject({ id: "foshan-2022", source: "cityYear" });
    expect(evaluation.total.toString()).toBe("95.18");
    expect(parse.problems.filter((p) => p.message.includes("南海区"))).toEqual([
      {
        severity: "warning",
        sheet: "基本信息",
        cell: "B3",
        message:
          "基本信息!B3：部门名称中的“南海区”是佛山市的区县，按佛山市的评分标准评分；不是的，请在“所属城市”中填写本单位所属的市。",
      },
    ]);
  });

  it("finds its city from a title, or from a 所属城市 written as the district, saying so", async () => {
    const titled = await withoutCity("教育局");
    setCell(titled, "绩效指标", "A1", "顺德区财政局2022年度部门整体支出绩效自评表");
    const fromTitle = parseWorkbook(titled);
    expect(fromTitle.input.city).toBe("佛山市");
    expect(fromTitle.problems.find((p) => p.message.includes("顺德区"))?.message).toMatch(
      /^绩效指标!A1：标题中的“顺德区”是佛山市的区县/
    );
    const stated = await sampleSnapshot();
    setCell(stated, "基本信息", "B5", "三水区");
    const fromCell = parseWorkbook(stated);
    expect(fromCell.input.city).toBe("佛山市");
    expect(fromCell.problems.find((p) => p.message.includes("三水区"))?.message).toBe(
      "基本信息!B5：所属城市中的“三水区”是佛山市的区县，按佛山市的评分标准评分；不是的，请在“所属城市”中填写本单位所属的市。"
    );
  });

  it("says nothing when the city is named outright before its district", async () => {
    const { input, problems } = parseWorkbook(await withoutCity("佛山市南海区教育局"));
    expect(input.city).toBe("佛山市");
    expect(problems.some((p) => p.message.includes("区县"))).toBe(false);
  });
});

describe("the table of districts", () => {
  it("lists each district once: a name under two cities would say neither", () => {
    const names = Object.values(DISTRICTS_OF_CITY).flat();
    expect(new Set(names).size).toBe(names.length);
    jest.isolateModules(() => {
      jest.doMock("../../src/standard/presets/districts", () => ({
        DISTRICTS_OF_CITY: { 兰州市: ["城关区", "七里河区"], 拉萨市: ["城关区"] },
      }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const titles = require("../../src/parse/titles") as typeof import("../../src/parse/titles");
      expect(titles.placeInText("城关区教育局")).toBeUndefined();
      expect(titles.placeInText("七里河区教育局")).toEqual({
        city: "兰州市",
        district: "七里河区",
      });
    });
  });
});
