import type { Citation, RuleDocument, Topic } from "../basis";

/**
 * The documents the built-in rule sets cite, and what each set cites for each topic (basis.ts). Clause texts are the
 * documents' own words: the 双鸭山 plan's from its published text (docs/sources/), the 黑河 plan's from the excerpt
 * the team holds (DOMAIN.md). The Ministry's documents are named by number and by the part that applies; their
 * text is not held here, so they are never quoted. test/basis.test.ts checks every clause text against its source.
 */

/** The Ministry of Finance's documents and the national 意见 they implement. */
export const MINISTRY_DOCUMENTS: Record<string, RuleDocument> = {
  "zhongfa-2018-34": {
    title: "中共中央 国务院关于全面实施预算绩效管理的意见",
    number: "中发〔2018〕34号",
    clauses: { 事前绩效评估: "", 绩效目标管理: "", 绩效运行监控: "", 绩效评价: "", 评价结果应用: "", 责任约束: "" },
  },
  "caiyu-2015-88": {
    title: "中央部门预算绩效目标管理办法",
    number: "财预〔2015〕88号",
    clauses: { 绩效目标设定: "", 绩效目标审核: "", 项目支出绩效目标申报表: "" },
  },
  "caiyu-2019-136": {
    title: "中央部门预算绩效运行监控管理暂行办法",
    number: "财预〔2019〕136号",
    clauses: { 绩效运行监控: "", 项目支出绩效目标执行监控表: "" },
  },
  "caiyu-2020-10": {
    title: "项目支出绩效评价管理办法",
    number: "财预〔2020〕10号",
    clauses: {
      单位自评: "", 财政评价: "", 绩效评价结果应用: "", 法律责任: "", 项目支出绩效自评表: "", 权重设置: "", 定性指标评分档次: "",
    },
  },
  "caiyu-2021-101": {
    title: "中央部门项目支出核心绩效目标和指标设置及取值指引（试行）",
    number: "财预〔2021〕101号",
    clauses: { 绩效指标设置: "", 指标值设定: "", 成本指标: "" },
  },
};

const zhongfa = (clause: string): Citation => ({ document: "zhongfa-2018-34", clause });
const target = (clause?: string): Citation => ({ document: "caiyu-2015-88", clause });
const monitor = (clause?: string): Citation => ({ document: "caiyu-2019-136", clause });
const evaluation = (clause?: string): Citation => ({ document: "caiyu-2020-10", clause });
const indicators = (clause?: string): Citation => ({ document: "caiyu-2021-101", clause });

/** `central`: the Ministry's documents only, each by number and the part that applies. */
export const MINISTRY_CITATIONS: Record<Topic, Citation[]> = {
  "target-setting": [target("绩效目标设定")],
  "target-form": [target("项目支出绩效目标申报表")],
  "measurable-targets": [target("绩效目标设定"), indicators("绩效指标设置")],
  "comparable-targets": [indicators("指标值设定")],
  "realistic-targets": [target("绩效目标审核")],
  "realistic-request": [target("绩效目标审核")],
  "no-target-no-budget": [zhongfa("绩效目标管理"), target("绩效目标审核")],
  "target-dimensions": [zhongfa("绩效目标管理"), indicators("绩效指标设置")],
  "quantified-targets": [indicators("绩效指标设置")],
  "cost-indicators": [indicators("成本指标")],
  "indicator-tree": [indicators("绩效指标设置"), evaluation("项目支出绩效自评表")],
  "investment-review": [{ practice: "建设投资类项目须附投资评审预算报告，应急事项须有上级领导批示" }],
  "ex-ante-required": [zhongfa("事前绩效评估")],
  "ex-ante-points": [zhongfa("事前绩效评估")],
  "source-control": [target("绩效目标审核")],
  "dual-monitoring": [zhongfa("绩效运行监控"), monitor("绩效运行监控")],
  "monitoring-coverage": [monitor("绩效运行监控")],
  "correct-problems": [monitor("绩效运行监控")],
  "explain-deviation": [monitor("项目支出绩效目标执行监控表")],
  "monitoring-form": [monitor("项目支出绩效目标执行监控表")],
  "serious-problems": [zhongfa("绩效运行监控")],
  "fund-by-progress": [zhongfa("绩效运行监控")],
  "self-evaluation-coverage": [evaluation("单位自评")],
  "self-evaluation-form": [evaluation("项目支出绩效自评表")],
  "self-evaluation-truth": [evaluation("单位自评")],
  "explain-shortfall": [evaluation("项目支出绩效自评表")],
  "qualitative-brackets": [evaluation("定性指标评分档次")],
  weights: [evaluation("权重设置")],
  "re-evaluation": [evaluation("财政评价")],
  "state-problems": [evaluation("财政评价")],
  falsification: [zhongfa("责任约束"), evaluation("法律责任")],
  "clue-transfer": [evaluation("法律责任")],
  "discipline-referral": [evaluation("法律责任")],
  "serious-deviation": [zhongfa("责任约束")],
  accountability: [zhongfa("责任约束")],
  "two-year-failure": [{ practice: "连续两年评价等级为“差”的单位列入问责建议" }],
  "grade-shares": [{ practice: "评价等级分布的参考比例为优 30%、良 40%、中 30%" }],
  "adjust-overlap": [zhongfa("评价结果应用")],
  "results-budget-link": [zhongfa("评价结果应用"), evaluation("绩效评价结果应用")],
  "cut-ineffective": [zhongfa("评价结果应用")],
  "recover-idle": [zhongfa("评价结果应用")],
  rectify: [evaluation("绩效评价结果应用")],
  "rectify-promptly": [zhongfa("绩效运行监控")],
};

