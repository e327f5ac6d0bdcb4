import type { SheetSpec, SpecCell } from "../sheet";
import { budgetListTemplate, departmentSelfEvaluationTemplate, departmentTargetTemplate, exAnteTemplate, listTemplates, monitoringTemplate, rectificationTemplate, selfEvaluationTemplate, targetTemplate } from "./forms";
import { QUALITATIVE } from "./parts";
import { parameterSheet } from "../rules/sheet";

export type TemplateId = "target" | "monitoring" | "self-evaluation" | "list" | "budget" | "ex-ante" | "rectification" | "department" | "parameters";

export interface TemplateBook {
  id: TemplateId;
  /** What the task pane and the README call it. */
  name: string;
  file: string;
  sheets: SheetSpec[];
}

const line = (value: string, style: SpecCell["style"] = "text"): SpecCell[] => [{ value, style }];

/** 填表说明: what to write where, with a worked example written out as text (not as a grid the engine would read). */
function instructions(name: string, lines: string[]): SheetSpec {
  return {
    name: "填表说明",
    rows: [
      [{ value: `${name}填表说明`, style: "title" }],
      [],
      ...lines.map((l) => (l.startsWith("# ") ? line(l.slice(2), "section") : line(l))),
    ],
    columnWidths: [110],
    print: { orientation: "portrait", fitToWidth: true },
  };
}

const COMMON = [
  "# 基本要求",
  "1. 只在白色单元格填写；灰色标签单元格已保护（无密码，如需调整版式可在“审阅 → 撤销工作表保护”中解除）。",
  "2. 金额单位为万元，保留两位小数；百分比可填 95% 或 95。",
  "3. 指标要细化量化、可比可测：定量指标写明指标性质（≥、≤、= 等）、数值和度量单位；成本指标应为“≤”；资金支付率、预算执行率不是产出或效益指标。",
  "4. 指标须覆盖产出（数量、质量、时效、成本）、效益（经济、社会、生态、可持续影响中至少一项）和服务对象满意度；量化指标不少于 80%。",
  "5. 表中已按类别列出指标行，没有填写三级指标的行不计入；行不够时可在表格中插入行。",
];

