/*
 * 绩效自评助手 — old-engine check. ES5 on purpose (checked by test/compat.test.ts with an ES5
 * parser): it must run where the add-in's ES2020 bundles cannot even be parsed — Office 2019
 * volume-licensed and older Microsoft 365 builds on Windows host add-ins in Internet Explorer 11
 * (Trident), Office 2016/2019 retail without WebView2 in Edge Legacy (EdgeHTML).
 *
 * Loaded before the bundles by taskpane.html and commands.html (<html data-page="...">):
 * - the task pane goes to old-engine.html, a static page saying in Chinese what to do;
 * - the ribbon's 重新计算 (FunctionName "recalculate", looked up on window by old hosts) opens
 *   that page in a dialog instead of doing nothing.
 * In a current engine it does nothing at all.
 */
(function () {
  "use strict";
  function modernEngine() {
    try {
      // Optional chaining and ??: ES2020, what the bundles (and Fluent UI) use.
      return new Function("var a = null; return a?.b ?? 1;")() === 1;
    } catch (e) {
      // A SyntaxError is the old engine; anything else (a page policy forbidding eval) is not.
      return !(e && e.name === "SyntaxError");
    }
  }
  if (modernEngine()) return;
  window.jixiaoOldEngine = true;
  var page = document.documentElement.getAttribute("data-page");
  var guidance = "old-engine.html";
  if (page !== "commands") {
    window.location.replace(guidance);
    return;
  }
  window.recalculate = function (event) {
    var done = function () {
      if (event && typeof event.completed === "function") event.completed();
    };
    try {
      var url = window.location.href.replace(/[^/]*([?#].*)?$/, guidance);
      window.Office.context.ui.displayDialogAsync(url, { height: 60, width: 40 }, done);
    } catch (e) {
      done();
    }
  };
  if (window.Office && !window.Office.initialize) window.Office.initialize = function () {};
})();