/**
 * 双政办发〔2020〕23号, the plan this product was built from (DOMAIN.md §8): §四 (一) 1–2, (二) 1–7, (三) 1–5 and
 * §五 (一)–(四); the clauses cited hold their text as the plan prints it.
 */
export const SHUANGYASHAN_PLAN: RuleDocument = {
  title: "双鸭山市全面实施预算绩效管理的实施方案",
  number: "双政办发〔2020〕23号",
  clauses: {
    "四(一)1": "部门向上争取资金申报时，除提供申报材料外，还要按照“谁申请资金，谁设置目标”的原则，制定绩效目标申报表；财政部门要配合指导填报，使绩效目标申报达到实事求是、规范合理、细化量化、可比可测的验收标准。",
    "四(一)2": "",
    "四(二)1": "预算执行单位根据项目可研或具体资金用途向各级政府提交申请资金报告时，要按照“谁申请资金，谁设置目标”的原则，在报告后面附绩效目标表，要做到细化量化、定位精准，实事求是、量力而行。",
    "四(二)2": "各级财政部门要为政府理财把关，做好对申报单位的指导和审核工作。为了提高预算编制的科学性和精准性，在审核过程中，如申报目标不实，可将预算绩效关口前移，组织力量进行事前绩效评估，以实查的真实情况为依据，责令申报单位重新申报或终止申报，做实预算安排的基础工作，从源头防止财政资金浪费。",
    "四(二)3": "各级财政部门对绩效目标实现程度和预算执行进度实行“双监控”，发现问题要及时纠正，确保绩效目标如期保质保量完成。财政部门要建立重大政策、项目绩效跟踪机制，对存在严重问题的政策、项目要暂缓或停止拨款，督促及时整改落实。按照预算绩效管理要求，加强国库资金管理，降低资金运行成本。",
    "四(二)4": "项目建设投资事项，预算执行单位在报绩效目标表前，必须提交投资评审预算报告。对突发或应急个别事项，无法在正常时限内出示评审报告时，为了保证项目正常开工、顺利竣工，财政部门在接到预算执行单位出具的上级领导批示后，可按工程概算做出预算安排、跟踪问效，做好评价工作。",
    "四(二)5": "预算执行单位在申报事项完成时，要将完成的实际情况比对自己的申报目标，进行自我评价，及时提交自评报告，并对报告真实性负责。",
    "四(二)6": "各级财政部门收到自评价报告后，结合实际，从数量、质量、实效、成本等方面进行调查审核，无问题直接下达再评价报告；若发现问题下达评价结果反馈通知书，及时将绩效评价的异议与预算执行单位沟通，预算执行单位确认后，财政部门按照“谁出错，谁负责”的原则，下达绩效再评价报告。再评价报告要客观公正的写明问题实质，提出合理的整改建议，突出严肃性，明确责任人。对违法违纪问题，要以线索形式移交纪检部门核实、追责、问责。",
    "四(二)7": "",
    "四(三)1": "将绩效关口前移，各单位要结合绩效目标管理对新出台的重大政策和项目开展事前评估，重点论证立项必要性、投入经济性、绩效目标合理性、实施方案可行性、筹资合规性等。各级财政部门要做好预算评审、项目审批等工作，财政部门要加强对新增重大政策和项目的预算审核，必要时可以组织第三方机构参与开展绩效评估，审核和评估结果作为预算安排的重要参考依据。财政部门要加强绩效评估，评估结果作为申请预算的必备要件，从源头上提高预算编制的科学性和精准性。",
    "四(三)2": "各单位编制预算时要全面设置整体绩效目标、政策及项目绩效目标。绩效目标不仅要包括产出、成本，还要包括经济效益、社会效益、生态效益、可持续影响和服务对象满意度等绩效指标，内容应完整、细化、量化，做到可审核、可监控、可评价。财政部门要将绩效目标设置作为预算安排的前置条件，严格绩效目标审核，将绩效目标与预算同步批复下达，未按要求设置绩效目标的项目，不得安排预算。",
    "四(三)3": "各单位要按照“谁支出、谁负责”的原则，完善用款计划管理，对绩效目标实现程度和预算执行进度实行“双监控”，发现问题要分析原因并及时纠正。财政部门要建立重大政策和项目绩效跟踪机制，按照项目进度和绩效情况拨款，对存在严重问题的要暂缓或停止预算拨款，督促及时整改落实。",
    "四(三)4": "各单位要加快实现政策和项目绩效自评全覆盖，如实反映绩效目标实现结果，对绩效目标未达成或目标制定明显不合理的，要作出说明并提出改进措施。财政部门要建立健全绩效评价常态机制，对重大政策和项目组织开展重点绩效评价，不断创新评价方法，提高评价质量。",
    "四(三)5": "各单位要认真落实绩效评价结果反馈和绩效问题整改责任制，形成反馈、整改、提升的良性循环。财政部门要把绩效评价结果与预算安排和政策调整牢固挂钩，按照奖优罚劣的原则，对绩效好的政策和项目原则上优先保障，对绩效一般的政策和项目要督促改进，对交叉重复、碎片化的政策和项目予以调整，对低效无效资金予以削减或取消，对长期沉淀资金予以收回，并按照有关规定统筹用于亟需支持的领域。",
    "五(一)": "",
    "五(二)": "",
    "五(三)": "",
    "五(四)": "强化监督职责。各单位要建立绩效问责机制，对未积极开展预算绩效管理或预算绩效管理未达到相关要求的，要进行绩效问责。各级财政部门要会同审计部门加强预算绩效监督管理，对绩效监控、绩效评估评价结果弄虚作假，或预算执行与绩效目标严重背离的部门、单位及责任人，要提请有关部门进行追责问责。涉及违纪违法行为的，相关部门应当及时移送纪检机关。",
  },
};

