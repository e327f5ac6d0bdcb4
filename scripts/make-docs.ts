// Writes docs/FINDINGS.md from the finding catalog. A test fails when the committed file differs.
import { writeFileSync } from "node:fs";
import { catalogMarkdown } from "../src/core/report/catalog-doc";

writeFileSync("docs/FINDINGS.md", catalogMarkdown());
console.log("docs/FINDINGS.md 已更新");
