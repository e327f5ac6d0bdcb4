import type { LayoutSpec } from "../spec";
import type { Row, SheetDef } from "../../fixtures";

/**
 * 财预〔2020〕10号 附件 项目支出绩效自评表, as printed (columns A–I):
 * - 项目资金（万元）merged on the left over its header row and four rows (年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金),
 *   columns 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分; the sub-rows carry the printed “—” in 分值/得分.
 * - 年度总体目标: 预期目标 | 实际完成情况.
 * - 绩效指标 merged in column A over the header row and every indicator row; 一级/二级 merged down.
 * - 总分 row.
 * Two sheets: the first is clean; the second has ONE SEEDED DEFECT (a 定性 score outside its 10号 bracket).
 */

function selfSheet(p: {
  name: string;
  title: string;
  dept: string;
  unit: string;
  funds: [number, number, number, string, number]; // 年初, 全年预算(A), 全年执行(B), 执行率, 得分
  goal: [string, string];
  indicators: Row[]; // rows 13..20, columns A..I
  merges: string[];
  total: number;
}): SheetDef {
  const [a0, a, b, rate, score] = p.funds;
  return {
    name: p.name,
    rows: [
      ["项目支出绩效自评表"],
      ["（2025年度）"],
      ["项目名称", p.title],
      ["主管部门", p.dept, null, null, "实施单位", p.unit],
      ["项目资金（万元）", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", null, a0, a, b, 10, rate, score],
      [null, "其中：当年财政拨款", null, a0, a, b, "—", rate, "—"],
      [null, "上年结转资金", null, 0, 0, 0, "—", "—", "—"],
      [null, "其他资金", null, 0, 0, 0, "—", "—", "—"],
      ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
      [null, p.goal[0], null, null, null, p.goal[1]],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ...p.indicators,
      ["总分", null, null, null, null, null, 100, p.total],
    ],
    merges: [
      "A1:I1",
      "A2:I2",
      "B3:I3",
      "B4:D4",
      "F4:I4",
      "A5:A9", // 项目资金（万元）
      "B5:C5",
      "B6:C6",
      "B7:C7",
      "B8:C8",
      "B9:C9",
      "A10:A11",
      "B10:E10",
      "F10:I10",
      "B11:E11",
      "F11:I11",
      "A12:A20", // the merged group label 绩效指标 over header + 8 indicator rows
      ...p.merges,
      "A21:F21", // 总分
    ],
  };
}

const library = selfSheet({
  name: "自评表（图书馆）",
  title: "2025年市级公共文化场馆免费开放补助",
  dept: "佳木斯市文化广电和旅游局",
  unit: "佳木斯市图书馆",
  funds: [120, 120, 114, "95%", 9.5], // 10 × min(114/120, 1) = 10 × 0.95 = 9.5
  goal: [
    "全年免费开放不少于300天，接待读者30万人次以上，举办公益讲座、展览120场，形成覆盖全市各县（区）的全民阅读品牌活动。",
    "全年免费开放306天，接待读者32.6万人次，举办讲座、展览108场，全民阅读品牌活动覆盖全部县（区）。",
  ],
  indicators: [
    [null, "产出指标", "数量指标", "年接待读者人次", "≥30万人次", "32.6万人次", 15, 15, null],
    [null, null, null, "举办公益讲座、展览场次", "≥120场", "108场", 10, 9, "下半年场馆改造暂停活动1个月；下年度提前安排场次计划"],
    [null, null, "质量指标", "新购图书编目上架合格率", "≥98%", "99%", 10, 10, null],
    [null, null, "时效指标", "新书上架周期", "≤30天", "35天", 8, 6.86, "编目人员不足；已通过购买服务补充编目力量"],
    [null, null, "成本指标", "单场讲座平均成本", "≤0.3万元", "0.28万元", 7, 7, null],
    [null, "效益指标", "社会效益指标", "全民阅读品牌活动开展情况", "形成覆盖全市各县（区）的全民阅读品牌活动", "达成年度指标", 15, 14, "个别县（区）活动场次偏少，下年度加强统筹"],
    [null, null, "可持续影响指标", "数字阅读平台持续服务年限", "≥3年", "3年", 15, 15, null],
    [null, "满意度指标", "服务对象满意度指标", "读者满意度", "≥90%", "93%", 10, 10, null],
  ],
  merges: ["B13:B17", "C13:C14", "B18:B19"],
  total: 96.36, // 9.5 + 15 + 9 + 10 + 6.86 + 7 + 14 + 15 + 10
});

// SEEDED DEFECT (second sheet): H19 — 部分达成年度指标并具有一定效果 on 15 points has the bracket 60%（含）–80% = [9, 12);
// the unit wrote 13, outside it.
const health = selfSheet({
  name: "自评表（健康教育）",
  title: "2025年基层健康教育与健康素养促进",
  dept: "佳木斯市卫生健康委员会",
  unit: "佳木斯市健康教育所",
  funds: [80, 85, 85, "100%", 10], // 10 × min(85/85, 1) = 10
  goal: [
    "开展健康教育讲座200场以上，发放健康教育资料5万份，居民健康素养水平达到28%，健康生活方式知晓和践行水平有效提升。",
    "开展讲座214场，发放资料5.2万份，居民健康素养水平29.1%；健康生活方式养成工作部分达成。",
  ],
  indicators: [
    [null, "产出指标", "数量指标", "开展健康教育讲座场次", "≥200场", "214场", 15, 15, null],
    [null, null, null, "发放健康教育资料份数", "≥5万份", "5.2万份", 10, 10, null],
    [null, null, "质量指标", "健康素养监测样本完成率", "≥95%", "97%", 10, 10, null],
    [null, null, "时效指标", "监测数据上报及时率", "≥95%", "100%", 8, 8, null],
    [null, null, "成本指标", "单场讲座平均成本", "≤0.15万元", "0.14万元", 7, 7, null],
    [null, "效益指标", "社会效益指标", "居民健康素养水平", "≥28%", "29.1%", 15, 15, null],
    [null, null, null, "居民健康生活方式养成情况", "健康生活方式知晓和践行水平有效提升", "部分达成年度指标并具有一定效果", 15, 13, "农村地区干预覆盖不足；下年度增加入户指导"],
    [null, "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "92%", 10, 10, null],
  ],
  merges: ["B13:B17", "C13:C14", "B18:B19", "C18:C19"],
  total: 98, // 10 + 15 + 10 + 10 + 8 + 7 + 15 + 13 + 10, as the unit wrote it
});

const spec: LayoutSpec = {
  id: "mof-10-self",
  title: "项目支出绩效自评表（财预〔2020〕10号附件）",
  source:
    "财政部《项目支出绩效评价管理办法》（财预〔2020〕10号，2020年2月）附件“项目支出绩效自评表”；定性指标三档（达成年度指标 100-80%（含）、" +
    "部分达成年度指标并具有一定效果 80-60%（含）、未达成年度指标且效果较差 60-0%）及权重（预算执行率10%、产出50%、效益30%、满意度10%）见办法正文。" +
    "版式经地方按原表公开的自评表核对：安徽天长市水利局“项目支出绩效自评表（2022年度）”（项目资金（万元）年初预算数/全年预算数(A)/全年执行数(B)/分值/执行率(B/A)/得分，" +
    "年度资金总额、其中：本年财政拨款、上年结转资金、其他资金，预期目标/实际完成情况，一级指标/二级指标/三级指标/年度指标值/实际完成值/分值/得分/偏差原因分析及改进措施，总分）；" +
    "云南丽江古城区“2020年度项目支出绩效自评表”（http://m.jjiadianqingjie.com.cn/changyong/13241.html，同一列集，“绩效指标”作左侧合并标签）。",
  notes:
    "列名按10号原表（不带(A)(B)）；子行分值/得分的“—”按原表印样。第一张表为干净表；第二张表在H19故意填入档外分值。" +
    "第二张表不给出总分期望：档外的定性分值如何重算（保留、截到档内）规则未定，只期望报出 qualitative-out-of-bracket。示例内容为虚构。",
  sheets: [library, health],
  projects: [
    {
      sheet: "自评表（图书馆）",
      name: "2025年市级公共文化场馆免费开放补助",
      kind: "self-evaluation",
      indicators: 8,
      selfEvaluation: {
        executionScore: 9.5, // 10 × min(114/120, 1) = 9.5
        // 9.5 + 15 (32.6 ≥ 30) + 10×108/120 = 9.00 + 10 (99 ≥ 98) + 8×30/35 = 6.857 → 6.86 (≤, B > A) + 7 (0.28 ≤ 0.3)
        // + 14 (达成年度指标, bracket [12, 15], kept) + 15 (3 ≥ 3) + 10 (93 ≥ 90) = 96.36
        score: 96.36,
        grade: "优", // 96.36 ≥ 90
      },
      absent: [
        "qualitative-out-of-bracket",
        "score-mismatch",
        "score-above-points",
        "points-sum", // 10 + 15+10+10+8+7 + 15+15 + 10 = 100
        "deviation-reason-missing", // both shortfalls (108场, 35天) have a reason in column I
        "indicator-name-missing",
        "unreadable-value", // the printed “—” in G7:G9 / I7:I9 are not values to read
      ],
    },
    {
      sheet: "自评表（健康教育）",
      name: "2025年基层健康教育与健康素养促进",
      kind: "self-evaluation",
      indicators: 8,
      findings: [
        // seeded: 部分达成年度指标并具有一定效果 → [60%, 80%) × 15 = [9, 12); 13 is outside
        { code: "qualitative-out-of-bracket", cell: "H19" },
      ],
      absent: ["score-above-points", "points-sum", "indicator-name-missing", "deviation-reason-missing"],
    },
  ],
};

export default spec;
