/**
 * The command line's 评分标准 commands:
 *   jixiao standards                     the presets, one line each
 *   jixiao standard <编号> [--out 文件]   a preset written as a workbook with its 评分标准 sheet
 * and `--standard <编号|标准.xlsx>` for `score`: a preset, or the 评分标准 sheet of another
 * workbook (a city bureau's file), read exactly as the add-in reads a workbook's own.
 */
import { stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { writeLayout } from "../hosts/file/writeLayout";
import { STANDARD_SHEET, standardLayout } from "../layout/standardSheet";
import type { WorkbookStandard } from "../model/input";
import { parseWorkbook } from "../parse/parseWorkbook";
import { findPresetById, presets } from "../standard/presets";
import { writeFileAtomic } from "./atomicWrite";
import { writeReason } from "./errors";
import type { CliIo } from "./io";
import { checkWorkbookData, openWorkbookData, readFileBytes } from "./openWorkbook";
import { renderTable } from "./textTable";
import { excelJs } from "../hosts/file/fileWorkbook";

const available = () => presets.map((p) => p.id).join("、");

function presetStandard(id: string): WorkbookStandard | null {
  const preset = findPresetById(id);
  return preset
    ? { standard: preset, problems: [], sheet: id, description: `预设 ${id}（--standard 指定）` }
    : null;
}

/** `--standard`: a preset id, or a workbook holding a 评分标准 sheet; or why neither. */
export async function loadStandard(
  arg: string
): Promise<
  { ok: true; standard: WorkbookStandard; description: string } | { ok: false; reason: string }
> {
  const isFile =
    /\.(xlsx|xlsm)$/i.test(arg) || ((await stat(arg).catch(() => null))?.isFile() ?? false);
  if (!isFile) {
    const preset = presetStandard(arg);
    return preset
      ? { ok: true, standard: preset, description: `预设 ${arg}` }
      : {
          ok: false,
          reason: `没有编号为“${arg}”的预设评分标准，也没有这个文件；可用的预设：${available()}`,
        };
  }
  const name = basename(arg);
  const bytes = await readFileBytes(arg);
  if (!bytes.ok) return { ok: false, reason: `无法读取评分标准文件 ${name}：${bytes.reason}` };
  const checked = await checkWorkbookData(bytes.data);
  if (!checked.ok) return { ok: false, reason: `无法读取评分标准文件 ${name}：${checked.reason}` };
  const opened = await openWorkbookData(checked.data);
  if (!opened.ok) return { ok: false, reason: `无法读取评分标准文件 ${name}：${opened.reason}` };
  // A department standard, else a project one (适用对象 项目支出: it scores the forms).
  const { input } = parseWorkbook(await opened.book.read());
  const read = input.standard ?? input.projectStandard;
  if (!read)
    return {
      ok: false,
      reason: `${name} 中没有评分标准表：表头须含“一级指标”（或二级、三级指标）、“分值”和“计分方法”`,
    };
  // A sheet with no 标准名称 is named after where it lies: here, that file, not this workbook.
  const unnamed = read.standard.name === `本工作簿的评分标准（${read.sheet}）`;
  const standard = unnamed
    ? { ...read.standard, name: `${name} 的评分标准（${read.sheet}）` }
    : read.standard;
  return {
    ok: true,
    standard: { ...read, standard, file: name },
    description: `${name} 的“${read.sheet}”表`,
  };
}

export function listStandards(io: CliIo, json: boolean): number {
  if (json) {
    io.out(
      JSON.stringify(
        presets.map((p) => ({
          id: p.id,
          name: p.name,
          scope: p.scope,
          city: p.city ?? null,
          year: p.year ?? null,
          indicators: p.indicators.length,
          unconfirmed: p.indicators.filter((i) => i.unconfirmed.length > 0).length,
          source: p.source ?? null,
        })),
        null,
        2
      )
    );
    return 0;
  }
  const rows = presets.map((p) => [
    p.id,
    p.name,
    p.city ?? "—",
    p.year === undefined ? "—" : String(p.year),
    String(p.indicators.length),
    String(p.indicators.filter((i) => i.unconfirmed.length > 0).length),
  ]);
  io.out("可用的评分标准预设（jixiao standard <编号> --out 评分标准.xlsx 导出为可修改的工作簿）：");
  io.out(
    renderTable(["编号", "名称", "城市", "年度", "指标数", "待核对指标"], rows, [
      "left",
      "left",
      "left",
      "right",
      "right",
      "right",
    ])
  );
  io.out(
    "评分时按 评分标准表 → 设置中选择的预设 → 城市和年度 → 通用预设 的顺序采用；也可用 --standard 指定。"
  );
  return 0;
}

/** Where `standard <id>` writes: `--out` (a file, or a folder for the default name) or here. */
async function target(id: string, out: string | undefined): Promise<string | { problem: string }> {
  const name = `评分标准-${id}.xlsx`;
  if (out === undefined) return name;
  const isFolder =
    /[\\/]$/.test(out) ||
    extname(out) === "" ||
    ((await stat(out).catch(() => null))?.isDirectory() ?? false);
  if (isFolder) return join(out, name);
  if (extname(out).toLowerCase() === ".xlsx") return out;
  return { problem: `--out 的文件名应以 .xlsx 结尾，收到“${basename(out)}”` };
}

export async function exportStandard(
  id: string | undefined,
  out: string | undefined,
  io: CliIo
): Promise<number> {
  if (!id) {
    io.err(`请给出预设编号，如 jixiao standard foshan-2022；可用的预设：${available()}。`);
    return 2;
  }
  const preset = findPresetById(id);
  if (!preset) {
    io.err(`没有编号为“${id}”的预设评分标准；可用的预设：${available()}。`);
    return 2;
  }
  const path = await target(id, out);
  if (typeof path !== "string") {
    io.err(`${path.problem}。`);
    return 2;
  }
  const workbook = new (excelJs().Workbook)();
  workbook.creator = "绩效自评助手";
  writeLayout(workbook, standardLayout(preset));
  try {
    await writeFileAtomic(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
  } catch (error) {
    io.err(`未能写入 ${path}：${writeReason(error)}`);
    return 1;
  }
  io.out(
    `已写入 ${path}：“${STANDARD_SHEET}”表为 ${preset.name}，可修改后用 --standard ${path} 评分，或把该表复制到部门工作簿中。`
  );
  return 0;
}
