/**
 * What a workbook says of its year and city outside the labelled cells: its sheets' titles
 * (`广东省佛山市某局2022年度部门整体支出绩效自评表`, also split over merged cells) and, last of all,
 * its file's name (`某局2022年度绩效自评.xlsx`).
 */
import { toHalfWidth } from "../model/numbers";
import { DISTRICTS_OF_CITY } from "../standard/presets/districts";
import { yearInText } from "./cells";
import type { Grid } from "./grid";

/** A sheet's title: its cells' texts as one, and the cells they came from. */
export interface TitleRow {
  sheet: string;
  /** A1 range of the title's filled cells (`A1:E1`; `A1:A2` with a year under it). */
  range: string;
  text: string;
}

/** Rows looked at for a title: the first filled one of the sheet's top rows. */
const TITLE_ROWS = 3;

/** What a title names: the form (绩效自评), its budget or its accounts. */
const TITLE_WORDS = /绩效|自评|决算|预算/;

/** A year alone under a title: `（2022年度）`, `2022 年度`. */
const YEAR_LINE = /^[(（]?\s*(\d{4}|[〇一二三四五六七八九零○]{4})\s*年度?\s*[)）]?$/;

/** The columns of a row's filled cells. */
function filledColumns(grid: Grid, row: number): number[] {
  const columns: number[] = [];
  for (let column = grid.left; column <= grid.right; column++)
    if (grid.text(row, column) !== "") columns.push(column);
  return columns;
}

/**
 * The sheet's title: its first filled row, the texts of its cells joined (a title split over
 * merged cells, `佛山市某局` | `2022年度部门整体支出绩效自评表`), when it names the form; with the
 * year written alone under it (`部门整体支出绩效自评表` over `（2022年度）`).
 */
function titleRow(grid: Grid): TitleRow | null {
  const last = Math.min(grid.bottom, grid.top + TITLE_ROWS - 1);
  let row = grid.top;
  while (row <= last && filledColumns(grid, row).length === 0) row++;
  if (row > last) return null;
  const columns = filledColumns(grid, row);
  // A title unmerged and filled (取消合并并填充) repeats its text in every cell: said once.
  const texts = columns.map((c) => grid.text(row, c));
  // More than two texts is a table's header row (`项目 | 上年决算数(2021年) | 2022年预算数`).
  if (new Set(texts).size > 2) return null;
  const text = texts.filter((t, i) => t !== texts[i - 1]).join("");
  if (text.length > 80 || !TITLE_WORDS.test(text)) return null;
  const [left, right] = [columns[0], columns[columns.length - 1]];
  const at = (bottom: number, r: number, l = left) => {
    const [from, to] = [grid.address(row, l), grid.address(bottom, r)];
    return { sheet: grid.name, range: from === to ? from : `${from}:${to}` };
  };
  const year = row < last ? filledColumns(grid, row + 1)[0] : undefined;
  if (year === undefined || !YEAR_LINE.test(grid.text(row + 1, year)))
    return { ...at(row, right), text };
  const under = at(row + 1, Math.max(right, year), Math.min(left, year));
  return { ...under, text: text + grid.text(row + 1, year) };
}

/** The sheets' titles, in sheet order. */
export function sheetTitles(grids: readonly Grid[]): TitleRow[] {
  return grids.map(titleRow).filter((t): t is TitleRow => t !== null);
}

/** A project form's title (`项目支出绩效自评表`): its year is the form's, not the department's. */
const PROJECT_FORM_TITLE = /项目支出/;

/** The department's own form's title (`部门整体支出绩效自评表`): its year comes first. */
const DEPARTMENT_TITLE = /部门整体|整体支出/;

export interface TitledYear {
  year: number;
  title: TitleRow;
  /** Titles of the same standing that write another year (a 说明 of 2023 beside the form's 2022). */
  others: { year: number; title: TitleRow }[];
}

/**
 * The year of the titles that write one (`2022 年度…绩效自评`), and the title: the department's
 * form's titles first, then any other but a project form's, in sheet order; project forms'
 * titles only when no other title has a year and every form's that has one agrees.
 */
export function yearFromTitles(grids: readonly Grid[]): TitledYear | null {
  const dated = sheetTitles(grids).flatMap((title) => {
    const year = yearInText(title.text, false);
    return year === null ? [] : [{ year, title }];
  });
  const standing = (d: { title: TitleRow }) =>
    DEPARTMENT_TITLE.test(d.title.text) ? 0 : PROJECT_FORM_TITLE.test(d.title.text) ? 2 : 1;
  const best = Math.min(...dated.map(standing));
  const peers = dated.filter((d) => standing(d) === best);
  const first = peers[0];
  if (!first) return null;
  const others = peers.filter((d) => d.year !== first.year);
  // Project forms of different years say nothing of the department's.
  if (best === 2 && others.length > 0) return null;
  return { ...first, others };
}

