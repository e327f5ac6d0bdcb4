
/**
 * The 依据 printed beside every finding, in every report sheet's note and in every 反馈通知书 / 再评价报告. Officials who
 * know the documents read them, so a basis names only parts of a document that exist and quotes only words the rule
 * set holds of it. What is cited is the active rule set's: each citation topic (what a rule rests on, such as 双监控)
 * maps to the rule set's citations of its own documents — a province's or city's, then the Ministry's. A rule that
 * comes from practice says so in plain words. The rule sets' data is in rules/citations.ts.
 */

/** A document a rule set cites. */
export interface RuleDocument {
  /** Its title, without 《》. */
  title: string;
  /** Its 文号 (双政办发〔2020〕23号), or "" for a document without one. */
  number: string;
  /**
   * The parts a citation may name (四(二)3, 第27条, 单位自评), each with the words of it the rule set holds, exactly as
   * the document prints them; "" where none are held: such a part is cited by name, never quoted.
   */
  clauses: Record<string, string>;
}

/** One citation: a part of a document (with words quoted from it, where held), or a rule of practice. */
export type Citation =
  | { document: string; clause?: string; quote?: string | string[] }
  | { practice: string };

/**
 * What a rule rests on, as a rule set maps it to its citations. A finance bureau's rule set maps the topics its own
 * documents speak to and leaves the others to the set it extends. The meanings are for the docs and the bureau.
 */
export const TOPICS = {
  "target-setting": "谁申请资金，谁设置目标：绩效目标由申请资金的单位填报",
  "target-form": "绩效目标申报表的格式和必填项",
  "measurable-targets": "绩效目标细化量化、可比可测",
  "comparable-targets": "定量指标写明指标性质和度量单位",
  "realistic-targets": "绩效目标实事求是、规范合理（不照抄）",
  "realistic-request": "申请资金实事求是、量力而行",
  "no-target-no-budget": "未按要求设置绩效目标的项目不得安排预算",
  "target-dimensions": "绩效目标须包括产出、成本、效益和服务对象满意度",
  "quantified-targets": "量化指标的占比",
  "cost-indicators": "成本指标越低越好",
  "indicator-tree": "一、二、三级指标的归属",
  "investment-review": "建设投资项目须有投资评审预算报告（应急事项须有上级领导批示）",
  "ex-ante-required": "新增重大项目须有事前绩效评估，评估结果是申请预算的必备要件",
  "ex-ante-points": "事前绩效评估的评估要点",
  "source-control": "源头把关：申报目标不实的，重新申报或终止申报",
  "dual-monitoring": "对绩效目标实现程度和预算执行进度实行“双监控”",
  "monitoring-coverage": "运行监控覆盖预算项目",
  "correct-problems": "监控中发现问题及时纠正（预警）",
  "explain-deviation": "监控有偏差的须分析原因",
  "monitoring-form": "绩效运行监控表的格式",
  "serious-problems": "存在严重问题的政策、项目暂缓或停止拨款",
  "fund-by-progress": "按照项目进度和绩效情况拨款",
  "self-evaluation-coverage": "绩效自评全覆盖",
  "self-evaluation-form": "项目支出绩效自评表的格式和计分",
  "self-evaluation-truth": "单位对自评结果的真实性负责",
  "explain-shortfall": "绩效目标未达成或明显不合理的，作出说明并提出改进措施",
  "qualitative-brackets": "定性指标的评分档次",
  weights: "指标权重（分值）的设置",
  "re-evaluation": "财政再评价（复核）",
  "state-problems": "再评价写明问题实质（扣分原因）",
  falsification: "绩效评价结果弄虚作假的，追责问责",
  "clue-transfer": "违法违纪问题以线索形式移交纪检",
  "discipline-referral": "涉及违纪违法的，移送纪检机关",
  "serious-deviation": "预算执行与绩效目标严重背离的，追责问责",
  accountability: "预算绩效管理未达到要求的，绩效问责",
  "two-year-failure": "连续两年考评未达标的，问责",
  "grade-shares": "评价等级的参考比例",
  "adjust-overlap": "交叉重复、碎片化的政策和项目予以调整",
  "results-budget-link": "评价结果与预算安排挂钩",
  "cut-ineffective": "低效无效资金削减或取消",
  "recover-idle": "长期沉淀资金收回",
  rectify: "评价结果反馈和问题整改",
  "rectify-promptly": "督促及时整改落实",
} as const;
export type Topic = keyof typeof TOPICS;
export const TOPIC_IDS = Object.keys(TOPICS) as Topic[];

/** The topics each report sheet and document cites in its note, so the docs can list them beside the catalog's. */
export const REPORT_TOPICS = {
  覆盖情况表: ["ex-ante-required", "no-target-no-budget", "self-evaluation-coverage", "rectify"],
  线索移交表: ["clue-transfer"],
  整改台账表: ["rectify"],
  问责表: ["accountability"],
  汇总表: ["grade-shares"],
  反馈通知书和再评价报告: ["re-evaluation"],
  命令行调整建议: ["adjust-overlap"],
} as const satisfies Record<string, readonly Topic[]>;

