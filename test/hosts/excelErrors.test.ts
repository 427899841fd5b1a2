/** Excel's errors in Chinese a finance officer can act on; Excel's English text never shown. */
import { describeError } from "../../src/hosts/excel/errors";

const excelError = (code: string, message = "Something went wrong in English.") =>
  Object.assign(new Error(message), { code });

describe("describeError", () => {
  it.each([
    ["InvalidOperationInCellEditMode", /单元格编辑状态/],
    ["ApiNotFound", /不支持所需功能/],
    ["RequestPayloadSizeLimitExceeded", /5 MB/],
    ["ResponsePayloadSizeLimitExceeded", /5 MB/],
    ["RangeExceedsLimit", /500 万个单元格/],
    ["MemoryLimitReached", /内存不足/],
    ["InactiveWorkbook", /不在前台/],
    ["AccessDenied", /受保护或只读/],
  ])("%s gets its own sentence", (code, sentence) => {
    const text = describeError(excelError(code));
    expect(text).toMatch(sentence);
    expect(text).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
  });

  it("another Excel error shows its code, never its English text", () => {
    const text = describeError(excelError("GeneralException", "An internal error has occurred."));
    expect(text).toBe(
      "读写工作簿时出错（Excel 错误代码 GeneralException）：请保存工作簿后重试；如仍出错，请重新打开工作簿。"
    );
  });

  it("our own Chinese messages pass through; a bare English error does not", () => {
    expect(describeError(new Error("写入后核对未通过"))).toBe("读写工作簿时出错：写入后核对未通过");
    expect(describeError(new TypeError("x is undefined"))).not.toContain("undefined");
  });
});
