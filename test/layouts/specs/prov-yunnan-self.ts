import type { LayoutSpec } from "../spec";

/**
 * 云南 项目支出绩效自评表 as published by a county unit of 丽江市 (古城区自然资源局, 2020年度). Differs from the MoF 10号
 * sample in its TWO-ROW indicator header: row 1 绩效指标 (over 一级 | 二级 | 三级) | 年度指标值 (over 指标性质 | 指标值 |
 * 度量单位) | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 (these four merged over both rows); row 2 the sub-headers.
 * So the target is split into comparator, number and unit under one 年度指标值 heading, and the actual value is a bare
 * number. The source also writes the comparator as the small form equals sign "﹦" (U+FE66); kept in one row.
 * Clean table.
 */
const spec: LayoutSpec = {
  id: "prov-yunnan-self",
  title: "项目支出绩效自评表（云南丽江县区公开样式，年度指标值两行表头）",
  source:
    "云南省丽江市古城区自然资源局《2020年度项目支出绩效自评表》（2020年省级自然资源卫片执法补助经费），2021-06-28公开，转载 http://m.jjiadianqingjie.com.cn/changyong/13241.html",
  notes:
    "照录：表题“20XX年度项目支出绩效自评表”、项目名称/主管部门/实施单位、项目资金（万元）块（年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分；年度资金总额、其中：当年财政拨款、上年结转资金、其他资金）、年度总体目标（预期目标 | 实际完成情况）、两行指标表头及其合并方式、指标分值合计90加执行率10。" +
    "比较符“﹦”（全角小等号U+FE66）照录来源，应读作“=”。来源网页未显示表尾与总分行；总分行按财预〔2020〕10号样表补入，未见签字栏。内容虚构，无缺陷。",
  sheets: [
    {
      name: "项目支出绩效自评表",
      rows: [
        ["2024年度项目支出绩效自评表"], // 1
        ["项目名称", "城区公共厕所运行管护经费"], // 2
        ["主管部门", "丽江市古城区住房和城乡建设局", null, null, null, "实施单位", "丽江市古城区环境卫生管理站"], // 3
        ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], // 4
        // execution 80.75/85 = 95% -> 10 x 0.95 = 9.5
        [null, "年度资金总额", 85, 85, 80.75, 10, "95%", 9.5], // 5
        [null, "其中：当年财政拨款", 85, 85, 80.75, null, "95%", null], // 6
        [null, "上年结转资金", null, null, null, null, null, null], // 7
        [null, "其他资金", null, null, null, null, null, null], // 8
        ["年度总体目标", "预期目标", null, null, null, null, "实际完成情况"], // 9
        [null, "完成城区64座公共厕所日常保洁和设施管护，公厕开放率95%以上，群众及游客满意度90%以上。", null, null, null, null, "64座公厕全部纳入管护，开放率97%，保洁检查合格率98%，满意度94%。"], // 10
        ["绩效指标", null, null, "年度指标值", null, null, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"], // 11
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"], // 12
        ["产出指标", "数量指标", "管护公厕数量", "≥", 64, "座", 64, 15, 15, null], // 13: 64>=64 -> 15
        // "﹦" is "=", scored higher-is-better: 10 x 98/100 = 9.8; shortfall, reason written
        [null, "质量指标", "公厕保洁检查合格率", "﹦", 100, "%", 98, 10, 9.8, "2座公厕供水管道冻裂停用检修，已更换保温管材。"], // 14
        [null, "时效指标", "设施故障修复时限", "≤", 24, "小时", 20, 10, 10, null], // 15: 20<=24 -> 10
        [null, "成本指标", "单座公厕年管护成本", "≤", 1.33, "万元", 1.26, 15, 15, null], // 16: 1.26<=1.33 -> 15
        ["效益指标", "社会效益指标", "公厕开放率", "≥", 95, "%", 97, 15, 15, null], // 17: -> 15
        [null, "生态效益指标", "粪污无害化处理率", "≥", 90, "%", 92, 15, 15, null], // 18: -> 15
        ["满意度指标", "服务对象满意度指标", "群众及游客满意度", "≥", 90, "%", 94, 10, 10, null], // 19: -> 10
        // points 10 + 15+10+10+15+15+15+10 = 100; score 9.5 + 89.8 = 99.3
        ["总分", null, null, null, null, null, null, 100, 99.3, null], // 20
      ],
      merges: [
        "A1:K1", "B2:K2", "B3:E3", "G3:K3", "A4:A8", "A9:A10", "B9:F9", "G9:K9", "B10:F10", "G10:K10",
        "A11:C11", "D11:F11", "G11:G12", "H11:H12", "I11:I12", "J11:K12",
        "A13:A16", "A17:A18", "J13:K13", "J14:K14", "J15:K15", "J16:K16", "J17:K17", "J18:K18", "J19:K19", "A20:G20", "J20:K20",
      ],
    },
  ],
  projects: [
    {
      sheet: "项目支出绩效自评表",
      name: "城区公共厕所运行管护经费",
      kind: "self-evaluation",
      indicators: 7, // rows 13-19
      // execution min(80.75/85,1) x 10 = 9.5
      // indicators 15 + 10x98/100=9.8 + 10 + 15 + 15 + 15 + 10 = 89.8; total 99.3 -> 优
      selfEvaluation: { executionScore: 9.5, score: 99.3, grade: "优" },
      absent: ["indicator-name-missing", "score-mismatch", "score-above-points", "points-sum", "deviation-reason-missing", "unreadable-value"],
    },
  ],
};

export default spec;
