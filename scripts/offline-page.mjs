// Builds dist/jixiao.html, the page a clerk double-clicks: the built taskpane.html with every script, style and icon
// inside the one file, so that it works from file:// on a machine with no server and no network.
//
// It runs in the same webpack build, on the final assets (after minification and real content hashes), and takes the
// chunk graph from webpack rather than guessing from file names:
// - <script src> and <link rel=stylesheet> of taskpane.html become inline <script> and <style>; scripts that were
//   deferred (the bundle) move to the end of <body>, since an inline script cannot be deferred; icons become data: URLs;
// - every chunk the page may load lazily (exceljs...) is an inline <script> placed before the bundle: it registers its
//   modules in webpack's chunk list as it runs, so a later import() finds it loaded and requests nothing. In Internet
//   Explorer 11 such a chunk may not parse (exceljs is ES2015+); coming before the bundle, its error is shown first and
//   the bundle's own message for old browsers replaces it, as on the served page;
// - the check worker cannot be started from a file on file:// (origin 'null'), so its code travels as text: the
//   chunks it needs and its entry last, each marked data-jixiao-worker (those the page itself does not run as
//   type=text/plain), which the page joins into a Blob (src/taskpane/offline-page.ts);
// - the Content-Security-Policy allows exactly these inline scripts and the style by their SHA-256, workers from blob:
//   and images from data:, and nothing from anywhere else: no network, not even the office.js the served page asks for
//   (the page is marked offline and does not try).
import { createHash } from "node:crypto";

const NAME = "OfflinePagePlugin";

/**
 * Text for inside <script> or <style>, such that the element's text is exactly it (its hash in the policy must match):
 * its end tag, or a comment opener that changes how HTML reads it, would break out; HTML reads CR and CRLF as LF (so
 * does JavaScript, as a line end and inside template literals); NUL and lone surrogates it would not keep.
 */
function embeddable(text, what) {
  const safe = text.replace(/<\/(script|style)/gi, "<\\/$1").replace(/\r\n?/g, "\n");
  if (/<!--/.test(safe)) throw new Error(`${NAME}: ${what} contains "<!--", which HTML would not read as plain script text`);
  if (/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(safe)) {
    throw new Error(`${NAME}: ${what} contains a NUL or a lone surrogate, which HTML would not keep`);
  }
  return safe;
}

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

