/**
 * What a workbook holds that the command line cannot write back. The CLI edits a workbook with
 * ExcelJS, which re-serialises the whole file from its own model: every part ExcelJS does not
 * model is silently left out of what it writes. This module lists those parts *before* the file
 * is opened with ExcelJS, from the .xlsx zip itself, so that the CLI can refuse --in-place (the
 * original would be lost for good) and warn about the copy.
 *
 * Measured with ExcelJS 4.4.0 (round trip of crafted workbooks, see test/cliPreserve.test.ts):
 * kept — cell values, formulas, styles, merges, column widths, defined names, data validations
 * and conditional formatting in the sheet itself, hyperlinks, page setup, tables, notes (legacy
 * comments, `xl/commentsN.xml`) and pictures placed in cells (`xdr:pic` in a one- or two-cell
 * anchor; their drawing and `xl/media` are rewritten). Lost — everything listed in `CATEGORIES`
 * below, and any other part it does not read (reported as 其他部件).
 */
import type JSZip from "jszip";

/** One kind of content the written file would not have. */
export interface LostContent {
  /** Stable key for JSON and tests: `charts`, `pivotTables`, `vba`, … */
  kind: string;
  /** `图表`, `数据透视表`, … */
  label: string;
  /** How many, or null when only its presence is known (VBA, 数据模型). */
  count: number | null;
  /** Counting word: `个`, `条`, `处`, `组`, `项`. */
  unit: string;
  /** For `other`: the first such part, named in the message. */
  example?: string;
}

export interface ZipScan {
  /** False when the data is not a readable zip (the caller reports the file as damaged). */
  zip: boolean;
  /** The zip has `xl/workbook.xml` (a zip without it is not an Excel workbook). */
  workbook: boolean;
  /** What ExcelJS would drop, in message order; empty when nothing. */
  lost: LostContent[];
}

/** Parts ExcelJS reads and writes back (its reader's own patterns, lib/xlsx/xlsx.js). */
const KEPT: RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/(app|core)\.xml$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/(sharedStrings|styles)\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/theme\/[a-zA-Z0-9]+\.xml$/,
  /^xl\/media\/[a-zA-Z0-9]+\.[a-zA-Z0-9]{3,4}$/,
  /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/, // pictures kept; other objects counted below
  /^xl\/drawings\/_rels\/[a-zA-Z0-9]+\.xml\.rels$/,
  /^xl\/drawings\/vmlDrawing\d+\.vml$/, // regenerated for notes
  /^xl\/comments\d+\.xml$/,
  /^xl\/tables\/table\d+\.xml$/,
];

/**
 * Parts whose loss changes nothing the user sees: Excel rebuilds the calculation chain, page
 * setup itself is kept in the sheet (only the printer driver's private blob goes), and the
 * thumbnail is only the file browser's preview.
 */
const HARMLESS: RegExp[] = [
  /^xl\/calcChain\.xml$/,
  /^xl\/printerSettings\//,
  /^docProps\/thumbnail\.[a-z]+$/i,
  /^xl\/theme\/_rels\//,
];

interface Category {
  kind: string;
  label: string;
  unit: string;
  /** The parts this category stands for (each is then not "other"). */
  parts: RegExp;
  /**
   * How many objects: by default the parts matching `counted` (or `parts`); with `element`,
   * the sum of what it counts in each of them. `null` counts presence only.
   */
  counted?: RegExp | null;
  /** Counts the objects in one counted part's XML (instead of one per part). */
  element?: (xml: string) => number;
  /** Not reported when this kind is (a pivot table's cache goes with the table). */
  unless?: string;
  /** Parts accounted for here, counted elsewhere (SmartArt: from the drawings). */
  silent?: boolean;
}

const occurrences = (text: string, element: RegExp) => text.match(element)?.length ?? 0;

/** A custom document property and its name. */
const PROPERTY = /<(?:\w+:)?property\s[^>]*?\bname="([^"]*)"/g;

/** Properties WPS Office writes into every file it saves: its own bookkeeping, not the user's. */
const BOOKKEEPING = /^(KSO\w*|ICV)$/;

