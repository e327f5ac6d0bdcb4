import type { LayoutSpec } from "../spec";
import type { Row } from "../../fixtures";

/**
 * 安徽 项目支出绩效自评表 as county and township units publish it (池州市贵池区棠溪镇 2022年度 attachment; 天长市水利局
 * 2022年度 page). Differs from the MoF 10号 sample in: a left-hand 绩效指标 label column, so the indicator grid starts in
 * column B; the 一级指标 cell carries its points, e.g. 产出指标（50分）; 三级指标 numbered 指标1：/指标2：; no 指标性质 column,
 * the comparator, number and unit written together in 年度指标值 (≥85公里); 年初预算数 | 全年预算数 | 全年执行数 | 分值 |
 * 执行率 | 得分 without (A)/(B); a 注 paragraph under 总分 instead of a signature footer.
 * TWO COMPLETE FORMS ONE BELOW THE OTHER on one sheet. Form 1 is clean; form 2 carries a seeded wrong self-score (H40).
 */
const NOTE =
  "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。2.定量指标若为正向指标，得分=全年实际值/年度指标值×该指标分值；若为反向指标，得分=年度指标值/全年实际值×该指标分值。3.定性指标按达成年度指标、部分达成年度指标并具有一定效果、未达成年度指标且效果较差三档，分别按该指标分值的100-80%（含80%）、80-60%（含60%）、60-0%合理确定得分。";

const HEAD: Row = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
const FUNDS_HEAD: Row = ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];

const rows: Row[] = [
  // ---- form 1 (rows 1-22) ----
  ["项目支出绩效自评表"], // 1
  ["（2024年度）"], // 2
  ["项目名称", "农村公路日常养护经费"], // 3
  ["主管部门", "223-池州市贵池区梅村镇人民政府", null, null, "实施单位", "223001-池州市贵池区梅村镇人民政府"], // 4
  FUNDS_HEAD, // 5
  // execution 57.6/60 = 96% -> 10 x 0.96 = 9.6
  [null, "年度资金总额：", 60, 60, 57.6, 10, "96%", 9.6], // 6
  [null, "其中：本年财政拨款", 60, 60, 57.6, null, "96%", null], // 7
  [null, "上年结转资金", null, null, null, null, null, null], // 8
  [null, "其他资金", null, null, null, null, null, null], // 9
  ["年度总体目标", "预期目标", null, null, null, "实际完成情况"], // 10
  [null, "完成全镇85公里农村公路日常养护，路面优良率达到80%以上，保障群众安全便捷出行。", null, null, null, "完成85公里日常养护，路面优良率83%，养护工程全部验收合格。"], // 11
  HEAD, // 12
  [null, "产出指标（50分）", "数量指标", "指标1：养护农村公路里程", "≥85公里", "85公里", 10, 10, null], // 13: 85>=85 -> 10
  [null, null, "质量指标", "指标1：路面优良率", "≥80%", "83%", 10, 10, null], // 14: 83>=80 -> 10
  [null, null, null, "指标2：养护工程验收合格率", "=100%", "100%", 10, 10, null], // 15: = scored as higher-is-better, 100>=100 -> 10
  [null, null, "时效指标", "指标1：路面病害处置时限", "≤7天", "6天", 10, 10, null], // 16: 6<=7 -> 10
  [null, null, "成本指标", "指标1：每公里年养护成本", "≤0.7万元", "0.68万元", 10, 10, null], // 17: 0.68<=0.7 -> 10
  // qualitative, 达成年度指标 bracket 80-100% of 15 = 12-15; 13 kept
  [null, "效益指标（30分）", "社会效益指标", "指标1：群众出行条件改善情况", "明显改善", "达成年度指标", 15, 13, null], // 18
  [null, null, "可持续影响指标", "指标1：公路养护长效机制运行年限", "≥3年", "3年", 15, 15, null], // 19: 3>=3 -> 15
  [null, "满意度指标（10分）", "服务对象满意度指标", "指标1：沿线群众满意度", "≥90%", "92%", 10, 10, null], // 20: 92>=90 -> 10
  // points 10 + 10x5 + 15 + 15 + 10 = 100; score 9.6 + 50 + 13 + 15 + 10 = 97.6
  ["总分", null, null, null, null, null, 100, 97.6, null], // 21
  [NOTE], // 22
  [], // 23
  [], // 24
  // ---- form 2 (rows 25-46) ----
  ["项目支出绩效自评表"], // 25
  ["（2024年度）"], // 26
  ["项目名称", "农村饮水安全工程维修养护经费"], // 27
  ["主管部门", "223-池州市贵池区梅村镇人民政府", null, null, "实施单位", "223001-池州市贵池区梅村镇人民政府"], // 28
  FUNDS_HEAD, // 29
  // execution 37.8/42 = 90% -> 10 x 0.9 = 9.0
  [null, "年度资金总额：", 40, 42, 37.8, 10, "90%", 9], // 30
  [null, "其中：本年财政拨款", 40, 42, 37.8, null, "90%", null], // 31
  [null, "上年结转资金", null, null, null, null, null, null], // 32
  [null, "其他资金", null, null, null, null, null, null], // 33
  ["年度总体目标", "预期目标", null, null, null, "实际完成情况"], // 34
  [null, "维修养护12处农村供水工程，更换老化管网6公里，集中供水水质达标率95%以上。", null, null, null, "完成12处工程维修养护，更换管网5.4公里，水质达标率96%。"], // 35
  HEAD, // 36
  [null, "产出指标（50分）", "数量指标", "指标1：维修养护供水工程处数", "≥12处", "12处", 10, 10, null], // 37: -> 10
  [null, null, null, "指标2：更换老化供水管网长度", "≥6公里", "5.4公里", 10, 9, "部分路段征迁未完成，顺延至2025年实施。"], // 38: 10 x 5.4/6 = 9
  [null, null, "质量指标", "指标1：农村集中供水水质达标率", "≥95%", "96%", 10, 10, null], // 39: -> 10
  // SEEDED DEFECT: lower-is-better, 60 > 48 -> 10 x 48/60 = 8.00, the unit wrote 10 -> score-mismatch at H40
  [null, null, "时效指标", "指标1：供水故障修复时限", "≤48小时", "60小时", 10, 10, "汛期多点同时故障，抢修力量不足，已与专业公司签订应急抢修协议。"], // 40
  [null, null, "成本指标", "指标1：单处维修养护平均成本", "≤3.2万元", "3.15万元", 10, 10, null], // 41: 3.15<=3.2 -> 10
  [null, "效益指标（30分）", "社会效益指标", "指标1：农村自来水普及率", "≥92%", "93%", 15, 15, null], // 42: -> 15
  // qualitative, 部分达成 bracket 60-80% of 15 = 9-12; 10 kept; shortfall has a reason
  [null, null, "可持续影响指标", "指标1：工程良性运行管护机制", "长效运行", "部分达成年度指标并具有一定效果", 15, 10, "村级管水员尚未全覆盖，2025年补齐。"], // 43
  [null, "满意度指标（10分）", "服务对象满意度指标", "指标1：受益群众满意度", "≥90%", "91%", 10, 10, null], // 44: -> 10
  // unit's total 9 + 10+9+10+10+10 + 15+10 + 10 = 93 (recomputed 91)
  ["总分", null, null, null, null, null, 100, 93, null], // 45
  [NOTE], // 46
];

