/*
 * The WPS 加载项's ribbon callbacks, as wpsjs's 表格 template names them (ribbon.xml: onLoad="OnAddinLoad",
 * onAction="OnAction", getImage="GetImage"). Plain ES5: it runs in every WPS version's webview as it is.
 * The button opens the task pane (taskpane.html beside this page) once, then shows or hides it.
 * WPS calls these functions by the names ribbon.xml gives them, so nothing here calls them.
 */
/* eslint-disable @typescript-eslint/no-unused-vars */
var PANE_KEY = "jixiao_taskpane_id";

function OnAddinLoad(ribbonUI) {
  if (typeof window.Application.ribbonUI !== "object") window.Application.ribbonUI = ribbonUI;
  return true;
}

/** The folder this page was loaded from, with a trailing slash. */
function addinBase() {
  var href = document.location.href.split("#")[0].split("?")[0];
  return href.substring(0, href.lastIndexOf("/") + 1);
}

function OnAction(control) {
  if (control.Id !== "jixiaoOpenPane") return true;
  var app = window.Application;
  var id = app.PluginStorage.getItem(PANE_KEY);
  var pane = null;
  if (id) {
    try {
      pane = app.GetTaskPane(id);
    } catch (closed) {
      // The pane was closed with its window: make a new one.
      pane = null;
    }
  }
  if (pane) {
    pane.Visible = !pane.Visible;
    return true;
  }
  pane = app.CreateTaskPane(addinBase() + "taskpane.html");
  app.PluginStorage.setItem(PANE_KEY, pane.ID);
  pane.Visible = true;
  return true;
}

function GetImage() {
  return "assets/icon-80.png";
}
