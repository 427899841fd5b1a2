/**
 * A workbook package with no sheet yet — only the parts every .xlsx needs (content types, the
 * workbook and its relationships, a minimal styles part) — for the package writer to add the
 * one sheet a new file holds (汇总排名.xlsx, from the command line and the 网页版). Written with
 * our own zip writer (zipPackage.ts), which runs in Node and in a browser alike; no ExcelJS.
 */
import type { SheetLayout } from "../../layout/sheetLayout";
import { writeOwnedSheetIntoPackage } from "./packageWriter";
import { ZipPackage } from "./zipPackage";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const PARTS: Record<string, string> = {
  "[Content_Types].xml":
    `<Types xmlns="${PKG}/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    "</Types>",
  "_rels/.rels":
    `<Relationships xmlns="${PKG}/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    "</Relationships>",
  "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets></sheets></workbook>`,
  "xl/_rels/workbook.xml.rels":
    `<Relationships xmlns="${PKG}/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
    "</Relationships>",
  "xl/styles.xml":
    `<styleSheet xmlns="${MAIN}">` +
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    "</styleSheet>",
};

export function blankWorkbook(): ZipPackage {
  const zip = ZipPackage.empty();
  for (const [name, xml] of Object.entries(PARTS)) zip.write(name, XML + xml);
  return zip;
}

/** A new workbook whose only sheet is `layout` (the user's sheet: no ownership marker). */
export async function workbookOfSheet(layout: SheetLayout): Promise<Uint8Array> {
  const written = await writeOwnedSheetIntoPackage(blankWorkbook(), layout, {
    markerName: null,
    preferredName: layout.name,
  });
  return written.data;
}