export function templateBooks(): TemplateBook[] {
  return [
    {
      id: "target",
      name: "绩效目标申报表",
      file: "绩效目标申报表.xlsx",
      sheets: [
        targetTemplate(),
        instructions("绩效目标申报表", [
          ...COMMON,
          "# 示例（一行指标）",
          "一级指标：产出指标；二级指标：数量指标；三级指标：新建市政消火栓数量；指标性质：≥；指标值：120；度量单位：个；权重：20；设定依据：2025 年城区消防规划。",
          "一级指标：产出指标；二级指标：成本指标；三级指标：消火栓单位造价；指标性质：≤；指标值：2.5；度量单位：万元/个。",
          "# 建设投资项目",
          "须先附投资评审预算报告（填写报告文号）；紧急情况须有上级领导批示，按工程概算编制预算。两者都没有的，财政部门不予受理。",
        ]),
      ],
    },
    {
      id: "monitoring",
      name: "绩效运行监控表",
      file: "绩效运行监控表.xlsx",
      sheets: [
        monitoringTemplate(),
        instructions("绩效运行监控表", [
          ...COMMON,
          "# 双监控",
          "同时填写预算执行进度（年初预算数、截至监控时点执行数）和每个指标的完成进度。",
          "完成目标可能性选“有可能”或“完全不可能”时，必须填写全年预计完成值和偏差原因（经费、制度、人员、硬件条件保障或其他）。",
          "执行进度明显落后、或指标完全不可能完成的项目，财政部门可暂缓或停止拨款。",
        ]),
      ],
    },
    {
      id: "self-evaluation",
      name: "绩效自评表（含财政复核列）",
      file: "绩效自评表.xlsx",
      sheets: [
        selfEvaluationTemplate(),
        instructions("绩效自评表", [
          ...COMMON,
          "# 评分",
          "预算执行率 10 分，按 全年执行数 ÷ 全年预算数 × 10 计分；产出 50 分、效益 30 分、满意度 10 分，合计 100 分。",
          "定量指标：越高越好的，实际完成值达到指标值得满分，否则按 实际 ÷ 指标值 × 分值；越低越好的按 指标值 ÷ 实际 × 分值。",
          `定性指标：从下拉列表选择完成档次（${QUALITATIVE.join("、")}），分别在分值的 80%–100%、60%–80%、0–60% 之间打分。`,
          "未完成目标、或实际完成值达到指标值 130% 以上的，须填写偏差原因分析及改进措施。",
          "# 财政复核",
          "右侧绿色列由财政部门（或受托机构）填写：复核完成值、复核得分、扣分原因（每项扣分必须写明原因）和违法违纪线索。",
          "单位收到评价结果反馈通知书后，在“单位确认”处填写“已确认”或说明异议。",
        ]),
      ],
    },
    {
      id: "list",
      name: "多项目清单（目标、监控、自评）",
      file: "多项目清单.xlsx",
      sheets: [
        ...listTemplates(),
        instructions("多项目清单", [
          ...COMMON,
          "# 清单格式",
          "一行一个指标，同一项目的各行填写相同的项目名称（可只在第一行填写，下方留空）。",
          "运行监控清单在第一行填写监控时点（截至月份）。",
        ]),
      ],
    },
    {
      id: "ex-ante",
      name: "事前绩效评估表（新增重大项目）",
      file: "事前绩效评估表.xlsx",
      sheets: [
        exAnteTemplate(),
        instructions("事前绩效评估表", [
          "# 用途",
          "新出台的重大政策和项目在申请预算前做事前绩效评估，重点论证立项必要性、投入经济性、绩效目标合理性、实施方案可行性、筹资合规性；评估结果是申请预算的必备要件。",
          "# 填法",
          "每个评估要点在分值内打分，并写明评估意见（理由）；总分为各要点得分之和。",
          "评估结论按总分选择：80 分以上“予以支持”，60–80 分“调整完善后支持”，60 分以下“不予支持”（分数线可在规则集中修改）。",
          "项目名称、单位（或项目编码）须与预算项目清单一致，加载项据此把评估与清单中的项目对应。",
        ]),
      ],
    },
    {
      id: "budget",
      name: "预算项目清单（财政部门用，核对覆盖情况）",
      file: "预算项目清单.xlsx",
      sheets: [
        budgetListTemplate(),
        instructions("预算项目清单", [
          "# 用途",
          "财政部门列出本年度安排预算的全部项目。与各单位的绩效目标表、运行监控表、自评表放在一起检查时，加载项逐个项目核对：",
          "没有绩效目标表的，按“未按要求设置绩效目标的项目，不得安排预算”列为错误；本批有监控表或自评表时，缺少的项目列为警告；结果写入“覆盖情况”表。",
          "# 填法",
          "一行一个项目。有项目编码的按编码与各表对应（各表也要有“项目编码”）；没有编码的按项目名称和单位对应，名称须与各表一致。",
          "预算金额单位为万元；新增/延续、是否重大从下拉列表选择。",
        ]),
      ],
    },
    {
      id: "department",
      name: "部门整体支出绩效目标申报表和自评表",
      file: "部门整体支出绩效表.xlsx",
      sheets: [
        departmentTargetTemplate(),
        departmentSelfEvaluationTemplate(),
        instructions("部门整体支出绩效表", [
          "# 用途",
          "部门（单位）编制预算时设置整体绩效目标（申报表），年度结束后对照目标自评（自评表）。加载项按项目表的同样规则检查和评分：",
          "指标须细化量化，并覆盖履职效能、管理效率、社会效应和服务对象满意度四个方面（按财预〔2015〕88号的产出、效益、满意度设置的，须有这三类）。",
          "# 填法",
          "部门（单位）名称须与预算项目清单、上年结果一致；年度主要任务逐项填写预算金额，金额合计为年度资金总额（总额 = 财政拨款 + 其他资金）。",
          "一级、二级指标从下拉列表选择（二级指标也可自填）；权重或分值合计 100。自评表的实际完成值、分值、得分和偏差原因填法与项目自评表相同。",
        ]),
      ],
    },
    {
      id: "rectification",
      name: "整改情况表（实施单位逐项答复问题）",
      file: "整改情况表.xlsx",
      sheets: [
        rectificationTemplate(),
        instructions("整改情况表", [
          "# 用途",
          "实施单位收到评价结果反馈通知书或再评价报告后，逐项填写每个问题的整改情况，报送财政部门。财政部门把它与下一批表格放在一起检查，",
          "加载项逐项标出“已整改 / 未整改 / 逾期”，写入“整改台账”和“覆盖情况”；未整改的问题计入结果应用的依据，逾期的列入“问责”表。",
          "# 填法",
          "问题、整改期限照抄通知书（加载项生成的“整改台账”已列出每个问题和期限，可直接复制过来）。",
          "整改结果选“已整改”的，须填写完成日期和佐证材料（文件名或文号），否则按未整改计；完成日期晚于整改期限的记为逾期。",
          "项目名称、实施单位（或项目编码）须与原表一致，加载项据此把问题与项目对应。",
        ]),
      ],
    },
    {
      id: "parameters",
      name: "规则参数表（本地评分口径）",
      file: "规则参数表.xlsx",
      sheets: [
        parameterSheet(),
        instructions("规则参数表", [
          "# 用途",
          "财政部门把本地的评分口径写在“参数”表中，任务窗格的规则集选“工作簿中的参数表”即按此计算；命令行可用同样内容的 JSON 文件（--rules）。",
          "# 填法",
          "只改“值”一列。没有改动的键沿用 extends 指定的内置规则集（central、shuangyashan-2020 或 hubei-2020），问题的“依据”也沿用它引用的文件。",
          "要引用本地文件，在表末另起几行：documents.本局文件简称.title（文件名称）、documents.本局文件简称.number（文号）、documents.本局文件简称.clauses.第十条（该条原文）；再写 citations.引用主题.0.document（文件简称）、citations.引用主题.0.clause（条款）、citations.引用主题.0.quote（原话，须在该条原文中）。引用主题见 docs/FINDINGS.md；没有写到的主题沿用 extends 的规则集。",
          "分值之和须等于总分；等级按从高到低排列；公式只能使用 A、B、points 和 min、max、abs，以及“条件 ? 值 : 值”。",
          "填错的键或值会被拒绝，并指出所在单元格。",
        ]),
      ],
    },
  ];
}

export function templateBook(id: string): TemplateBook | undefined {
  return templateBooks().find((t) => t.id === id);
}
