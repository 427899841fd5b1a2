/** The ribbon command's result dialog: shows the text from the URL, closes on the button. */
const params = new URLSearchParams(window.location.search);
const kind = params.get("kind");
const title = document.getElementById("title");
const text = document.getElementById("text");
if (text) text.textContent = params.get("text") ?? "";
if (kind === "error" && title) {
  document.body.classList.add("error");
  title.textContent = "重新计算未完成或有严重问题";
}
document.getElementById("close")?.addEventListener("click", () => {
  if (typeof Office !== "undefined" && Office.context?.ui?.messageParent)
    Office.context.ui.messageParent("close");
  else window.close();
});
if (typeof Office !== "undefined") void Office.onReady();