const CATEGORIES: Category[] = [
  {
    kind: "charts",
    label: "图表",
    unit: "个",
    parts: /^xl\/charts\/|^xl\/theme\/themeOverride/,
    counted: /^xl\/charts\/chart(Ex)?\d+\.xml$/i,
  },
  {
    kind: "chartsheets",
    label: "图表工作表",
    unit: "个",
    parts: /^xl\/chartsheets\//,
    counted: /^xl\/chartsheets\/[^/]+\.xml$/,
  },
  {
    kind: "pivotTables",
    label: "数据透视表",
    unit: "个",
    parts: /^xl\/pivotTables\//,
    counted: /^xl\/pivotTables\/[^/]+\.xml$/,
  },
  {
    kind: "pivotCaches",
    label: "数据透视表缓存",
    unit: "个",
    parts: /^xl\/pivotCache\//,
    counted: /^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/,
    unless: "pivotTables",
  },
  {
    kind: "slicers",
    label: "切片器",
    unit: "个",
    parts: /^xl\/(slicers|slicerCaches)\//,
    counted: /^xl\/slicers\/[^/]+\.xml$/,
    element: (xml) => occurrences(xml, /<(?:\w+:)?slicer\s/g),
  },
  {
    kind: "timelines",
    label: "日程表",
    unit: "个",
    parts: /^xl\/(timelines|timelineCaches)\//,
    counted: /^xl\/timelines\/[^/]+\.xml$/,
    element: (xml) => occurrences(xml, /<(?:\w+:)?timeline\s/g),
  },
  {
    kind: "threadedComments",
    label: "对话式批注",
    unit: "条",
    parts: /^xl\/(threadedComments|persons)\//,
    counted: /^xl\/threadedComments\/[^/]+\.xml$/,
    element: (xml) => occurrences(xml, /<(?:\w+:)?threadedComment\s/g),
  },
  {
    kind: "vba",
    label: "VBA 宏",
    unit: "",
    parts: /^xl\/vbaProject(Signature\w*)?\.bin$/i,
    counted: null,
  },
  {
    kind: "macroSheets",
    label: "宏表或对话框工作表",
    unit: "个",
    parts: /^xl\/(macrosheets|dialogsheets)\//,
    counted: /^xl\/(macrosheets|dialogsheets)\/[^/]+\.xml$/,
  },
  {
    kind: "externalLinks",
    label: "外部工作簿链接",
    unit: "个",
    parts: /^xl\/externalLinks\//,
    counted: /^xl\/externalLinks\/[^/]+\.xml$/,
  },
  {
    kind: "embeddings",
    label: "嵌入对象",
    unit: "个",
    parts: /^xl\/embeddings\//,
  },
  {
    kind: "activeX",
    label: "ActiveX 控件",
    unit: "个",
    parts: /^xl\/activeX\//,
    counted: /^xl\/activeX\/[^/]+\.xml$/,
  },
  {
    kind: "formControls",
    label: "表单控件",
    unit: "个",
    parts: /^xl\/ctrlProps\//,
  },
  {
    kind: "connections",
    label: "数据连接或查询",
    unit: "个",
    parts: /^xl\/(connections\.xml|queryTables\/|tables\/_rels\/)/,
    counted: /^xl\/connections\.xml$/,
    element: (xml) => occurrences(xml, /<(?:\w+:)?connection\s/g),
  },
  { kind: "dataModel", label: "数据模型", unit: "", parts: /^xl\/model\//, counted: null },
  {
    kind: "richData",
    label: "单元格内图片或数据类型",
    unit: "",
    parts: /^xl\/richData\//,
    counted: null,
  },
  {
    kind: "cellMetadata",
    label: "动态数组公式的设置",
    unit: "",
    parts: /^xl\/metadata\.xml$/,
    counted: null,
    unless: "richData",
  },
  {
    kind: "webExtensions",
    label: "Office 加载项设置",
    unit: "个",
    parts: /^xl\/webextensions\//,
    counted: /^xl\/webextensions\/webextension\d+\.xml$/,
  },
  {
    kind: "customXml",
    label: "自定义 XML 数据",
    unit: "项",
    parts: /^customXml\//,
    counted: /^customXml\/item\d+\.xml$/,
  },
  {
    kind: "customProperties",
    label: "自定义文档属性",
    unit: "项",
    parts: /^docProps\/custom\.xml$/,
    element: (xml) => [...xml.matchAll(PROPERTY)].filter((m) => !BOOKKEEPING.test(m[1])).length,
  },
  // SmartArt: counted from the drawings that show it.
  { kind: "diagrams", label: "SmartArt 图形", unit: "个", parts: /^xl\/diagrams\//, silent: true },
];

/** Lost content found inside parts ExcelJS does read: worksheets and drawings. */
const SHEET_EXTRAS: { kind: string; label: string; unit: string; element: RegExp }[] = [
  {
    kind: "extDataValidations",
    label: "跨工作表的下拉列表等数据验证",
    unit: "处",
    element: /<x14:dataValidation\s/g,
  },
  { kind: "sparklines", label: "迷你图", unit: "组", element: /<x14:sparklineGroup[\s>]/g },
  { kind: "protectedRanges", label: "允许编辑区域", unit: "个", element: /<protectedRange\s/g },
  // ExcelJS keeps a legacy sheet protection but not its password: anyone could then unprotect.
  {
    kind: "sheetPasswords",
    label: "工作表保护密码",
    unit: "个",
    element: /<sheetProtection\b[^>]*\spassword=/g,
  },
];

/** Text that only a sheet with one of `SHEET_EXTRAS` holds. */
const SHEET_MARKERS = [
  "<x14:dataValidation",
  "<x14:sparklineGroup",
  "<protectedRange",
  "<sheetProtection",
];

/**
 * What ExcelJS drops or changes in workbook.xml (measured): 保护工作簿; the sheet a name
 * belongs to (a sheet-level name, but for print areas and titles, becomes the workbook's, and
 * of two such names only one is left); names over a sheet whose name holds an apostrophe (its
 * quote is written undoubled, so the print area no longer reads).
 */
function workbookLosses(xml: string): LostContent[] {
  const lost: LostContent[] = [];
  if (/<(?:\w+:)?workbookProtection\b/.test(xml))
    lost.push({
      kind: "workbookProtection",
      label: "工作簿保护（保护工作簿）",
      count: null,
      unit: "",
    });
  const names = [...xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)</g)];
  const local = names.filter(
    ([, attrs]) =>
      /\slocalSheetId="/.test(attrs) && !/\sname="_xlnm\.(Print_Area|Print_Titles)"/.test(attrs)
  ).length;
  if (local > 0)
    lost.push({
      kind: "sheetNames",
      label: "工作表级名称（将变为工作簿级）",
      count: local,
      unit: "个",
    });
  const quoted = names.filter(([, , formula]) => /''|&apos;&apos;/.test(formula)).length;
  if (quoted > 0)
    lost.push({
      kind: "quotedSheetNames",
      label: "引用含单引号工作表名的打印区域等名称",
      count: quoted,
      unit: "个",
    });
  return lost;
}

