/**
 * @jest-environment jsdom
 */
/**
 * The pane's 自评报告 section: 生成报告草稿表 writes the 自评报告草稿 sheet through the port (the
 * Excel double), 复制报告全文 puts the whole draft on the clipboard, and a refusing clipboard is
 * said in Chinese with where else to copy from.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { excelHost, fakeFromXlsx } from "../fakes/fromXlsx";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";

async function openReport(copyText: (text: string) => Promise<void>) {
  const fake = await fakeFromXlsx(SAMPLE_PATH);
  render(<PaneRoot port={excelHost(fake)} copyText={copyText} />);
  await screen.findByTestId("total");
  fireEvent.click(screen.getByRole("button", { name: "自评报告" }));
  return fake;
}

describe("task pane: 自评报告", () => {
  it("writes the 自评报告草稿 sheet, the seed's sentences in it", async () => {
    const fake = await openReport(async () => undefined);
    fireEvent.click(screen.getByRole("button", { name: "生成报告草稿表" }));
    await screen.findByText("报告草稿已写入“自评报告草稿”工作表。");
    expect(fake.sheetNames()).toContain("自评报告草稿");
    // The draft is opened for the user.
    expect(fake.activeSheet()).toBe("自评报告草稿");
    expect(
      screen.getByText("报告草稿已写入“自评报告草稿”工作表。").closest('[aria-live="polite"]')
    ).not.toBeNull();
    const cells = Object.values(fake.snapshot().sheets["自评报告草稿"].cells).map((c) =>
      String((c as { value?: unknown }).value ?? "")
    );
    expect(cells.some((v) => v.includes("该指标分值 10 分，自评得分 5.18 分。"))).toBe(true);
    expect(cells).toContain("二、部门整体支出情况");
  });

  it("copies the whole draft as text", async () => {
    const copied: string[] = [];
    await openReport(async (text) => {
      copied.push(text);
    });
    fireEvent.click(screen.getByRole("button", { name: "复制报告全文" }));
    await screen.findByText("报告全文已复制，可粘贴到 Word。");
    expect(copied).toHaveLength(1);
    // The note is added to a polite live region (announced once), apart from the outcome's line.
    const note = screen.getByText("报告全文已复制，可粘贴到 Word。");
    const region = note.closest('[aria-live="polite"]') as HTMLElement;
    expect(region.getAttribute("role")).toBe("status");
    expect(region).not.toBe(screen.getByTestId("announcement"));
    expect(screen.getByTestId("announcement").textContent).toBe(
      "评分完成：总分 95.18 分，等级 优（尚未写入汇总表）"
    );
    // Copied again: the same note is added anew, so it is announced again.
    fireEvent.click(screen.getByRole("button", { name: "复制报告全文" }));
    await waitFor(() => expect(copied).toHaveLength(2));
    await waitFor(() => expect(screen.getByText("报告全文已复制，可粘贴到 Word。")).not.toBe(note));
    expect(within(region).getAllByText("报告全文已复制，可粘贴到 Word。")).toHaveLength(1);
    expect(copied[0]).toMatch(/^佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评报告\n/);
    expect(copied[0]).toContain(
      "2022 年部门整体支出 46,665.43 万元，其中：基本支出 2,908.01 万元，项目支出 43,757.42 万元。"
    );
  });

  it("says so when the clipboard refuses, and where to copy from instead", async () => {
    await openReport(() => Promise.reject(new Error("NotAllowedError")));
    fireEvent.click(screen.getByRole("button", { name: "复制报告全文" }));
    expect(
      await screen.findByText(/^无法写入剪贴板：请点“生成报告草稿表”，在表中复制。$/)
    ).toBeTruthy();
    expect(screen.queryByText("报告全文已复制，可粘贴到 Word。")).toBeNull();
  });
});