/** A place a name or title starts with: its city, and the district it was known by, if any. */
export interface PlaceInText {
  city: string;
  /** The district or county named instead of the city (`南海区` of 佛山市). */
  district?: string;
}

/** The place of the first title that names one at its start, and that title. */
export function placeFromTitles(
  grids: readonly Grid[]
): (PlaceInText & { title: TitleRow }) | undefined {
  for (const title of sheetTitles(grids)) {
    const place = placeInText(title.text);
    if (place) return { ...place, title };
  }
  return undefined;
}

/** What may come before the city and is no place: a year, the Party's or the League's name. */
const NOT_PLACE = /^(?:(?:\d{4}|[〇一二三四五六七八九]{4})年度?|中国共产党|中共|共青团)/;

/** A province (or autonomous region) before its city: 广东省, 广西壮族自治区. */
const PROVINCE = /^[^市省区县\d]{2,7}?(?:省|自治区)/;

/**
 * A city: two to four characters and 市 (佛山市, 呼和浩特市), none of them 市, 省 or an office's
 * word (教育局市级… names no city), the 市 not that of 市场 or 市直.
 */
const CITY = /^[^市省区县局厅委办\d()（）]{2,4}?市(?!场|直)/;

/**
 * The city a name or title starts with — `佛山市…`, `广东省佛山市南海区…`, `中共佛山市委…`,
 * `2022年度佛山市…` — or undefined (`广东省教育厅` names a province, no city).
 */
export function cityInText(text: string): string | undefined {
  const rest = pastPrefixes(text);
  return rest === null ? undefined : CITY.exec(rest)?.[0];
}

/**
 * The city a name or title starts with, or else the listed district or county it starts with
 * (`南海区教育局`, `广东省南海区…`: 南海区 of 佛山市; standard/presets/districts.ts). A district
 * comes first: a county-level city (`汨罗市…`) is its prefecture's.
 */
export function placeInText(text: string): PlaceInText | undefined {
  const rest = pastPrefixes(text);
  if (rest === null) return undefined;
  const district = [...CITY_OF_DISTRICT.keys()].find((d) => rest.startsWith(d));
  if (district) return { city: CITY_OF_DISTRICT.get(district) as string, district };
  const city = CITY.exec(rest)?.[0];
  return city ? { city } : undefined;
}

/** The text past what comes before a place (years, 中共, a province); null past four of them. */
function pastPrefixes(text: string): string | null {
  let rest = toHalfWidth(text).replace(/\s/g, "").replace(/[零○]/g, "〇");
  for (let i = 0; i < 4; i++) {
    const skipped = NOT_PLACE.exec(rest) ?? (CITY.test(rest) ? null : PROVINCE.exec(rest));
    if (!skipped) return rest;
    rest = rest.slice(skipped[0].length);
  }
  return null;
}

/** Each listed district's city; a district listed under two cities says neither. */
const CITY_OF_DISTRICT: ReadonlyMap<string, string> = (() => {
  const listed = Object.entries(DISTRICTS_OF_CITY).flatMap(([city, districts]) =>
    districts.map((district) => [district, city] as const)
  );
  const times = (d: string) => listed.filter(([district]) => district === d).length;
  return new Map(listed.filter(([district]) => times(district) === 1));
})();

/** The year of a 年度 (`2022年度`), else of a year not a date's (`2022年`, not `2023年3月`). */
const YEAR_OF = [/(\d{4}|[〇一二三四五六七八九]{4})\s*年度/, /(\d{4})\s*年(?!\d{1,2}月)/];

/** A four-digit number not part of a longer one, nor of a date (`2023-03-01`, `2023.3`). */
const LONE_YEAR = /(?<!\d|\d[.\-_/])(\d{4})(?!\d|[.\-_/]\d)/g;

const inRange = (year: number) => year >= 1990 && year <= 2100;

/**
 * The year a file's name writes — `某局2022年度绩效自评.xlsx`, `2022部门整体支出自评.xlsx` — or
 * null: a 年度 first, then a year before 年, else the one four-digit year in the name (two
 * different ones, or a date, say nothing for sure).
 */
export function yearInFileName(fileName: string): number | null {
  const name = toHalfWidth(fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "")).replace(
    /[零○]/g,
    "〇"
  );
  for (const pattern of YEAR_OF) {
    const written = pattern.exec(name)?.[1];
    const year = written === undefined ? null : yearInText(written);
    if (year !== null) return year;
  }
  const years = new Set([...name.matchAll(LONE_YEAR)].map((m) => Number(m[1])).filter(inRange));
  return years.size === 1 ? [...years][0] : null;
}
