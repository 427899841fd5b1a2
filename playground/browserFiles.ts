/**
 * The page's files in and out of the browser: the bundled sample in, a scored file, report or
 * ranking out as a download. Nothing is sent anywhere.
 */

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const SAMPLE_URL = "samples/foshan-sbj-2022.xlsx";
export const SAMPLE_NAME = "foshan-sbj-2022.xlsx";

/** The sample: inlined in the 网页版 (base64 in #sample-data), else fetched beside the page. */
export async function sampleBytes(): Promise<ArrayBuffer> {
  const inline = document.getElementById("sample-data")?.textContent?.trim();
  if (inline) return Uint8Array.from(atob(inline), (c) => c.charCodeAt(0)).buffer;
  return (await fetch(SAMPLE_URL)).arrayBuffer();
}

/** Hands `data` to the browser as a download named `name`. */
export function saveBytes(data: Uint8Array, name: string, type = XLSX_TYPE): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
