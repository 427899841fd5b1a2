/**
 * PackageWorkbook, the port of the playground and the 网页版: scores and writes as the command
 * line does (our sheets into the original package), inserts the user's sheets unmarked and
 * never over an existing one, and refuses a file that is not a workbook in Chinese.
 */
import { readFileSync } from "node:fs";
import { PackageWorkbook } from "../../src/hosts/file/packageWorkbook";
import { ZipPackage } from "../../src/hosts/file/zipPackage";
import { insertStandard } from "../../src/pipeline/insertTemplate";
import { recalculate } from "../../src/pipeline/recalculate";
import { foshan2022 } from "../../src/standard/presets";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";

const sample = () => new Uint8Array(readFileSync(SAMPLE_PATH));

describe("PackageWorkbook (playground, 网页版)", () => {
  it("recalculates the sample: 95.18 / 优, the summary added, every original sheet unchanged", async () => {
    const book = new PackageWorkbook(sample());
    const result = await recalculate(book, { date: "2026-11-29" });
    expect(result.evaluation.total.toFixed(2)).toBe("95.18");
    expect(result.write?.sheet).toBe("绩效自评汇总");
    const before = ZipPackage.read(sample());
    const after = ZipPackage.read(await book.toBuffer());
    for (const part of before.names().filter((n) => n.startsWith("xl/worksheets/")))
      expect(Buffer.from(after.bytes(part) ?? [])).toEqual(Buffer.from(before.bytes(part) ?? []));
    // Again: the summary is replaced, not duplicated.
    const again = await recalculate(book, { date: "2026-11-29" });
    expect(again.write?.replaced).toBe(true);
    expect(
      (await book.read()).sheets.filter((s) => s.name.startsWith("绩效自评汇总"))
    ).toHaveLength(1);
  });

  it("inserts the 评分标准 sheet as the user's own, and never over an existing sheet", async () => {
    const book = new PackageWorkbook(sample());
    const first = await insertStandard(book, foshan2022);
    expect(first.added).toEqual(["评分标准"]);
    const snapshot = await book.read();
    expect(snapshot.sheets.map((s) => s.name)).toContain("评分标准");
    expect(Object.values(snapshot.ownedSheets ?? {})).not.toContain("评分标准");
    const second = await insertStandard(book, foshan2022);
    expect(second.added).toEqual([]);
    expect(second.clashes).toEqual(["评分标准"]);
    const result = await recalculate(book, { date: "2026-11-29" });
    expect(result.evaluation.standard.source).toBe("sheet");
  });

  it("refuses bytes that are not a workbook, in Chinese", () => {
    expect(() => new PackageWorkbook(new TextEncoder().encode("not a zip at all"))).toThrow(
      /[\u4e00-\u9fff]/
    );
  });
});