const formMerges = (o: number): string[] => {
  const r = (n: number) => n + o;
  return [
    `A${r(1)}:I${r(1)}`, `A${r(2)}:I${r(2)}`, `B${r(3)}:I${r(3)}`, `B${r(4)}:D${r(4)}`, `F${r(4)}:I${r(4)}`,
    `A${r(5)}:A${r(9)}`, `A${r(10)}:A${r(11)}`, `B${r(10)}:E${r(10)}`, `F${r(10)}:I${r(10)}`, `B${r(11)}:E${r(11)}`, `F${r(11)}:I${r(11)}`,
    `A${r(12)}:A${r(20)}`, `B${r(13)}:B${r(17)}`, `C${r(14)}:C${r(15)}`, `B${r(18)}:B${r(19)}`,
    `A${r(21)}:F${r(21)}`, `A${r(22)}:I${r(22)}`,
  ];
};

const spec: LayoutSpec = {
  id: "prov-anhui-self",
  title: "项目支出绩效自评表（安徽县乡公开样式，一表两项目上下排列）",
  source:
    "安徽省县乡单位公开的项目支出绩效自评表：池州市贵池区棠溪镇人民政府2022年度自评表附件（http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2，贵池区政务公开附件镜像，2022年）；天长市水利局水旱灾害防御股项目支出绩效自评（2022年度，2023-12-05发布）",
  notes:
    "照录：表题与年度分行、主管部门/实施单位带单位编码、资金块列名（年初预算数、全年预算数、全年执行数、分值、执行率、得分，不带A/B）、左侧‘绩效指标’竖排标签列、一级指标格内写分值（产出指标（50分））、三级指标‘指标1：’编号、年度指标值内含比较符和单位、总分行、表下‘注：’。" +
    "注的第1句照录天长市表；第2、3句按两份来源共同的财预〔2020〕10号口径概括。两张完整表上下排列于同一工作表，是对乡镇把多个项目自评表连续放在同一附件中的还原，同一工作表内上下排列为本语料的构造。" +
    "内容虚构。表1无缺陷；表2故意把‘供水故障修复时限’（≤48小时，实际60小时）自评为满分10分，应得10×48/60=8.00分。",
  sheets: [{ name: "项目支出绩效自评表", rows, merges: [...formMerges(0), ...formMerges(24)] }],
  projects: [
    {
      sheet: "项目支出绩效自评表",
      name: "农村公路日常养护经费",
      kind: "self-evaluation",
      indicators: 8, // rows 13-20
      // execution min(57.6/60,1) x 10 = 9.6; indicators 10+10+10+10+10 + 13 + 15 + 10 = 88; total 97.6 -> 优
      selfEvaluation: { executionScore: 9.6, score: 97.6, grade: "优" },
      absent: ["indicator-name-missing", "score-mismatch", "score-above-points", "points-sum", "qualitative-out-of-bracket", "deviation-reason-missing", "unreadable-value"],
    },
    {
      sheet: "项目支出绩效自评表",
      name: "农村饮水安全工程维修养护经费",
      kind: "self-evaluation",
      indicators: 8, // rows 37-44
      // execution min(37.8/42,1) x 10 = 9.0
      // indicators 10 + 10x5.4/6=9 + 10 + 10x48/60=8 + 10 + 15 + 10 (部分达成, in 9-12) + 10 = 82
      // total 9 + 82 = 91 -> 优 (unit claimed 93)
      selfEvaluation: { executionScore: 9, score: 91, grade: "优" },
      findings: [{ code: "score-mismatch", cell: "H40" }],
      absent: ["indicator-name-missing", "score-above-points", "points-sum", "qualitative-out-of-bracket", "deviation-reason-missing"],
    },
  ],
};

export default spec;
