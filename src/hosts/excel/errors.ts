/** Excel host errors in words a finance officer can act on (pane and ribbon command). */

/** What the user clicked, named in the message so it says what to click again. */
export type FailedAction =
  "重新计算" | "插入模板" | "插入评分标准" | "插入项目自评表" | "生成报告草稿表" | "保存设置";

/** What each action writes, for “…未写入” / “无法写入…”. */
const WRITES: Record<FailedAction, string> = {
  重新计算: "汇总表",
  插入模板: "模板",
  插入评分标准: "评分标准表",
  插入项目自评表: "项目自评表",
  生成报告草稿表: "报告草稿表",
  保存设置: "设置",
};

export function describeError(error: unknown, action: FailedAction = "重新计算"): string {
  const code = (error as { code?: string } | null)?.code;
  const what = WRITES[action];
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return `Excel 正处于单元格编辑状态：请先按 Enter 完成编辑，再点“${action}”。`;
    case "ApiNotFound":
      return "当前 Excel 版本不支持所需功能，请升级到 Excel 2021 或 Microsoft 365。";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "工作簿数据量超出 Excel 网页版单次传输上限（5 MB），请在桌面版 Excel 中操作。";
    case "RangeExceedsLimit":
      return "工作表的数据超过 Excel 单次读取 500 万个单元格的上限：请删去与评分无关的行列，或改用命令行评分。";
    case "MemoryLimitReached":
      return "Excel 内存不足，未能完成这次读写：请关闭其他工作簿后重试，或改用命令行评分。";
    case "InactiveWorkbook":
      return `该工作簿已不在前台（已关闭或切换到其他工作簿）：请回到该工作簿后再点“${action}”。`;
    case "WorkbookStructureProtected":
      return `工作簿受保护（审阅 → 保护工作簿），助手不能添加或替换工作表，${what}未写入：请撤销工作簿保护后再点“${action}”。`;
    case "AccessDenied":
      return `工作表受保护或只读，无法写入${what}：请取消保护后重试。`;
    default:
      return otherError(error, code);
  }
}

/** Our own messages are Chinese already; Excel's English text is never shown, only its code. */
function otherError(error: unknown, code: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/[\u4e00-\u9fff]/.test(message)) return `读写工作簿时出错：${message}`;
  return code
    ? `读写工作簿时出错（Excel 错误代码 ${code}）：请保存工作簿后重试；如仍出错，请重新打开工作簿。`
    : "读写工作簿时出错：请保存工作簿后重试；如仍出错，请重新打开工作簿。";
}
