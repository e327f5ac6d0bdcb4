// Builds the task pane (dist/taskpane.html and its scripts), copies the icons, writes dist/manifest.xml with the
// production base URL, and makes dist/jixiao.html, the same page as one self-contained file for offices without a
// server (scripts/offline-page.mjs). Modelled on OfficeDev/Office-Addin-TaskPane's webpack config.
//
// Environment:
//   ADDIN_BASE_URL   production base URL that replaces https://localhost:3000/ in the manifest (default: the dev URL,
//                    so a plain `npm run build` can be sideloaded against `npm run dev-server`)
//   OFFICE_JS=local  serve the office.js shipped in @microsoft/office-js from the add-in's own origin (dist/office-js/)
//                    instead of Microsoft's CDN, for intranets without internet access
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import { OfflinePagePlugin } from "./scripts/offline-page.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

export const DEV_URL = "https://localhost:3000/";
export const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const LOCAL_OFFICE_JS = "office-js/office.js";
/** Office.js for other applications is left out of the local copy: the add-in only runs in Excel. */
const OTHER_APPS = ["access", "onenote", "outlook", "powerpoint", "project", "visio", "word"];

function baseUrl() {
  const url = process.env.ADDIN_BASE_URL || DEV_URL;
  return url.endsWith("/") ? url : url + "/";
}

/** Every dev URL becomes the production base URL, and the dev origin in AppDomains becomes the production origin. */
export function productionManifest(xml, base) {
  return xml.replaceAll(DEV_URL, base).replaceAll(DEV_URL.slice(0, -1), new URL(base).origin);
}

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    // Installing the CA needs admin rights (sudo on Linux). The certificates are generated before that step, so serve
    // with them anyway; the browser or Office will ask to trust the certificate.
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) throw e;
    console.warn(`未能把开发证书安装到系统信任列表（${e.message.split("\n")[0]}），继续使用 ${dir} 中的证书。`);
    return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
  }
}

export default async (env, argv) => {
  const dev = argv.mode !== "production";
  const localOfficeJs = process.env.OFFICE_JS === "local";
  const officeJsUrl = localOfficeJs ? LOCAL_OFFICE_JS : CDN_OFFICE_JS;
  const officeOrigin = localOfficeJs ? "" : " https://appsforoffice.microsoft.com";
  const config = {
    devtool: "source-map",
    entry: { taskpane: "./src/taskpane/taskpane.ts", commands: "./src/taskpane/commands.ts" },
    output: {
      path: path.resolve(here, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // Chunks are found beside the page. (The default, "auto", asks the running script for its own URL, which an
      // inline script of dist/jixiao.html does not have.)
      publicPath: "",
      // dist/cli holds the command line (scripts/build-cli.mjs), built beside the pane: kept.
      clean: { keep: /^cli[\\/]/ },
    },
    // One ES5 bundle for every webview Office uses: Internet Explorer 11 (Trident) and Edge Legacy (EdgeHTML 18) in
    // Office 2016/2019 volume licence, and the Chromium ones. Babel lowers our code and the dependencies the Excel path
    // loads (mathjs's parser, decimal.js) to ES5 and adds core-js polyfills for what the code uses; the webpack runtime
    // itself is written as ES5. exceljs is loaded only in the standalone page, which asks for a modern browser.
    target: ["web", "es5"],
    resolve: {
      extensions: [".ts", ".js"],
      // fraction.js calls BigInt as it loads; the pane never makes a fraction (see src/taskpane/no-fraction.ts).
      alias: { "fraction.js$": path.resolve(here, "src/taskpane/no-fraction.ts") },
    },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: [{ loader: "babel-loader" }, { loader: "ts-loader", options: { transpileOnly: true } }] },
        { test: /\.m?js$/, include: /node_modules/, exclude: /node_modules[\\/](core-js|exceljs|@babel)[\\/]/, use: { loader: "babel-loader" } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __OFFICE_JS_URL__: JSON.stringify(officeJsUrl) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeOrigin },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/taskpane/commands.html",
        chunks: ["commands"],
        templateParameters: { officeOrigin, officeJsUrl },
      }),
      new OfflinePagePlugin({ template: "taskpane.html", entry: "taskpane", filename: "jixiao.html", worker: "check-worker" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/taskpane/legacy-guard.js", to: "legacy-guard.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : productionManifest(content.toString(), baseUrl())),
          },
          ...(localOfficeJs
            ? [{
                from: path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist"),
                to: "office-js",
                globOptions: { ignore: OTHER_APPS.map((app) => `**/${app}-*`) },
              }]
            : []),
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(here, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      server: dev ? { type: "https", options: env.WEBPACK_SERVE ? await httpsOptions() : {} } : "https",
    },
  };
  return config;
};