const ANCHOR = /<(?:\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/(?:\w+:)?\1>/g;

type AnchorKind = "kept" | "elsewhere" | "diagram" | "shape" | "picture";

/** What one drawing anchor holds, for ExcelJS: only a picture in a cell anchor is kept. */
function anchorKind(anchor: string, type: string): AnchorKind {
  // Charts, slicers and timelines are counted from their own parts, form and ActiveX controls
  // from theirs (compatExt is a control's drawing).
  if (/\/2006\/chart"|\/2014\/chartex"|\/slicer"|\/timeslicer"|compatExt/.test(anchor))
    return "elsewhere";
  if (/\/2006\/diagram"/.test(anchor)) return "diagram";
  const picture = /<(?:\w+:)?pic>/.test(anchor);
  const other = /<(?:\w+:)?(sp|cxnSp|grpSp|graphicFrame|contentPart)[\s>]/.test(anchor);
  if (picture && !other) return type === "absoluteAnchor" ? "picture" : "kept";
  return "shape";
}

const DRAWING_LOSSES: Partial<Record<AnchorKind, Omit<LostContent, "count">>> = {
  diagram: { kind: "diagrams", label: "SmartArt 图形", unit: "个" },
  shape: { kind: "shapes", label: "形状或文本框等图形", unit: "个" },
  picture: { kind: "pictures", label: "固定位置的图片", unit: "个" },
};

/** The opened zip's part names and texts (null when a part cannot be inflated). */
interface ZipParts {
  zip: JSZip;
  names: string[];
  text: (name: string) => Promise<string | null>;
}

/** How many parts of a category count (or elements in them); null when not counted. */
async function categoryCount(category: Category, parts: string[], zip: ZipParts) {
  if (category.counted === null) return null;
  const counted = parts.filter((n) => (category.counted ?? category.parts).test(n));
  if (!category.element) return counted.length;
  let count = 0;
  for (const part of counted) {
    const xml = await zip.text(part);
    count += xml === null ? 1 : category.element(xml);
  }
  return count;
}

/** Parts of a kind ExcelJS drops (charts, pivot tables, VBA …), and the names accounted for. */
async function categoryLosses(zip: ZipParts, accounted: Set<string>): Promise<LostContent[]> {
  const lost: LostContent[] = [];
  for (const category of CATEGORIES) {
    const parts = zip.names.filter((n) => category.parts.test(n));
    if (parts.length === 0) continue;
    parts.forEach((n) => accounted.add(n));
    if (category.silent) continue;
    const count = await categoryCount(category, parts, zip);
    if (count === 0) continue;
    lost.push({ kind: category.kind, label: category.label, count, unit: category.unit });
  }
  // A kind reported makes another redundant (a chart sheet's chart is the chart).
  const reported = new Set(lost.map((l) => l.kind));
  return lost.filter((l) => {
    const unless = CATEGORIES.find((c) => c.kind === l.kind)?.unless;
    return !unless || !reported.has(unless);
  });
}

/** Inside the drawings ExcelJS reads: only pictures survive. */
async function drawingLosses(zip: ZipParts): Promise<LostContent[]> {
  const inDrawings = new Map<AnchorKind, number>();
  for (const name of zip.names.filter((n) => /^xl\/drawings\/[^/]+\.xml$/.test(n))) {
    for (const match of ((await zip.text(name)) ?? "").matchAll(ANCHOR)) {
      const kind = anchorKind(match[0], match[1]);
      inDrawings.set(kind, (inDrawings.get(kind) ?? 0) + 1);
    }
  }
  return Object.entries(DRAWING_LOSSES).flatMap(([kind, loss]) => {
    const count = inDrawings.get(kind as AnchorKind) ?? 0;
    return loss && count > 0 ? [{ ...loss, count }] : [];
  });
}

/** Inside the worksheets: what ExcelJS's sheet model has no place for. */
async function sheetLosses(zip: ZipParts): Promise<LostContent[]> {
  const extras = SHEET_EXTRAS.map(() => 0);
  for (const name of zip.names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    // Search the bytes first: decoding a large sheet to text costs more than inflating it.
    const bytes = await zip.zip
      .file(name)
      ?.async("nodebuffer")
      .catch(() => null);
    if (!bytes || !SHEET_MARKERS.some((marker) => bytes.includes(marker))) continue;
    const xml = bytes.toString("utf8");
    SHEET_EXTRAS.forEach((extra, i) => (extras[i] += occurrences(xml, extra.element)));
  }
  return SHEET_EXTRAS.flatMap(({ kind, label, unit }, i) =>
    extras[i] > 0 ? [{ kind, label, unit, count: extras[i] }] : []
  );
}

/** Parts neither accounted for nor known to be kept or harmless: counted, one named. */
function otherLosses(names: string[], accounted: Set<string>): LostContent[] {
  const other = names.filter(
    (n) => !accounted.has(n) && !KEPT.some((p) => p.test(n)) && !HARMLESS.some((p) => p.test(n))
  );
  if (other.length === 0) return [];
  const label = "其他本工具不支持的部件";
  return [{ kind: "other", label, count: other.length, unit: "个", example: other[0] }];
}

/**
 * Lists the zip's parts and what ExcelJS would not write back. Never throws: data that is not
 * a zip gives `{ zip: false }`.
 */
export async function scanWorkbookZip(data: Uint8Array): Promise<ZipScan> {
  let zip: JSZip;
  try {
    // eslint-disable-next-line no-undef -- webpack and Node both provide require
    zip = await (require("jszip") as typeof JSZip).loadAsync(data);
  } catch {
    return { zip: false, workbook: false, lost: [] };
  }
  const names = Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .map((entry) => entry.name.replace(/^\//, ""));
  const text = async (name: string): Promise<string | null> => {
    try {
      return (await zip.file(name)?.async("string")) ?? null;
    } catch {
      return null;
    }
  };
  const parts: ZipParts = { zip, names, text };
  const accounted = new Set<string>();
  const lost = [
    ...(await categoryLosses(parts, accounted)),
    ...(await drawingLosses(parts)),
    ...(await sheetLosses(parts)),
    ...workbookLosses((await text("xl/workbook.xml")) ?? ""),
    ...otherLosses(names, accounted),
  ];
  return { zip: true, workbook: names.includes("xl/workbook.xml"), lost };
}

/** `图表 2 个、数据透视表 1 个、VBA 宏` */
export function describeLost(lost: readonly LostContent[]): string {
  return lost
    .map((l) => {
      const what = l.count === null ? l.label : `${l.label} ${l.count} ${l.unit}`.trimEnd();
      return l.example ? `${what}（${l.example}${l.count === 1 ? "" : " 等"}）` : what;
    })
    .join("、");
}

/** The list after Chinese text: a space before a Latin word (`含有 VBA 宏`). */
function spaced(lost: readonly LostContent[]): string {
  const list = describeLost(lost);
  return /^[A-Za-z]/.test(list) ? ` ${list}` : list;
}

/** The reason --in-place is refused (after `不能就地写入 某局.xlsx：`). */
export function inPlaceRefusal(lost: readonly LostContent[]): string {
  return (
    `工作簿含有${spaced(lost)}，本工具写出时会丢失这些对象；` +
    "请去掉 --in-place（将另存副本）或在 Excel 中使用加载项"
  );
}

/** `注意：某局.已评分.xlsx 中不含原文件的图表 2 个；原文件未改动。` */
export function copyWarning(output: string, lost: readonly LostContent[]): string {
  return `注意：${output} 中不含原文件的${spaced(lost)}；原文件未改动。`;
}
