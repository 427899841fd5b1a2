/* global document, navigator, HTMLElement */
/**
 * Copying text from the pane. The async Clipboard API first (Office on the web grants the pane
 * clipboard-write); older webviews refuse it, so a hidden text area and `execCommand("copy")`
 * second. Rejects when neither works, and the pane says where else to copy from.
 */
export type CopyText = (text: string) => Promise<void>;

function copyBySelection(text: string): void {
  // Selecting the text moves focus; it goes back to where it was (the button that copied).
  const had = document.activeElement as HTMLElement | null;
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  had?.focus?.();
  if (!copied) throw new Error("clipboard refused");
}

export const copyText: CopyText = async (text) => {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    copyBySelection(text);
  }
};
