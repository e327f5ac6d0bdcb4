import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");
const build = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "scripts", "build-wps.mjs"), ...args], { cwd: ROOT, encoding: "utf8" });

describe("npm run build:wps (the WPS 加载项 package)", () => {
  const out = join(mkdtempSync(join(tmpdir(), "jixiao-wps-")), "wps");
  const url = "http://10.1.2.3/jixiao/";
  const r = build("--out", out, "--url", url);

  it("writes the add-in folder with its entry page, ribbon and task pane", () => {
    expect(r.status, r.stderr).toBe(0);
    for (const f of ["index.html", "ribbon.xml", "ribbon.js", "taskpane.html", "taskpane.js", "assets/icon-80.png"]) expect(existsSync(join(out, f)), f).toBe(true);
    const ribbon = readFileSync(join(out, "ribbon.xml"), "utf8");
    expect(ribbon).toContain('<tab id="jixiaoTab" label="预算绩效">');
    // Every callback the ribbon names is defined by the page WPS loads.
    const script = readFileSync(join(out, "ribbon.js"), "utf8");
    for (const [, name] of ribbon.matchAll(/(?:onLoad|onAction|getImage)="(\w+)"/g)) expect(script, name).toMatch(new RegExp(`function ${name}\\(`));
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain('<script src="ribbon.js"></script>');
    expect(JSON.parse(readFileSync(join(out, "package.json"), "utf8"))).toMatchObject({ name: "jixiao", addonType: "et" });
  });

  it("fills wpsjs's install page with this add-in only, and lists it for oem.ini's JSPluginsServer", () => {
    const page = readFileSync(join(out, "publish.html"), "utf8");
    expect(page).toContain(`var curList = [{"name":"jixiao","addonType":"et","online":"true","multiUser":"false","url":"${url}"}];`);
    expect(page).not.toMatch(/PUBLISH_REPLACE_STRING|SERVERID_REPLEASE_STRING|test123/);
    expect(readFileSync(join(out, "jsplugins.xml"), "utf8")).toContain(`<jspluginonline name="jixiao" type="et" url="${url}"/>`);
  });

  it("lays out the offline package for the jsaddons folder, and its Linux installer keeps the user's other add-ins", () => {
    const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
    const offline = join(out, "offline");
    expect(readFileSync(join(offline, "publish.xml"), "utf8")).toContain(`<jsplugin name="jixiao" type="et" url="jixiao_${version}" version="${version}"`);
    expect(existsSync(join(offline, `jixiao_${version}`, "ribbon.xml"))).toBe(true);
    // The offline copy is the add-in only: not the install page, the list, or itself.
    for (const f of ["publish.html", "jsplugins.xml", "offline"]) expect(existsSync(join(offline, `jixiao_${version}`, f)), f).toBe(false);
    expect(readFileSync(join(offline, "安装到本机-Windows.bat"), "utf8")).toContain("%APPDATA%\\kingsoft\\wps\\jsaddons");

    const home = mkdtempSync(join(tmpdir(), "jixiao-home-"));
    const jsaddons = join(home, ".local/share/Kingsoft/wps/jsaddons");
    mkdirSync(jsaddons, { recursive: true });
    writeFileSync(join(jsaddons, "publish.xml"), '<jsplugins>\n  <jsplugin name="other" type="wps" url="other_1.0" version="1.0" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n');
    for (let i = 0; i < 2; i++) execFileSync("sh", [join(offline, "install-linux.sh")], { env: { ...process.env, HOME: home } });
    const list = readFileSync(join(jsaddons, "publish.xml"), "utf8");
    expect(list.match(/<jsplugin /g)).toHaveLength(2);
    expect(list).toContain('name="other"');
    expect(list).toContain(`url="jixiao_${version}"`);
    expect(list.trim().endsWith("</jsplugins>")).toBe(true);
    expect(existsSync(join(jsaddons, `jixiao_${version}`, "taskpane.html"))).toBe(true);
  });

  it("refuses an add-in address without its trailing slash, in Chinese, as wpsjs publish does", () => {
    const bad = build("--out", join(out, "..", "bad"), "--url", "http://10.1.2.3/jixiao");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("必须是以 / 结尾的 http(s) 地址");
  });
});
