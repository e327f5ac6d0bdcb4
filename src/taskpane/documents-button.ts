/**
 * The 下载公文 button, in the page and in the Excel and WPS panes alike: after a full check it offers the run's 公文
 * (core/report/run-report.ts issuedDocuments) as one .zip of Word documents, laid out only when clicked (docx and
 * ECharts load then, in documents-download.ts). Hidden while there is nothing to offer.
 */
import type { IssuedDocument } from "../core/report/run-report";
import { offerDownload } from "./dom";
import { byId, setStatus } from "./view";

let offered: { documents: IssuedDocument[]; name: string } | null = null;
let wired = false;

/** Offers these documents under `name` (a .zip), or withdraws the offer (null). */
export function offerDocuments(documents: IssuedDocument[] | null, name = "公文.zip"): void {
  const button = byId<HTMLButtonElement>("download-documents");
  offered = documents && documents.length > 0 ? { documents, name } : null;
  button.hidden = offered === null;
  if (wired) return;
  wired = true;
  button.addEventListener("click", () => {
    const now = offered;
    if (!now) return;
    setStatus("正在生成公文…");
    import(/* webpackChunkName: "documents" */ "./documents-download")
      .then(({ documentsZip }) => documentsZip(now.documents))
      .then((bytes) => {
        offerDownload(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/zip" }), now.name);
        setStatus(`已下载 ${now.name}：${now.documents.map((d) => d.file).join("、")}。`);
      })
      .catch((e: unknown) => setStatus(`无法生成公文：${e instanceof Error ? e.message : String(e)}`, true));
  });
}
