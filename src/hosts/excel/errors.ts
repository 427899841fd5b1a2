/** Excel host errors in words a finance officer can act on (pane and ribbon command). */

export function describeError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return "Excel 正处于单元格编辑状态：请先按 Enter 完成编辑，再点“重新计算”。";
    case "ApiNotFound":
      return "当前 Excel 版本不支持所需功能，请升级到 Excel 2021 或 Microsoft 365。";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "工作簿数据量超出 Excel 网页版单次传输上限（5 MB），请在桌面版 Excel 中操作。";
    case "AccessDenied":
      return "工作表受保护或只读，无法写入汇总表：请取消保护后重试。";
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `读写工作簿时出错：${message}`;
    }
  }
}