const attr = (tag, name) => {
  const m = new RegExp(`\\s${name}=("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
};

export class OfflinePagePlugin {
  /**
   * @param {{ template: string, entry: string, filename: string, worker: string }} options the served page (an
   *   HtmlWebpackPlugin output) and its entry point, the single file to write, and the name of the worker's chunk
   *   (the webpackChunkName of its new Worker()).
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        // After RealContentHashPlugin (OPTIMIZE_HASH) has settled every chunk's content: the inline scripts and their
        // hashes are final.
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          compilation.emitAsset(this.options.filename, new sources.RawSource(this.page(compilation)), { minimized: true });
        },
      );
    });
  }

  page(compilation) {
    const { template, entry, worker } = this.options;
    const asset = (file) => {
      const a = compilation.getAsset(file);
      if (!a) throw new Error(`${NAME}: ${template} refers to ${file}, which the build did not produce`);
      return a.source.source();
    };
    const text = (file) => {
      let code = asset(file).toString();
      // The license comments terser moved to a file of their own come back into the code they belong to.
      code = code.replace(/\/\*! For license information please see (\S+) \*\//, (all, licence) => {
        const found = compilation.getAsset(licence);
        // The file holds the comments as terser took them out of the code.
        return found ? `${found.source.source().toString().trim()}\n` : all;
      });
      return code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "");
    };
    const jsFiles = (chunk) => [...chunk.files].filter((f) => f.endsWith(".js"));

    // Which chunks the page runs and which the worker needs, from the chunk graph.
    const workerEntry = compilation.namedChunks.get(worker);
    if (!workerEntry) throw new Error(`${NAME}: no chunk named ${worker} (the worker's webpackChunkName)`);
    const asyncEntries = new Set(compilation.asyncEntrypoints);
    const reach = (groups) => {
      const seen = new Set();
      const chunks = new Set();
      const visit = (g) => {
        if (seen.has(g)) return;
        seen.add(g);
        for (const c of g.chunks) chunks.add(c);
        for (const child of g.childrenIterable) if (!asyncEntries.has(child)) visit(child);
      };
      groups.forEach(visit);
      return chunks;
    };
    const pageEntry = compilation.entrypoints.get(entry);
    if (!pageEntry) throw new Error(`${NAME}: no entry point ${entry}`);
    const workerGroup = [...asyncEntries].find((g) => g.chunks.includes(workerEntry));
    const pageChunks = [...reach([pageEntry])].filter((c) => !pageEntry.chunks.includes(c));
    // The worker's own chunks before its entry: the entry starts the worker as it runs, and its runtime must then
    // find them loaded.
    const workerChunks = [...reach([workerGroup])].filter((c) => c !== workerEntry);

    // The page is rewritten with a placeholder for each inline text, so that what is checked is the page's own markup.
    const inline = [];
    const hold = (html) => `\u0000${inline.push(html) - 1}\u0000`;
    const scriptHashes = [];
    const styleHashes = [];
    const script = (code, attrs = "") => {
      const body = embeddable(code, "a script");
      if (!attrs.includes("type=text/plain")) scriptHashes.push(sha256(body));
      return hold(`<script${attrs}>${body}</script>`);
    };

    let html = asset(template).toString();
    const deferred = [];
    html = html.replace(/<script\b[^>]*>\s*<\/script>/gi, (tag) => {
      const src = attr(tag, "src");
      if (!src) return tag;
      if (/^[a-z]+:/i.test(src)) throw new Error(`${NAME}: ${template} loads ${src}, which the offline page cannot`);
      if (/\sdefer\b/i.test(tag)) {
        deferred.push(src);
        return "";
      }
      return script(text(src));
    });
    html = html.replace(/<link\b[^>]*>/gi, (tag) => {
      if (attr(tag, "rel") !== "stylesheet") return tag;
      const css = embeddable(asset(attr(tag, "href")).toString().replace(/\n?\/\*# sourceMappingURL=\S+\s*\*\/\s*$/, ""), "a style sheet");
      styleHashes.push(sha256(css));
      return hold(`<style>${css}</style>`);
    });
    html = html.replace(/<img\b[^>]*>/gi, (tag) => {
      const src = attr(tag, "src");
      if (!src) return tag;
      const type = src.endsWith(".png") ? "image/png" : src.endsWith(".svg") ? "image/svg+xml" : null;
      if (!type) throw new Error(`${NAME}: no data: URL for ${src}`);
      return hold(tag.replace(src, `data:${type};base64,${Buffer.from(asset(src)).toString("base64")}`));
    });
    // Nothing local or remote is left to load.
    const left = /\s(src|href|srcset|data)=("[^"]*"|'[^']*'|[^\s>]+)/i.exec(html);
    if (left) throw new Error(`${NAME}: ${template} still refers to ${left[2]}`);
    if (!html.includes("</body>")) throw new Error(`${NAME}: ${template} has no </body>`);

    // The chunks, then the bundle, at the end of <body>.
    const tail = [];
    for (const c of new Set([...pageChunks, ...workerChunks])) {
      const forWorker = workerChunks.includes(c);
      const runs = pageChunks.includes(c);
      for (const f of jsFiles(c)) tail.push(script(text(f), `${runs ? "" : " type=text/plain"} data-jixiao-chunk=${f}${forWorker ? " data-jixiao-worker" : ""}`));
    }
    for (const f of jsFiles(workerEntry)) tail.push(script(text(f), ` type=text/plain data-jixiao-chunk=${f} data-jixiao-worker`));
    for (const src of deferred) tail.push(script(text(src)));
    html = html.replace("</body>", () => `${tail.join("")}</body>`);

    const csp = [
      "default-src 'none'",
      `script-src ${scriptHashes.join(" ")}`,
      `style-src ${styleHashes.length ? styleHashes.join(" ") : "'none'"}`,
      "img-src data:",
      // worker-src for today's browsers; child-src for those of CSP level 2 (EdgeHTML), which govern workers by it.
      "worker-src blob:",
      "child-src blob:",
      "frame-src 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join("; ");
    // As html-minifier writes it in production, or as the template does in development.
    const meta = /<meta\s+http-equiv=(["']?)Content-Security-Policy\1\s+content=("[^"]*"|'[^']*')\s*\/?>/i;
    if (!meta.test(html)) throw new Error(`${NAME}: ${template} has no Content-Security-Policy meta element`);
    // The mark that src/taskpane/offline-page.ts and legacy-guard.js look for comes before any script.
    html = html.replace(meta, () => `<meta http-equiv=Content-Security-Policy content="${csp}"><meta name=jixiao-page content=offline>`);
    return html.replace(/\u0000(\d+)\u0000/g, (_, i) => inline[Number(i)]);
  }
}
