/*
 * Runs before the task pane's bundle, in any webview Office may use, and is written as ES3 so that it always parses
 * (Internet Explorer 11 in Office 2016/2019 volume licence, Edge Legacy, Chromium, WPS). It does two things:
 * - notes, before any polyfill, whether this is a browser without ES2015 (window.__jixiaoLegacyBrowser), so the
 *   standalone page, which needs a modern browser, can say so instead of failing;
 * - if the bundle cannot start (a script error before the pane is up, or nothing after 15 seconds), replaces the
 *   endless “正在连接 Excel…” with a Chinese message naming the webview and the way out (on the single-file page,
 *   dist/jixiao.html, which is opened in a browser and not in Office, the way out is another browser).
 * The bundle sets window.__jixiaoStarted once its user interface is up.
 */
(function () {
  var w = window;
  w.__jixiaoLegacyBrowser = !(typeof w.Promise === "function" && typeof w.Symbol === "function" && typeof w.fetch === "function");

  function webview() {
    var ua = navigator.userAgent || "";
    if (ua.indexOf("Trident/") >= 0) return "Internet Explorer 11 内核（Office 2016、2019 批量许可版和 Office 2013 的加载项使用这种内核）";
    var edge = /Edge\/(\d+)/.exec(ua);
    if (edge) return "Edge 旧版（EdgeHTML " + edge[1] + "）内核（部分 Windows 10 上的 Office 2016、2019 使用这种内核）";
    var chrome = /Chrome\/(\d+)/.exec(ua);
    if (chrome) return "Chromium " + chrome[1] + " 内核";
    return "未知内核（" + ua + "）";
  }

  /** Office's own version, where office.js got as far as loading. */
  function officeVersion() {
    try {
      var d = w.Office && w.Office.context && w.Office.context.diagnostics;
      return d && d.version ? "Office " + d.version + "，" : "";
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES3 has no catch without a binding
    } catch (e) {
      return "";
    }
  }

  var offline = !!(document.querySelector && document.querySelector('meta[name="jixiao-page"][content="offline"]'));

  function show(detail) {
    if (w.__jixiaoStarted || w.__jixiaoGuardShown) return;
    w.__jixiaoGuardShown = true;
    var text = offline
      ? "本页无法在此浏览器中启动。检测到：浏览器内核为" + webview() + "。请用 Chrome、新版 Edge（Chromium 内核）或 WPS 自带的浏览器打开本页。"
      : "任务窗格无法在此 Office 中启动。检测到：" + officeVersion() + "加载项内核为" + webview() + "。" +
        "请改用独立网页版：用 Chrome、新版 Edge 或 WPS 打开本加载项的 taskpane.html 页面，选择 .xlsx 文件即可完成全部检查；" +
        "或升级到 Microsoft 365、Office 2021 及以上版本。";
    text += detail ? "（错误信息：" + detail + "）" : "";
    var mode = document.getElementById("mode");
    if (mode) mode.textContent = "无法启动";
    var status = document.getElementById("status");
    if (status) {
      status.textContent = text;
      status.className = "status error";
    }
  }

  w.__jixiaoFail = show;
  var previous = w.onerror;
  w.onerror = function (message, source, line) {
    if (!w.__jixiaoStarted) show(String(message) + (line ? "，第 " + line + " 行" : ""));
    return typeof previous === "function" ? previous.apply(this, arguments) : false;
  };
  setTimeout(function () {
    show("");
  }, 15000);
})();
