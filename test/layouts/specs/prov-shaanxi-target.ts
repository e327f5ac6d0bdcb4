import type { LayoutSpec } from "../spec";

/**
 * 陕西 县级 财政支出项目绩效目标申报表 (佳县, 2016 template). Differs from the MoF form in: title carrying the county name;
 * 填报单位（盖章）; 项目实施单位; 项目资金申请（万元） broken into 资金总额 / 财政拨款 / 自有资金 / 事业收入 / 经营性收入 / 其他;
 * 单位职能概述; 项目概况; 项目立项情况; 项目实施进度计划; 长期目标 | 年度目标; two grids 长期绩效指标 and 年度绩效指标 with
 * 一级指标 | 二级指标 | 指标内容 | 指标值 | 备注, 效益 level 2 called 环境效益指标 (not 生态效益), 满意度 as
 * 服务对象满意度指标 | 具体指标; footer 其他说明的问题, 填报人 / 单位负责人 / 填报日期.
 * BLANK SPACER COLUMNS: B, D and F are empty, unmerged columns between fields throughout. Clean table.
 */
const spec: LayoutSpec = {
  id: "prov-shaanxi-target",
  title: "佳县财政支出项目绩效目标申报表（陕西县级模板，含空白间隔列）",
  source:
    "陕西省榆林市佳县《财政支出项目绩效目标申报表》及填报说明（2016年模板），文档转载 https://docx.baby/p/20793843881926.html",
  notes:
    "照录：表题、年度、填报单位（盖章）、项目名称、项目属性（新增项目□ 延续项目□）、主管部门、主管部门编码、项目实施单位、项目负责人、联系电话、项目起止时间、项目资金申请（万元）六项、单位职能概述、项目概况、项目立项情况三项、项目实施进度计划、项目绩效目标（长期目标 | 年度目标）、长期绩效指标与年度绩效指标两组表格及列名、二级指标‘环境效益指标’、满意度‘服务对象满意度指标 | 具体指标’、其他说明的问题、填报人/单位负责人/填报日期。" +
    "B、D、F三列为空白间隔列：模板原为Word表格，转成Excel时标签格与填写格之间留下未合并的窄空列，此处按这种常见转换结果构造，来源本身看不到列宽。" +
    "预期读法：年度绩效指标（7个）为本年度三级指标，长期绩效指标不计入本年度、不作重复指标；环境效益指标读作效益类。其他资金 = 自有资金 + 事业收入 + 经营性收入 + 其他 = 0。内容虚构，无缺陷。",
  sheets: [
    {
      name: "绩效目标申报表",
      rows: [
        ["佳县财政支出项目绩效目标申报表"], // 1
        ["（2025年度）"], // 2
        ["填报单位（盖章）", null, "佳县林业局"], // 3
        ["项目名称", null, "红枣病虫害统防统治补助", null, "项目属性", null, "新增项目□  延续项目√"], // 4
        ["主管部门", null, "佳县林业局", null, "主管部门编码", null, "612728"], // 5
        ["项目实施单位", null, "佳县经济林技术推广站", null, "项目负责人", null, "王某"], // 6
        ["联系电话", null, "0912-672XXXX", null, "项目起止时间", null, "2025年3月—2025年10月"], // 7
        ["项目资金申请（万元）", null, "资金总额：", null, 150], // 8: 150 + 0 + 0 + 0 + 0
        [null, null, "财政拨款：", null, 150], // 9
        [null, null, "自有资金：", null, 0], // 10
        [null, null, "事业收入：", null, 0], // 11
        [null, null, "经营性收入：", null, 0], // 12
        [null, null, "其他：", null, 0], // 13
        ["单位职能概述", null, "负责全县林业生产技术推广、经济林病虫害监测与防治指导。"], // 14
        ["项目概况", null, "对全县20万亩枣园开展枣实蝇、枣疯病等主要病虫害统防统治，由专业化防治组织统一作业。"], // 15
        ["项目立项情况", null, "项目立项的依据", null, "《陕西省林业有害生物防治条例》及县政府红枣产业发展规划"], // 16
        [null, null, "项目申报的可行性", null, "全县已有专业化防治服务组织8个，作业能力满足需要。"], // 17
        [null, null, "项目申报的必要性", null, "近年枣园病虫害发生面积扩大，分散防治效果差。"], // 18
        ["项目实施进度计划", null, "项目实施内容", null, "开始时间", null, "完成时间"], // 19
        [null, null, "1、春季病虫害监测与防治", null, "2025年3月", null, "2025年5月"], // 20
        [null, null, "2、果期统防统治作业及验收", null, "2025年6月", null, "2025年10月"], // 21
        ["项目绩效目标", null, "长期目标", null, "年度目标"], // 22
        [null, null, "建立覆盖全县枣园的专业化统防统治体系，红枣商品果率稳定在85%以上。", null, "完成统防统治20万亩，防治效果85%以上，挽回产量损失3000吨以上。"], // 23
        ["长期绩效指标"], // 24
        ["一级指标", null, "二级指标", null, "指标内容", null, "指标值", "备注"], // 25
        ["产出指标", null, "数量指标", null, "统防统治覆盖枣园面积比例", null, "≥80%", null], // 26
        ["效益指标", null, "经济效益指标", null, "红枣商品果率", null, "≥85%", null], // 27
        [null, null, "可持续影响指标", null, "专业化防治服务组织数", null, "≥10个", null], // 28
        ["服务对象满意度指标", null, "具体指标", null, "枣农满意度", null, "≥92%", null], // 29
        ["年度绩效指标"], // 30
        ["一级指标", null, "二级指标", null, "指标内容", null, "指标值", "备注"], // 31
        ["产出指标", null, "数量指标", null, "红枣病虫害统防统治面积", null, "≥20万亩", null], // 32
        [null, null, "质量指标", null, "病虫害防治效果", null, "≥85%", null], // 33
        [null, null, "时效指标", null, "关键防治期作业完成率", null, "≥95%", null], // 34
        [null, null, "成本指标", null, "亩均防治成本", null, "≤7.5元/亩", "20万亩×7.5元/亩=150万元"], // 35
        ["效益指标", null, "经济效益指标", null, "挽回红枣产量损失", null, "≥3000吨", null], // 36
        [null, null, "环境效益指标", null, "化学农药使用量较上年减少", null, "≥10%", null], // 37
        ["服务对象满意度指标", null, "具体指标", null, "枣农满意度", null, "≥90%", null], // 38
        ["其他说明的问题", null, "无"], // 39
        ["填报人：张某", null, null, null, "单位负责人：刘某", null, "填报日期：2024年10月25日"], // 40
      ],
      // spacer columns B, D, F are never merged
      merges: ["A1:H1", "A2:H2", "A8:A13", "A16:A18", "A19:A21", "A22:A23", "A24:H24", "A27:A28", "A30:H30", "A32:A35", "A36:A37", "G22:H22", "G23:H23"],
    },
  ],
  projects: [
    {
      sheet: "绩效目标申报表",
      name: "红枣病虫害统防统治补助",
      kind: "target",
      indicators: 7, // 年度绩效指标 rows 32-38; 长期 rows 26-29 not counted
      targetVerdict: "通过", // 数量/质量/时效/成本, 经济+环境效益, 满意度 present; 7/7 quantified; 150 = 150 + 0
      absent: [
        "indicator-name-missing", "missing-field", "missing-dimension", "funds-mismatch", "target-not-measurable",
        "missing-comparator", "missing-unit", "direction-mismatch", "duplicate-indicator", "quantified-ratio-low",
      ],
    },
  ],
};

export default spec;