/** What a basis needs of a rule set. */
export interface Citing {
  name: string;
  documents: Record<string, RuleDocument>;
  citations: Record<Topic, Citation[]>;
}

/** Quotation marks inside a quote become single ones (“实行‘双监控’”), as Chinese typesetting nests them. */
function quoted(quote: string | string[] | undefined): string {
  const list = quote === undefined ? [] : Array.isArray(quote) ? quote : [quote];
  return list.map((q) => `“${q.replace(/“/g, "‘").replace(/”/g, "’")}”`).join("");
}

function citationsOf(rules: Citing, topics: readonly Topic[]): Citation[] {
  return topics.flatMap((t) => rules.citations[t] ?? []);
}

function documentOf(rules: Citing, id: string): RuleDocument {
  const d = rules.documents[id];
  if (!d) throw new Error(`rule set ${rules.name} cites a document it does not hold: ${id}`);
  return d;
}

/** One citation as a basis prints it: 双政办发〔2020〕23号 四(二)3：“…”, 财预〔2020〕10号 单位自评, 本系统默认规则：…. */
export function citeShort(rules: Citing, c: Citation): string {
  if ("practice" in c) return practice(c.practice);
  const d = documentOf(rules, c.document);
  const name = d.number || d.title;
  const part = c.clause ? ` ${c.clause}` : "";
  return `${name}${part}${c.quote ? `：${quoted(c.quote)}` : ""}`;
}

/** Without its quote: 双政办发〔2020〕23号 四(三)5, for a line that only points at the clause. */
export function citationRefs(rules: Citing, topic: Topic): string {
  const refs = citationsOf(rules, [topic]).map((c) => ("practice" in c ? "本系统默认" : citeShort(rules, { document: c.document, clause: c.clause })));
  return [...new Set(refs)].join("；");
}

/**
 * The basis of a finding: the rule set's citations for each topic, then any rules of practice, each named once,
 * separated by “；”.
 */
export function basisOf(rules: Citing, topics: readonly Topic[], ...practices: string[]): string {
  const parts = [...citationsOf(rules, topics).map((c) => citeShort(rules, c)), ...practices];
  return [...new Set(parts)].join("；");
}

/**
 * The citations for a report sheet's note, documents named in full: 《双鸭山市全面实施预算绩效管理的实施方案》
 * （双政办发〔2020〕23号）四(三)1：“…”；四(三)2：“…”；《项目支出绩效评价管理办法》（财预〔2020〕10号）单位自评.
 * Consecutive parts of one document follow its name once.
 */
export function citeLong(rules: Citing, topics: readonly Topic[]): string {
  const groups: { doc: string | null; items: string[]; quoted: boolean }[] = [];
  const seen = new Set<string>();
  for (const c of citationsOf(rules, topics)) {
    const key = JSON.stringify(c);
    if (seen.has(key)) continue;
    seen.add(key);
    if ("practice" in c) {
      groups.push({ doc: null, items: [practice(c.practice)], quoted: false });
      continue;
    }
    const item = `${c.clause ?? ""}${c.quote ? `：${quoted(c.quote)}` : ""}`;
    const last = groups[groups.length - 1];
    if (last && last.doc === c.document) {
      if (item) last.items.push(item);
      last.quoted ||= Boolean(c.quote);
    } else groups.push({ doc: c.document, items: item ? [item] : [], quoted: Boolean(c.quote) });
  }
  return groups.map((g) => {
    if (g.doc === null) return g.items[0];
    const d = documentOf(rules, g.doc);
    return `《${d.title}》${d.number ? `（${d.number}）` : ""}${g.items.join(g.quoted ? "；" : "、")}`;
  }).join("；");
}

/** The documents a topic rests on, named in full (《…》（…）、《…》（…）), or the rule set itself where it cites none. */
export function citedDocuments(rules: Citing, topics: readonly Topic[]): string {
  const ids = [...new Set(citationsOf(rules, topics).flatMap((c) => ("document" in c ? [c.document] : [])))];
  if (ids.length === 0) return `规则集“${rules.name}”`;
  return ids.map((id) => documentOf(rules, id)).map((d) => `《${d.title}》${d.number ? `（${d.number}）` : ""}`).join("、");
}

/** A rule of practice, not of a document: says so, in words a clerk understands. */
export function practice(what: string): string {
  return `本系统默认规则：${what}`;
}

/** A rule-set parameter behind a finding, named as the 参数 sheet names it. */
export function parameter(ruleSetName: string, meaning: string): string {
  return `规则集“${ruleSetName}”的参数“${meaning}”（可在规则集中修改）`;
}

/** Several bases for one finding. */
export function bases(...parts: string[]): string {
  return parts.join("；");
}

/** Text compared as the documents print it, whatever the line breaks and spaces. */
export function compact(text: string): string {
  return text.replace(/\s+/g, "");
}
