// Packages the task pane as a WPS 加载项 (WPS 表格, "et") into dist/wps/, following wpsjs's conventions:
//   dist/wps/               the add-in as a web folder: index.html (entry), ribbon.xml, ribbon.js, taskpane.html and its
//                           scripts, and package.json (`wpsjs debug` reads it). Put the folder on an intranet web server at --url.
//   dist/wps/publish.html   the install page `wpsjs publish` makes (wpsjs's own template, filled in as wpsjs does):
//                           opened on a desktop with WPS, it asks WPS's local service to install the add-in from --url.
//   dist/wps/jsplugins.xml  the same add-in for the oem.ini JSPluginsServer mode (jspluginonline).
//   dist/wps/offline/       for machines without a server: jixiao_<version>/ (the add-in) and publish.xml, as `wpsjs
//                           build --exe` lays them out for the jsaddons folder, with install scripts for Windows and Linux.
// Usage: npm run build:wps -- --url http://内网服务器/jixiao/   (the trailing slash matters, as in wpsjs publish)
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const NAME = "jixiao";
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const version = pkg.version;
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const url = option("--url") ?? process.env.WPS_ADDON_URL ?? "http://127.0.0.1:8080/jixiao/";
if (!/^https?:\/\/.+\/$/.test(url ?? "")) {
  console.error(`加载项地址必须是以 / 结尾的 http(s) 地址（与 wpsjs publish 相同），收到：${url}`);
  process.exit(2);
}

if (!existsSync("dist/taskpane.html")) execFileSync("npx", ["webpack", "--mode", "production"], { stdio: "inherit" });

const out = option("--out") ?? "dist/wps";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// The task pane as webpack built it (its scripts, styles and icons), without source maps, the Excel-only files or the
// single-file page for browsers (jixiao.html).
for (const f of readdirSync("dist")) {
  if (f === "wps" || f === "cli" || f === "jixiao.html" || join("dist", f) === out || f === "manifest.xml" || f.startsWith("commands.") || f.endsWith(".map") || f.endsWith(".LICENSE.txt")) continue;
  cpSync(join("dist", f), join(out, f), { recursive: true });
}
for (const f of ["index.html", "ribbon.xml", "ribbon.js"]) cpSync(join("src/wps", f), join(out, f));
// wpsjs reads an add-in's name, version and type from its package.json (`wpsjs debug` in this folder works with it).
writeFileSync(join(out, "package.json"), JSON.stringify({ name: NAME, version, addonType: "et", description: "预算绩效管理加载项（WPS 表格）" }, null, 2) + "\n");

// The install page, from wpsjs's template, filled in as `wpsjs publish` fills it (src/lib/publish.js): the list of
// add-ins to offer, and no server id (one user per desktop).
const require = createRequire(import.meta.url);
// wpsjs's package exports only its code, so its folder is found the way Node looks for packages.
const wpsjs = (require.resolve.paths("wpsjs") ?? []).map((p) => join(p, "wpsjs")).find((p) => existsSync(join(p, "package.json")));
if (!wpsjs) {
  console.error("找不到 wpsjs（WPS 加载项工具包）。请先在项目目录运行 npm ci。");
  process.exit(2);
}
const template = join(wpsjs, "src/lib/res/publish.html");
const addon = { name: NAME, addonType: "et", online: "true", multiUser: "false", url };
const page = readFileSync(template, "utf8").replace(/PUBLISH_REPLACE_STRING/, JSON.stringify([addon])).replace(/SERVERID_REPLEASE_STRING/, "undefined");
writeFileSync(join(out, "publish.html"), page);

// oem.ini's JSPluginsServer mode: WPS reads this list at start (wpsjs debug writes the same element).
writeFileSync(join(out, "jsplugins.xml"), `<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${url}"/>\n</jsplugins>\n`);

// Offline: the add-in folder and publish.xml go into the jsaddons folder, as wpsjs's self-installing package puts them.
const offline = join(out, "offline");
const folder = `${NAME}_${version}`;
// The add-in's own files, without the install page, the list and the offline package itself.
for (const f of readdirSync(out)) {
  if (f !== "offline" && f !== "publish.html" && f !== "jsplugins.xml") cpSync(join(out, f), join(offline, folder, f), { recursive: true });
}
writeFileSync(
  join(offline, "publish.xml"),
  `<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${folder}" version="${version}" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n`,
);
writeFileSync(
  join(offline, "安装到本机-Windows.bat"),
  [
    "@echo off",
    "rem 把预算绩效管理加载项安装到当前用户的 WPS（%APPDATA%\\kingsoft\\wps\\jsaddons），完成后重启 WPS。",
    "chcp 65001 >nul",
    'set "target=%APPDATA%\\kingsoft\\wps\\jsaddons"',
    'if not exist "%target%" mkdir "%target%"',
    `xcopy /E /I /Y "%~dp0${folder}" "%target%\\${folder}"`,
    // publish.xml lists every offline add-in of the user: ours replaces an earlier version of itself, the others stay.
    `powershell -NoProfile -ExecutionPolicy Bypass -Command "$f = Join-Path $env:APPDATA 'kingsoft\\wps\\jsaddons\\publish.xml'; $new = [xml](Get-Content -Encoding UTF8 '%~dp0publish.xml'); if (Test-Path $f) { $x = [xml](Get-Content -Encoding UTF8 $f); $root = $x.SelectSingleNode('/jsplugins'); foreach ($n in @($root.SelectNodes(\"jsplugin[@name='${NAME}']\"))) { [void]$root.RemoveChild($n) }; [void]$root.AppendChild($x.ImportNode($new.SelectSingleNode('/jsplugins/jsplugin'), $true)); $x.Save($f) } else { Copy-Item '%~dp0publish.xml' $f }"`,
    "echo 已安装。请关闭并重新打开 WPS 表格，功能区会出现“预算绩效”选项卡。",
    "pause",
    "",
  ].join("\r\n"),
);
writeFileSync(
  join(offline, "install-linux.sh"),
  [
    "#!/bin/sh",
    "# 把预算绩效管理加载项安装到当前用户的 WPS（统信 UOS、麒麟等：~/.local/share/Kingsoft/wps/jsaddons），完成后重启 WPS。",
    "set -e",
    'here=$(cd "$(dirname "$0")" && pwd)',
    'target="$HOME/.local/share/Kingsoft/wps/jsaddons"',
    'mkdir -p "$target"',
    `rm -rf "$target/${folder}"`,
    `cp -R "$here/${folder}" "$target/${folder}"`,
    // publish.xml lists every offline add-in of the user: ours replaces an earlier version of itself, the others stay.
    'if [ -f "$target/publish.xml" ] && grep -q "<jsplugins" "$target/publish.xml"; then',
    `  entry=$(grep "<jsplugin " "$here/publish.xml")`,
    `  grep -v 'name="${NAME}"' "$target/publish.xml" | grep -v "</jsplugins>" > "$target/publish.xml.new"`,
    '  printf "%s\\n</jsplugins>\\n" "$entry" >> "$target/publish.xml.new"',
    '  mv "$target/publish.xml.new" "$target/publish.xml"',
    "else",
    '  cp "$here/publish.xml" "$target/publish.xml"',
    "fi",
    'echo "已安装。请关闭并重新打开 WPS 表格，功能区会出现“预算绩效”选项卡。"',
    "",
  ].join("\n"),
  { mode: 0o755 },
);
console.log(`${out}/：加载项（整个目录放到 ${url}）、publish.html、jsplugins.xml、offline/${folder}/、offline/publish.xml 和安装脚本`);
