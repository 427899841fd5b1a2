/** Running LibreOffice and poppler from tests. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export const OUT_DIR = join(__dirname, "..", "out", "print");

export function ensureOut(): string {
  mkdirSync(OUT_DIR, { recursive: true });
  return OUT_DIR;
}

/** xlsx or docx → PDF with headless LibreOffice; returns the PDF path. */
export function toPdf(file: string, outDir: string): string {
  return convertWithLibreOffice(file, outDir, "pdf");
}

/**
 * Converts `file` with headless LibreOffice (`pdf`, or `xlsx` to save a workbook as LibreOffice
 * writes it) into `outDir`; returns the new file's path.
 */
export function convertWithLibreOffice(
  file: string,
  outDir: string,
  format: "pdf" | "xlsx"
): string {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format === "xlsx" ? "xlsx:Calc MS Excel 2007 XML" : format,
      "--outdir",
      outDir,
      file,
    ],
    { stdio: "pipe", timeout: 120_000 }
  );
  return join(outDir, basename(file).replace(/\.(xlsx|docx)$/, `.${format}`));
}

export interface PdfPage {
  width: number;
  height: number;
  text: string;
}

export function pdfPages(pdf: string): PdfPage[] {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const sizes = execFileSync("pdfinfo", ["-f", "1", "-l", String(count), pdf], {
    encoding: "utf8",
  });
  const pages: PdfPage[] = [];
  for (let i = 1; i <= count; i++) {
    const m = new RegExp(`Page\\s+${i} size:\\s+([\\d.]+) x ([\\d.]+)`).exec(sizes);
    const text = execFileSync(
      "pdftotext",
      ["-f", String(i), "-l", String(i), "-layout", pdf, "-"],
      { encoding: "utf8" }
    );
    pages.push({ width: Number(m?.[1]), height: Number(m?.[2]), text });
  }
  return pages;
}

export function pdfFonts(pdf: string): string {
  return execFileSync("pdffonts", [pdf], { encoding: "utf8" });
}

/** Renders one page to PNG at `pngBase`-1.png (pdftoppm naming); returns the path. */
export function pageToPng(pdf: string, page: number, pngBase: string, dpi = 100): string {
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    String(dpi),
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    pdf,
    pngBase,
  ]);
  return `${pngBase}.png`;
}

/** Word boxes of a PDF's pages `first`..`last` (pdftotext -bbox): text and height in points. */
export function pdfWords(
  pdf: string,
  first: number,
  last: number
): { text: string; height: number; page: number }[] {
  const html = execFileSync(
    "pdftotext",
    ["-bbox", "-f", String(first), "-l", String(last), pdf, "-"],
    { encoding: "utf8" }
  );
  const words: { text: string; height: number; page: number }[] = [];
  let page = first - 1;
  for (const m of html.matchAll(
    /<page\b|<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g
  )) {
    if (m[0] === "<page") page++;
    else words.push({ text: m[3], height: Number(m[2]) - Number(m[1]), page });
  }
  return words;
}

/**
 * The pages a sheet printed on, in a PDF of the whole workbook (LibreOffice prints every sheet
 * one after the other): from the first page holding `first` up to, not including, the first
 * later page holding `next` (the next sheet's own text), 1-based.
 */
export function pagesOf(pages: PdfPage[], first: string, next: string): number[] {
  const start = pages.findIndex((p) => p.text.includes(first));
  if (start < 0) return [];
  const end = pages.findIndex((p, i) => i > start && p.text.includes(next));
  return Array.from({ length: (end < 0 ? pages.length : end) - start }, (_, i) => start + i + 1);
}
