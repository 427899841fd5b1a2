/**
 * @jest-environment jsdom
 */
/**
 * 复制报告全文's fallback (a hidden text area and execCommand) must not leave focus on the page
 * once the text area is gone.
 */
import { copyText } from "../../src/taskpane/state/clipboard";

describe("copyText", () => {
  it("falls back to execCommand when the Clipboard API is refused, and gives focus back", async () => {
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: () => Promise.reject(new Error("NotAllowedError")) },
    });
    // As browsers do (jsdom does not): selecting a text area's text focuses it.
    const select = HTMLTextAreaElement.prototype.select;
    HTMLTextAreaElement.prototype.select = function (this: HTMLTextAreaElement) {
      this.focus();
      select.call(this);
    };
    const copied: string[] = [];
    document.execCommand = ((command: string) => {
      const area = document.activeElement as HTMLTextAreaElement;
      copied.push(`${command}:${area.value}`);
      return true;
    }) as typeof document.execCommand;
    const button = document.createElement("button");
    button.textContent = "复制报告全文";
    document.body.appendChild(button);
    button.focus();
    await copyText("报告全文");
    expect(copied).toEqual(["copy:报告全文"]);
    expect(document.querySelector("textarea")).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
