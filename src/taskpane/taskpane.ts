import { detectHost } from "./boot";
import { setStatus } from "./view";

declare const __OFFICE_JS_URL__: string;

async function start(): Promise<void> {
  const host = await detectHost(__OFFICE_JS_URL__);
  if (host.mode === "office") {
    const { startOfficeMode } = await import(/* webpackMode: "eager" */ "./office-mode");
    startOfficeMode();
  } else {
    const { startStandaloneMode } = await import(/* webpackMode: "eager" */ "./standalone-mode");
    startStandaloneMode(host.reason);
  }
}

start().catch((e) => setStatus(`启动失败：${e instanceof Error ? e.message : String(e)}`, true));