/** The 黑河 plan (2017), clauses 27 (量化目标不少于80%) and 28 (考评档次比例, 连续两年未达标问责), as the excerpt prints them. */
export const HEIHE_PLAN: RuleDocument = {
  title: "黑河市“五型政府”建设实施方案",
  number: "",
  clauses: {
    第27条: "量化目标不少于目标总数的80%,难以量化的要提出明确的定性要求。",
    第28条: "严格控制考评结果档次比例,优秀、良好、达标比例原则上按30%、40%、30%分配。年度考评未达标的单位,对单位主要领导进行诫勉谈话。连续两年考评未达标单位,对单位主要领导实行行政问责,中、省直单位则向其上级主管部门提出处理建议。",
  },
};

const plan = (clause: string, quote: string): Citation => ({ document: "shuangyashan-plan", clause, quote });
const heihe = (clause: 27 | 28, quote?: string | string[]): Citation => ({ document: "heihe-plan", clause: `第${clause}条`, quote });
const ministry = (document: string, clause?: string): Citation => ({ document, clause });

/** `shuangyashan-2020`: the plan's clauses with their words, 黑河 clauses 27 and 28, and the Ministry's forms. */
export const SHUANGYASHAN_CITATIONS: Record<Topic, Citation[]> = {
  "target-setting": [plan("四(一)1", "谁申请资金，谁设置目标")],
  "target-form": [ministry("caiyu-2015-88", "项目支出绩效目标申报表")],
  "measurable-targets": [plan("四(一)1", "细化量化、可比可测")],
  "comparable-targets": [plan("四(一)1", "可比可测")],
  "realistic-targets": [plan("四(一)1", "实事求是、规范合理")],
  "realistic-request": [plan("四(二)1", "实事求是、量力而行")],
  "no-target-no-budget": [plan("四(三)2", "未按要求设置绩效目标的项目，不得安排预算")],
  "target-dimensions": [
    plan("四(三)2", "绩效目标不仅要包括产出、成本，还要包括经济效益、社会效益、生态效益、可持续影响和服务对象满意度等绩效指标"),
    ministry("caiyu-2021-101"),
  ],
  "quantified-targets": [plan("四(三)2", "内容应完整、细化、量化"), heihe(27)],
  "cost-indicators": [ministry("caiyu-2021-101", "成本指标")],
  "indicator-tree": [ministry("caiyu-2021-101"), ministry("caiyu-2020-10")],
  "investment-review": [plan("四(二)4", "必须提交投资评审预算报告")],
  "ex-ante-required": [plan("四(三)1", "评估结果作为申请预算的必备要件")],
  "ex-ante-points": [plan("四(三)1", "重点论证立项必要性、投入经济性、绩效目标合理性、实施方案可行性、筹资合规性")],
  "source-control": [plan("四(二)2", "责令申报单位重新申报或终止申报")],
  "dual-monitoring": [plan("四(二)3", "对绩效目标实现程度和预算执行进度实行“双监控”")],
  "monitoring-coverage": [plan("四(三)3", "对绩效目标实现程度和预算执行进度实行“双监控”")],
  "correct-problems": [plan("四(二)3", "发现问题要及时纠正")],
  "explain-deviation": [plan("四(三)3", "发现问题要分析原因并及时纠正")],
  "monitoring-form": [ministry("caiyu-2019-136", "项目支出绩效目标执行监控表")],
  "serious-problems": [plan("四(二)3", "对存在严重问题的政策、项目要暂缓或停止拨款")],
  "fund-by-progress": [plan("四(三)3", "按照项目进度和绩效情况拨款")],
  "self-evaluation-coverage": [plan("四(三)4", "加快实现政策和项目绩效自评全覆盖")],
  "self-evaluation-form": [ministry("caiyu-2020-10", "项目支出绩效自评表")],
  "self-evaluation-truth": [plan("四(二)5", "对报告真实性负责")],
  "explain-shortfall": [plan("四(三)4", "对绩效目标未达成或目标制定明显不合理的，要作出说明并提出改进措施"), ministry("caiyu-2020-10")],
  "qualitative-brackets": [ministry("caiyu-2020-10", "定性指标评分档次")],
  weights: [ministry("caiyu-2020-10", "权重设置")],
  "re-evaluation": [plan("四(二)6", "从数量、质量、实效、成本等方面进行调查审核")],
  "state-problems": [plan("四(二)6", "要客观公正的写明问题实质")],
  falsification: [plan("五(四)", "绩效评估评价结果弄虚作假")],
  "clue-transfer": [plan("四(二)6", "对违法违纪问题，要以线索形式移交纪检部门核实、追责、问责")],
  "discipline-referral": [plan("五(四)", "涉及违纪违法行为的，相关部门应当及时移送纪检机关")],
  "serious-deviation": [plan("五(四)", "预算执行与绩效目标严重背离")],
  accountability: [plan("五(四)", "对未积极开展预算绩效管理或预算绩效管理未达到相关要求的，要进行绩效问责")],
  "two-year-failure": [heihe(28, ["连续两年考评未达标单位", "对单位主要领导实行行政问责"])],
  "grade-shares": [heihe(28, "优秀、良好、达标比例原则上按30%、40%、30%分配")],
  "adjust-overlap": [plan("四(三)5", "对交叉重复、碎片化的政策和项目予以调整")],
  "results-budget-link": [plan("四(三)5", "财政部门要把绩效评价结果与预算安排和政策调整牢固挂钩")],
  "cut-ineffective": [plan("四(三)5", "对低效无效资金予以削减或取消")],
  "recover-idle": [plan("四(三)5", "对长期沉淀资金予以收回")],
  rectify: [plan("四(三)5", "认真落实绩效评价结果反馈和绩效问题整改责任制，形成反馈、整改、提升的良性循环")],
  "rectify-promptly": [plan("四(三)3", "督促及时整改落实")],
};
