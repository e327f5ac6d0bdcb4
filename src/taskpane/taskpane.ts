import { inOtherWpsApp, wpsApplication } from "../hosts/wps-host";
import { detectHost } from "./boot";
import { isOfflinePage } from "./offline-page";
import { setStatus } from "./view";

declare const __OFFICE_JS_URL__: string;

/** Set by legacy-guard.js, which runs before this bundle in every webview. */
interface GuardedWindow {
  __jixiaoStarted?: boolean;
  __jixiaoFail?: (detail: string) => void;
}
const guarded = window as unknown as GuardedWindow;

async function start(): Promise<void> {
  // WPS puts its object model in window.Application before the page runs: no office.js to wait for.
  const wps = wpsApplication(window);
  if (wps) {
    const { startWpsMode } = await import(/* webpackMode: "eager" */ "./wps-mode");
    startWpsMode(wps);
    guarded.__jixiaoStarted = true;
    return;
  }
  const host = inOtherWpsApp(window)
    ? { mode: "standalone" as const, reason: "这是 WPS 文字或演示，加载项要在 WPS 表格中使用" }
    : // The single-file page (dist/jixiao.html) is for a browser: it asks the network for nothing, office.js included.
      isOfflinePage()
      ? { mode: "standalone" as const, reason: "离线单文件版，未连接 Excel" }
      : await detectHost(__OFFICE_JS_URL__);
  if (host.mode === "office") {
    const { startOfficeMode } = await import(/* webpackMode: "eager" */ "./office-mode");
    startOfficeMode();
  } else {
    const { startStandaloneMode } = await import(/* webpackMode: "eager" */ "./standalone-mode");
    startStandaloneMode(host.reason);
  }
  guarded.__jixiaoStarted = true;
}

start().catch((e) => {
  const message = e instanceof Error ? e.message : String(e);
  setStatus(`启动失败：${message}`, true);
  guarded.__jixiaoFail?.(message);
});
