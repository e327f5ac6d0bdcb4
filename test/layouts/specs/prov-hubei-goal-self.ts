import type { LayoutSpec } from "../spec";

/**
 * 湖北 项目绩效目标自评表 (the form 湖北 units filed before the 10号 layout): 填报日期 and 总分 “____分” in the header
 * line; 项目类别 / 项目属性 / 项目类型 as tick lists; 预算执行情况（万元）（20分） with 预算数（A）| 执行数（B）|
 * 执行率（B/A）| 得分（20分*执行率）; then ONE indicator grid 一级指标 | 二级指标 | 三级指标 | 年初目标值（A）|
 * 实际完成值（B）| 得分 — with NO 分值 column. Points are only stated for whole blocks, in the 一级 cell
 * (“产出指标（50分）”, “效益指标（30分）”), and the 得分 cell is merged over each 二级 block (one score for the four
 * 数量 indicators, one for the three 成本 indicators …), sometimes with the reason written into it.
 *
 * The 服务对象满意度指标 block is laid out under 效益指标 (B20) with nothing in it, as in the published form.
 * The form ends with 过程指标 (评审程序是否公正 是/是, no score), 偏差大或目标未完成原因分析, 改进措施及结果应用方案 and 备注.
 */
const spec: LayoutSpec = {
  id: "prov-hubei-goal-self",
  title: "项目绩效目标自评表（湖北式样：执行率20分，年初目标值/实际完成值，块内合并得分，无分值列）",
  source:
    "湖北省式样：湖北工程学院《年学生资助项目绩效目标自评表》（主管部门湖北省教育厅；填报日期、总分 分；项目类别 1、部门预算项目 2、省直专项 3、省对下转移支付项目；" +
    "预算执行情况(万元)(分) 预算数(A) 执行数(B) 执行率(B/A) 得分(分*执行率)；一级指标 二级指标 三级指标 年初目标值(A) 实际完成值(B) 得分；" +
    "产出指标 数量/成本指标，效益指标(分) 社会效益指标，服务对象满意度指标，过程指标 评审程序是否公正），转载 https://m.777doc.com/doc-4336759.html ；" +
    "同一式样另见黄冈市水土保持与农田水利科研所《2020年度水土保持监测项目绩效自评表》（2021年3月10日填报，预算执行情况（万元）（20分），总分99.6，" +
    "备注“预算执行情况口径：预算数为调整后财政资金”；转载页地址未能取得）。",
  notes:
    "照录：表题、填报日期与“总分：  分”同一行；项目名称、主管部门、项目实施单位；项目类别/项目属性/项目类型勾选行；预算执行情况（万元）（20分）一块及其列名；" +
    "指标表六列（无分值列）；一级指标格内写分值；得分按二级指标块合并、可写原因；空的服务对象满意度指标行；过程指标行；表尾原因分析、改进措施和备注。" +
    "来源页为文本转载，一级指标格内的具体分值、得分格是否按块合并系据转载文字顺序判断（“数量…国家奖学金人数 分(因全校总人数减少…)”）；备注文字取自黄冈同式样表。" +
    "学校、项目、金额、指标值、得分为虚构示例。",
  sheets: [
    {
      name: "项目绩效目标自评表",
      rows: [
        ["2024年度项目绩效目标自评表"], // 1
        ["填报日期：2025年3月10日", null, null, "总分：", 97.6, "分"], // 2: the stated total
        ["项目名称", "2024年家庭经济困难学生资助项目"], // 3
        ["主管部门", "湖北省教育厅", "项目实施单位", "湖北荆江职业技术学院"], // 4
        ["项目类别", "1、部门预算项目☑    2、省直专项□    3、省对下转移支付项目□"], // 5
        ["项目属性", "1、持续性项目☑    2、新增性项目□"], // 6
        ["项目类型", "1、常年性项目☑    2、延续性项目□    3、一次性项目□"], // 7
        ["预算执行情况（万元）（20分）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）"], // 8
        ["年度财政资金总额", 856, 838.88, "98%", 19.6], // 9: 838.88 / 856 = 98%; 20 × 0.98 = 19.6
        ["一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"], // 10
        ["产出指标（50分）", "数量指标", "国家奖学金人数", "6人", "6人", "28分（因在校生总数减少，国家助学金名额相应减少，资助比例未降低）"], // 11
        [null, null, "国家励志奖学金人数", "186人", "186人"], // 12
        [null, null, "国家助学金人数", "2450人", "2310人"], // 13
        [null, null, "应征入伍学生资助人数", "40人", "43人"], // 14
        [null, "成本指标", "国家奖学金人均资助标准", "8000元", "8000元", "20分"], // 15
        [null, null, "国家励志奖学金人均资助标准", "5000元", "5000元"], // 16
        [null, null, "国家助学金人均资助标准", "3300元", "3300元"], // 17
        ["效益指标（30分）", "社会效益指标", "资助资金发放率", "100%", "100%", "30分"], // 18
        [null, null, "困难学生完成学业率", "≥95%", "98%"], // 19
        [null, "服务对象满意度指标", null, null, null, null], // 20: laid out, empty
        ["过程指标", null, "评审程序是否公正", "是", "是"], // 21
        ["偏差大或目标未完成原因分析", "国家助学金受助人数少于年初目标140人，系在校生总数减少、名额按比例下达所致。"], // 22
        ["改进措施及结果应用方案", "年初按在校生预计数测算资助目标；资助资金按学期及时发放。"], // 23
        ["备注：1.预算执行情况口径：预算数为调整后财政资金预算数，执行数为实际支出数。2.得分按指标完成情况填写，未完成的须在原因分析中说明。"], // 24
      ],
      merges: [
        "A1:F1", "A2:C2",
        "B3:F3", "D4:F4", "B5:F5", "B6:F6", "B7:F7",
        "E8:F8", "E9:F9",
        "A11:A17", "B11:B14", "F11:F14", "B15:B17", "F15:F17",
        "A18:A20", "B18:B19", "F18:F19",
        "A21:B21",
        "B22:F22", "B23:F23", "A24:F24",
      ],
    },
  ],
  projects: [
    {
      sheet: "项目绩效目标自评表",
      name: "2024年家庭经济困难学生资助项目",
      kind: "self-evaluation",
      // 三级指标: 数量 4 + 成本 3 + 社会效益 2 + 过程 1 = 10 (the empty 满意度 row is not an indicator)
      indicators: 10,
      findings: [{ code: "missing-dimension", cell: "B20" }], // 服务对象满意度指标 laid out with nothing in it
      // points stated: 20 (执行) + 50 (产出) + 30 (效益) = 100 → no points error
      absent: ["points-sum"],
      // No per-indicator 分值 exists, and the 得分 is given per block (28 for the four 数量 indicators, 20, 30), so no
      // indicator's score can be recomputed from A/B. The form's own total: 总分 97.6 (E2) = 19.6 + 28 + 20 + 30 → 优,
      // shown 未经重算. The execution figure is stated with the form's own 20 points (20 × 838.88/856 = 19.6); whether a
      // reading should score execution on 20 (the form) or 10 (the rule set) is not asserted here.
      selfEvaluation: { score: null, stated: 97.6, recomputed: false, grade: "优" },
      // Decision: the stated grade's mapping under shuangyashan-2020 (优 → 优先保障); see dept-kouan-yqyb-evaluation.
      decision: "优先保障",
    },
  ],
};

export default spec;
