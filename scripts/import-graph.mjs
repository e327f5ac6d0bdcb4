// The import graph of src/ (type-only imports included) and its cycles: `node scripts/import-graph.mjs` prints each
// cycle; test/structure.test.ts asserts there are none.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !f.endsWith(".d.ts") ? [p] : [];
  });
}

function resolveImport(from, spec) {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const c of [base + ".ts", base + ".tsx", join(base, "index.ts")]) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {}
  }
  return null;
}

export function importGraph(src = join(ROOT, "src")) {
  const graph = new Map();
  for (const f of files(src)) {
    const text = readFileSync(f, "utf8");
    const deps = new Set();
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g)) {
      const d = resolveImport(f, m[1]);
      if (d) deps.add(d);
    }
    for (const m of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) {
      const d = resolveImport(f, m[1]);
      if (d) deps.add(d);
    }
    graph.set(f, deps);
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan), each as paths relative to the project. */
export function cycles(graph = importGraph()) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? new Set()).has(v)) out.push(comp.map((f) => relative(ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const found = cycles();
  for (const c of found) console.log(`环：${c.join(" → ")}`);
  console.log(found.length === 0 ? "src/ 中没有循环引用。" : `共 ${found.length} 组循环引用。`);
  process.exitCode = found.length === 0 ? 0 : 1;
}
