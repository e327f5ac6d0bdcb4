/** Decides, at start-up, whether the page runs inside Excel or as a standalone page in a plain browser. */

export type HostMode = { mode: "office" } | { mode: "standalone"; reason: string };

/** How long office.js gets to load and report a host before the page carries on without Excel. */
export const OFFICE_TIMEOUT_MS = 4000;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.async = true;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`无法加载 ${src}`));
    document.head.appendChild(s);
  });
}

function timeout(ms: number): Promise<"timeout"> {
  return new Promise((resolve) => setTimeout(() => resolve("timeout"), ms));
}

export async function detectHost(officeJsUrl: string, timeoutMs = OFFICE_TIMEOUT_MS): Promise<HostMode> {
  try {
    const loaded = await Promise.race([loadScript(officeJsUrl).then(() => "loaded" as const), timeout(timeoutMs)]);
    if (loaded === "timeout") return { mode: "standalone", reason: "office.js 加载超时，未连接 Excel" };
    const info = await Promise.race([Office.onReady(), timeout(timeoutMs)]);
    if (info === "timeout") return { mode: "standalone", reason: "Office 没有响应，未连接 Excel" };
    if (info.host === Office.HostType.Excel) return { mode: "office" };
    return { mode: "standalone", reason: "不在 Excel 中运行" };
  } catch {
    return { mode: "standalone", reason: "未连接 Excel" };
  }
}
