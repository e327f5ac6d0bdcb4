#!/usr/bin/env bash
# Renders the demo's result workbook with LibreOffice (a second, independent reader of our .xlsx: it must open
# without repair and print every sheet) and saves pictures of the 汇总 and document pages for docs/ and the README.
# Needs Debian's libreoffice-calc-nogui, libreoffice-writer-nogui and poppler-utils (apt-get install …); the Word 公文
# pages are rendered the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in soffice pdftoppm pdftotext; do
  command -v "$tool" >/dev/null || { echo "缺少 $tool：请先 apt-get install libreoffice-calc-nogui poppler-utils" >&2; exit 2; }
done
node bin/jixiao.js check samples --out out/demo-result.xlsx --docx out/公文 --exit-zero >/dev/null
rm -rf out/pdf && mkdir -p out/pdf docs/reports
soffice --headless --convert-to pdf --outdir out/pdf out/demo-result.xlsx >/dev/null 2>&1
pdf=out/pdf/demo-result.pdf
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
[ -n "$pages" ] || pages=$(pdftotext "$pdf" - | grep -c $'\f')
echo "LibreOffice rendered $pages pages"
# Every visible sheet's title must appear in the PDF.
text=$(pdftotext "$pdf" -)
for title in 预算绩效管理结果汇总 预算项目绩效管理覆盖情况 校验结果 监控预警 自评复核对比 违法违纪线索移交清单 整改台账 绩效问责清单 公开版 评价结果反馈通知书 再评价报告 工作表清单; do
  grep -q "$title" <<<"$text" || { echo "PDF 中没有 $title" >&2; exit 1; }
done
page_of() {
  for i in $(seq 1 "$pages"); do
    local head
    head=$(pdftotext -f "$i" -l "$i" "$pdf" - | head -3)
    if grep -q "$1" <<<"$head"; then echo "$i"; return; fi
  done
}
shot() { pdftoppm -r "${3:-80}" -png -singlefile -f "$1" -l "$1" "$pdf" "docs/reports/$2"; echo "docs/reports/$2.png"; }
shot "$(page_of '^预算绩效管理结果汇总$')" summary
shot "$(page_of '^再评价报告$')" re-evaluation-report
shot "$(page_of '^评价结果反馈通知书$')" feedback-notice
shot "$(page_of '^监控预警')" monitoring
shot "$(page_of '^预算项目绩效管理覆盖情况$')" coverage 110
# Page 1 of each kind of Word 公文 (out/公文), as LibreOffice Writer renders it.
soffice --headless --convert-to pdf --outdir out/pdf out/公文/*.docx >/dev/null 2>&1
for kind in 反馈通知书 再评价报告; do
  doc=$(ls out/pdf/"$kind"-*.pdf | head -1)
  name=$([ "$kind" = 反馈通知书 ] && echo docx-feedback-notice || echo docx-re-evaluation-report)
  pdftoppm -r 60 -png -singlefile -f 1 -l 1 "$doc" "docs/reports/$name"
  echo "docs/reports/$name.png"
done
# The 汇总 charts as the command line's workbook carries them (pictures drawn by ECharts and resvg).
for i in 1 2 3; do
  unzip -p out/demo-result.xlsx "xl/media/chart1n$i.png" > "docs/reports/summary-chart-$i.png"
  echo "docs/reports/summary-chart-$i.png"
done
