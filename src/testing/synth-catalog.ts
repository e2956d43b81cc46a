/**
 * Data behind the synthetic budget generator (synth.ts): departments and their units, the basic-
 * spending items with plausible yearly amounts, and project templates with 测算依据 and 绩效目标 text.
 *
 * Codes and names follow shared/domain/budget-domain.md §2.2–§2.3 (项 codes not listed there follow
 * the usual xx01 行政运行 / xx50 事业运行 / xx99 其他 pattern under a 款 the domain file names).
 * Amounts are yearly figures in 元 for a unit of about forty staff; synth.ts scales them per unit.
 */

export type SectorKey = 'general' | 'education' | 'culture' | 'social' | 'health' | 'urban' | 'agriculture';

export const SECTOR_KEYS: ReadonlyArray<SectorKey> = ['education', 'health', 'general', 'culture', 'urban', 'social', 'agriculture'];

/** Canonical fund sources (SPEC §2.1), in the order of the wide layout's part columns. */
export const FUND_SOURCES = ['一般公共预算拨款', '政府性基金预算拨款', '财政专户管理资金', '单位资金'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export const UNIT_KINDS = ['行政单位', '参照公务员法管理事业单位', '事业单位'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 支出功能分类 项 codes used by the generator, with their names. */
export const FUNCTION_NAMES: Readonly<Record<string, string>> = {
  '2010301': '行政运行',
  '2010302': '一般行政管理事务',
  '2010350': '事业运行',
  '2010399': '其他政府办公厅（室）及相关机构事务支出',
  '2050101': '行政运行',
  '2050102': '一般行政管理事务',
  '2050199': '其他教育管理事务支出',
  '2050201': '学前教育',
  '2050202': '小学教育',
  '2050203': '初中教育',
  '2050204': '高中教育',
  '2050299': '其他普通教育支出',
  '2050302': '中等职业教育',
  '2050803': '培训支出',
  '2059999': '其他教育支出',
  '2070101': '行政运行',
  '2070104': '图书馆',
  '2070105': '文化展示及纪念机构',
  '2070108': '文化活动',
  '2070109': '群众文化',
  '2070112': '文化和旅游市场管理',
  '2070113': '旅游宣传',
  '2070114': '文化和旅游管理事务',
  '2070199': '其他文化和旅游支出',
  '2070308': '群众体育',
  '2079903': '文化产业发展专项支出',
  '2080201': '行政运行',
  '2080501': '行政单位离退休',
  '2080502': '事业单位离退休',
  '2080505': '机关事业单位基本养老保险缴费支出',
  '2080506': '机关事业单位职业年金缴费支出',
  '2081002': '老年福利',
  '2081901': '城市最低生活保障金支出',
  '2081902': '农村最低生活保障金支出',
  '2082001': '临时救助支出',
  '2082102': '农村特困人员救助供养支出',
  '2100101': '行政运行',
  '2100199': '其他卫生健康管理事务支出',
  '2100302': '乡镇卫生院',
  '2100401': '疾病预防控制机构',
  '2100403': '妇幼保健机构',
  '2100408': '基本公共卫生服务',
  '2100409': '重大公共卫生服务',
  '2100717': '计划生育服务',
  '2101101': '行政单位医疗',
  '2101102': '事业单位医疗',
  '2120101': '行政运行',
  '2120104': '城管执法',
  '2120199': '其他城乡社区管理事务支出',
  '2120399': '其他城乡社区公共设施支出',
  '2120501': '城乡社区环境卫生',
  '2120601': '建设市场管理与监督',
  '2120803': '城市建设支出',
  '2130101': '行政运行',
  '2130104': '事业运行',
  '2130108': '病虫害控制',
  '2130199': '其他农业农村支出',
  '2130306': '水利工程运行与维护',
  '2210201': '住房公积金',
  '2210203': '购房补贴',
};

/** 部门预算支出经济分类 款 codes used by the generator, with their names. */
export const ECONOMIC_NAMES: Readonly<Record<string, string>> = {
  '30101': '基本工资',
  '30102': '津贴补贴',
  '30103': '奖金',
  '30107': '绩效工资',
  '30108': '机关事业单位基本养老保险缴费',
  '30109': '职业年金缴费',
  '30110': '职工基本医疗保险缴费',
  '30112': '其他社会保障缴费',
  '30113': '住房公积金',
  '30199': '其他工资福利支出',
  '30201': '办公费',
  '30202': '印刷费',
  '30205': '水费',
  '30206': '电费',
  '30207': '邮电费',
  '30209': '物业管理费',
  '30211': '差旅费',
  '30213': '维修（护）费',
  '30215': '会议费',
  '30216': '培训费',
  '30217': '公务接待费',
  '30218': '专用材料费',
  '30226': '劳务费',
  '30227': '委托业务费',
  '30228': '工会经费',
  '30229': '福利费',
  '30231': '公务用车运行维护费',
  '30239': '其他交通费用',
  '30299': '其他商品和服务支出',
  '30302': '退休费',
  '30305': '生活补助',
  '30306': '救济费',
  '30308': '助学金',
  '30309': '奖励金',
  '30399': '其他对个人和家庭的补助',
  '31002': '办公设备购置',
  '31003': '专用设备购置',
  '31005': '基础设施建设',
  '31006': '大型修缮',
  '31007': '信息网络及软件购置更新',
};

/**
 * Which function code a basic-spending item is booked under: the unit's own 行政运行/事业运行 项
 * ('own'), or the shared social-security, medical, housing and retirement 项.
 */
export type BasicFunction = 'own' | 'pension' | 'annuity' | 'medical' | 'housing' | 'retired';

export interface BasicItem {
  readonly code: string;
  readonly fn: BasicFunction;
  /** Yearly range in 元 for a unit of scale 1. */
  readonly min: number;
  readonly max: number;
  /** Only some units have it (probability it is present). */
  readonly presence: number;
}

/** 人员经费 items: economic class 301 and 303 only (SPEC DATA.KIND_CODE_MISMATCH). */
export const PERSONNEL_ITEMS: ReadonlyArray<BasicItem> = [
  { code: '30101', fn: 'own', min: 800_000, max: 1_600_000, presence: 1 },
  { code: '30102', fn: 'own', min: 900_000, max: 2_000_000, presence: 1 },
  { code: '30103', fn: 'own', min: 80_000, max: 300_000, presence: 0.7 },
  { code: '30107', fn: 'own', min: 1_200_000, max: 3_000_000, presence: 0.9 },
  { code: '30108', fn: 'pension', min: 400_000, max: 800_000, presence: 1 },
  { code: '30109', fn: 'annuity', min: 200_000, max: 400_000, presence: 1 },
  { code: '30110', fn: 'medical', min: 250_000, max: 500_000, presence: 1 },
  { code: '30112', fn: 'own', min: 20_000, max: 80_000, presence: 0.8 },
  { code: '30113', fn: 'housing', min: 300_000, max: 600_000, presence: 1 },
  { code: '30199', fn: 'own', min: 30_000, max: 200_000, presence: 0.6 },
  { code: '30302', fn: 'retired', min: 150_000, max: 900_000, presence: 0.7 },
  { code: '30305', fn: 'retired', min: 10_000, max: 60_000, presence: 0.4 },
];

/** 公用经费 items: economic class 302 and 310 only. */
export const PUBLIC_ITEMS: ReadonlyArray<BasicItem> = [
  { code: '30201', fn: 'own', min: 50_000, max: 200_000, presence: 1 },
  { code: '30202', fn: 'own', min: 5_000, max: 30_000, presence: 0.7 },
  { code: '30205', fn: 'own', min: 8_000, max: 40_000, presence: 0.8 },
  { code: '30206', fn: 'own', min: 30_000, max: 120_000, presence: 0.9 },
  { code: '30207', fn: 'own', min: 15_000, max: 60_000, presence: 0.9 },
  { code: '30209', fn: 'own', min: 80_000, max: 600_000, presence: 0.6 },
  { code: '30211', fn: 'own', min: 30_000, max: 100_000, presence: 1 },
  { code: '30213', fn: 'own', min: 30_000, max: 150_000, presence: 0.8 },
  { code: '30215', fn: 'own', min: 5_000, max: 30_000, presence: 0.6 },
  { code: '30216', fn: 'own', min: 10_000, max: 50_000, presence: 0.7 },
  { code: '30217', fn: 'own', min: 5_000, max: 30_000, presence: 0.6 },
  { code: '30228', fn: 'own', min: 30_000, max: 80_000, presence: 1 },
  { code: '30229', fn: 'own', min: 20_000, max: 60_000, presence: 0.7 },
  { code: '30231', fn: 'own', min: 30_000, max: 120_000, presence: 0.5 },
  { code: '30239', fn: 'own', min: 50_000, max: 300_000, presence: 0.8 },
  { code: '30299', fn: 'own', min: 30_000, max: 200_000, presence: 0.7 },
  { code: '31002', fn: 'own', min: 20_000, max: 100_000, presence: 0.5 },
];

export interface ProjectTemplate {
  readonly name: string;
  readonly functionCode: string;
  /** Economic codes its lines use (any class; projects are not limited by kind). */
  readonly economicCodes: ReadonlyArray<string>;
  /** Yearly total range in 元. */
  readonly min: number;
  readonly max: number;
  /** Fund source of most of its money (default 一般公共预算拨款). */
  readonly fund?: FundSource;
  /** A 保基本民生 project. */
  readonly livelihood?: boolean;
  readonly basis: string;
  readonly goal: string;
}

export interface UnitTemplate {
  readonly name: string;
  readonly kind: UnitKind;
  /** The unit's own 行政运行 / 事业运行 function code for basic spending. */
  readonly ownFunction: string;
  /** Size relative to a unit of about forty staff. */
  readonly scale: number;
}

export interface Sector {
  readonly key: SectorKey;
  /** The department (部门) the units belong to. */
  readonly department: string;
  /** Three-digit department code; unit codes append three digits. */
  readonly code: string;
  readonly units: ReadonlyArray<UnitTemplate>;
  /** Names for further units beyond `units`: a town name is put in front ("城关镇中心学校"). */
  readonly extraSuffix: string;
  readonly extraFunction: string;
  readonly projects: ReadonlyArray<ProjectTemplate>;
}

export const TOWNS = ['城关镇', '城东镇', '城西镇', '河口镇', '新华乡', '长安镇', '石桥镇', '白沙乡', '青山镇', '平安乡', '柳林镇', '大坪乡'];

export const SECTORS: Readonly<Record<SectorKey, Sector>> = {
  education: {
    key: 'education',
    department: '县教育局',
    code: '105',
    units: [
      { name: '县教育局', kind: '行政单位', ownFunction: '2050101', scale: 0.8 },
      { name: '县第一中学', kind: '事业单位', ownFunction: '2050204', scale: 2.6 },
      { name: '县实验小学', kind: '事业单位', ownFunction: '2050202', scale: 1.9 },
      { name: '县第二中学', kind: '事业单位', ownFunction: '2050203', scale: 2.1 },
      { name: '县机关幼儿园', kind: '事业单位', ownFunction: '2050201', scale: 0.7 },
      { name: '县职业技术学校', kind: '事业单位', ownFunction: '2050302', scale: 1.5 },
      { name: '县教师发展中心', kind: '事业单位', ownFunction: '2050803', scale: 0.5 },
    ],
    extraSuffix: '中心学校',
    extraFunction: '2050202',
    projects: [
      { name: '义务教育学校公用经费保障', functionCode: '2050202', economicCodes: ['30201', '30213', '30218', '30206'], min: 800_000, max: 4_000_000, livelihood: true,
        basis: '按在校学生人数×生均公用经费基准定额测算：小学720元/生·年，初中940元/生·年，寄宿生另加300元/生·年', goal: '生均公用经费足额拨付率100%，保障义务教育学校正常运转' },
      { name: '学生资助补助', functionCode: '2050204', economicCodes: ['30308', '30305'], min: 300_000, max: 2_000_000, livelihood: true,
        basis: '普通高中国家助学金按资助面20%、每生每年2000元测算；建档立卡等家庭经济困难学生免学杂费按实际人数测算', goal: '应助尽助，资助政策知晓率不低于95%，受助学生满意度不低于90%' },
      { name: '学前教育幼儿资助', functionCode: '2050201', economicCodes: ['30305'], min: 100_000, max: 600_000, livelihood: true,
        basis: '按在园家庭经济困难幼儿人数×每生每年1000元保育教育费补助测算', goal: '家庭经济困难幼儿资助覆盖率100%' },
      { name: '农村义务教育学生营养改善计划', functionCode: '2050203', economicCodes: ['30399', '30218'], min: 500_000, max: 3_000_000, livelihood: true,
        basis: '按农村义务教育在校学生数×每生每天5元×200天测算', goal: '营养膳食补助覆盖全部农村义务教育学生，供餐天数不少于200天' },
      { name: '教师培训', functionCode: '2050803', economicCodes: ['30216', '30211', '30227'], min: 100_000, max: 800_000,
        basis: '按全县教师人数×人均培训经费600元测算，含国培、省培配套及县级全员培训', goal: '完成教师全员培训不少于72学时，参训率100%，培训满意度不低于90%' },
      { name: '校舍维修改造', functionCode: '2050202', economicCodes: ['31006', '30213'], min: 300_000, max: 3_000_000,
        basis: '依据校舍安全排查结果和维修改造工程预算评审金额测算', goal: '完成危旧校舍维修改造面积不少于3000平方米，工程验收合格率100%' },
      { name: '教育信息化建设', functionCode: '2050199', economicCodes: ['31007', '31002', '30227'], min: 200_000, max: 1_500_000,
        basis: '按教室多媒体设备更新台数×单价及智慧校园平台运维合同金额测算', goal: '新增多媒体教室不少于60间，平台全年正常运行率不低于99%' },
      { name: '课后服务补助', functionCode: '2050202', economicCodes: ['30226'], min: 100_000, max: 900_000,
        basis: '按参加课后服务学生人数×每生每学期200元补助标准测算', goal: '课后服务覆盖有需求学生100%，家长满意度不低于90%' },
    ],
  },
  health: {
    key: 'health',
    department: '县卫健委',
    code: '112',
    units: [
      { name: '县卫健委机关', kind: '行政单位', ownFunction: '2100101', scale: 0.7 },
      { name: '县疾病预防控制中心', kind: '事业单位', ownFunction: '2100401', scale: 1.0 },
      { name: '县妇幼保健院', kind: '事业单位', ownFunction: '2100403', scale: 1.4 },
      { name: '城关镇卫生院', kind: '事业单位', ownFunction: '2100302', scale: 1.1 },
      { name: '县卫生健康综合监督执法局', kind: '参照公务员法管理事业单位', ownFunction: '2100199', scale: 0.5 },
    ],
    extraSuffix: '中心卫生院',
    extraFunction: '2100302',
    projects: [
      { name: '基本公共卫生服务补助', functionCode: '2100408', economicCodes: ['30227', '30226', '30218'], min: 1_000_000, max: 6_000_000, livelihood: true,
        basis: '按常住人口×人均基本公共卫生服务经费补助标准94元测算，扣除中央、省级补助后县级配套', goal: '居民电子健康档案建档率不低于90%，65岁以上老年人健康管理率不低于65%' },
      { name: '重大公共卫生服务项目', functionCode: '2100409', economicCodes: ['30218', '30227'], min: 300_000, max: 2_000_000, livelihood: true,
        basis: '按适龄儿童免疫规划接种人数、重点传染病监测任务量及单价测算', goal: '适龄儿童免疫规划疫苗接种率不低于90%，传染病报告及时率100%' },
      { name: '乡村医生补助', functionCode: '2100302', economicCodes: ['30305'], min: 200_000, max: 1_200_000, livelihood: true,
        basis: '按在岗乡村医生人数×每人每年6000元定额补助测算', goal: '在岗乡村医生补助按时足额发放率100%' },
      { name: '计划生育家庭奖励扶助', functionCode: '2100717', economicCodes: ['30309', '30305'], min: 200_000, max: 1_500_000, livelihood: true,
        basis: '按符合条件的奖励扶助对象人数×每人每年960元、特别扶助对象按标准测算', goal: '奖励扶助资金发放准确率100%，按时发放率100%' },
      { name: '疾病预防控制能力建设', functionCode: '2100401', economicCodes: ['31003', '30218'], min: 200_000, max: 1_500_000,
        basis: '依据实验室检测设备配置清单和政府采购询价结果测算', goal: '新增检测设备不少于10台（套），检测项目扩展至300项以上' },
      { name: '家庭医生签约服务', functionCode: '2100408', economicCodes: ['30226'], min: 100_000, max: 800_000, livelihood: true,
        basis: '按重点人群签约人数×每人每年签约服务费补助20元测算', goal: '重点人群家庭医生签约覆盖率不低于75%，签约居民满意度不低于85%' },
    ],
  },
  general: {
    key: 'general',
    department: '县人民政府办公室',
    code: '101',
    units: [
      { name: '县人民政府办公室', kind: '行政单位', ownFunction: '2010301', scale: 0.7 },
      { name: '县政务服务中心', kind: '事业单位', ownFunction: '2010350', scale: 0.4 },
      { name: '县机关事务服务中心', kind: '参照公务员法管理事业单位', ownFunction: '2010350', scale: 0.3 },
    ],
    extraSuffix: '便民服务中心',
    extraFunction: '2010350',
    projects: [
      { name: '政务服务热线运行', functionCode: '2010350', economicCodes: ['30227', '30207'], min: 100_000, max: 600_000,
        basis: '按12345热线坐席数×每席每年4.2万元外包服务费及线路租用费测算', goal: '热线接通率不低于95%，工单按时办结率不低于98%' },
      { name: '机关办公区物业服务', functionCode: '2010302', economicCodes: ['30209', '30213'], min: 200_000, max: 900_000,
        basis: '按机关办公区建筑面积×物业服务费单价3.5元/平方米·月测算', goal: '办公区物业服务考核合格率100%，安全责任事故0起' },
      { name: '电子政务平台运维', functionCode: '2010302', economicCodes: ['30227', '31007'], min: 100_000, max: 800_000,
        basis: '依据电子政务外网及协同办公系统运维合同金额测算', goal: '系统全年正常运行率不低于99.5%，网络安全事件0起' },
      { name: '政府信息公开及档案数字化', functionCode: '2010399', economicCodes: ['30227', '30202'], min: 50_000, max: 400_000,
        basis: '按待数字化档案页数×每页0.8元加工费测算', goal: '完成档案数字化不少于30万页，数据质检合格率不低于99%' },
    ],
  },
  culture: {
    key: 'culture',
    department: '县文化广电旅游体育局',
    code: '108',
    units: [
      { name: '县文化广电旅游体育局', kind: '行政单位', ownFunction: '2070101', scale: 0.7 },
      { name: '县图书馆', kind: '事业单位', ownFunction: '2070104', scale: 0.5 },
      { name: '县文化馆', kind: '事业单位', ownFunction: '2070109', scale: 0.5 },
    ],
    extraSuffix: '综合文化站',
    extraFunction: '2070109',
    projects: [
      { name: '公共文化场馆免费开放', functionCode: '2070109', economicCodes: ['30201', '30206', '30226'], min: 200_000, max: 800_000, livelihood: true,
        basis: '按上级下达的免费开放补助标准：县级图书馆、文化馆每馆每年50万元，乡镇综合文化站每站5万元测算', goal: '场馆免费开放时间每周不少于56小时，年接待群众不少于20万人次' },
      { name: '群众文化活动', functionCode: '2070108', economicCodes: ['30227', '30226', '30218'], min: 100_000, max: 600_000,
        basis: '按全年送戏下乡120场×每场3000元及节庆文化活动方案预算测算', goal: '开展送戏下乡不少于120场，群众满意度不低于90%' },
      { name: '图书馆文献购置', functionCode: '2070104', economicCodes: ['30218', '31007'], min: 100_000, max: 500_000,
        basis: '按年新增藏书2万册×平均单价35元及数字资源采购合同测算', goal: '年新增馆藏图书不少于2万册，人均藏书量不低于1.2册' },
      { name: '全民健身活动', functionCode: '2070308', economicCodes: ['30227', '30218'], min: 100_000, max: 500_000,
        basis: '按年度全民健身赛事活动计划及单项赛事预算测算', goal: '举办县级全民健身赛事不少于12项，参与群众不少于3万人次' },
      { name: '旅游宣传推广', functionCode: '2070113', economicCodes: ['30227', '30202'], min: 100_000, max: 800_000,
        basis: '依据旅游宣传推广方案及媒体投放报价测算', goal: '全县旅游接待人次同比增长不低于8%' },
    ],
  },
  urban: {
    key: 'urban',
    department: '县住房和城乡建设局',
    code: '115',
    units: [
      { name: '县住房和城乡建设局', kind: '行政单位', ownFunction: '2120101', scale: 0.9 },
      { name: '县环境卫生服务中心', kind: '事业单位', ownFunction: '2120501', scale: 1.6 },
      { name: '县建设工程质量安全监督站', kind: '参照公务员法管理事业单位', ownFunction: '2120601', scale: 0.5 },
    ],
    extraSuffix: '环卫所',
    extraFunction: '2120501',
    projects: [
      { name: '城区环境卫生保洁', functionCode: '2120501', economicCodes: ['30227', '30226'], min: 1_000_000, max: 8_000_000, livelihood: true,
        basis: '按城区保洁面积×保洁服务单价及垃圾清运量×清运单价测算', goal: '城区道路机扫率不低于80%，生活垃圾无害化处理率100%' },
      { name: '市政设施维护', functionCode: '2120399', economicCodes: ['30213', '30218'], min: 500_000, max: 3_000_000,
        basis: '依据市政道路、路灯、排水管网年度养护计划及养护定额测算', goal: '市政设施完好率不低于95%，路灯亮灯率不低于98%' },
      { name: '城市基础设施建设', functionCode: '2120803', economicCodes: ['31005'], min: 2_000_000, max: 20_000_000, fund: '政府性基金预算拨款',
        basis: '依据项目可行性研究报告批复投资额及年度建设计划测算', goal: '完成老旧小区改造不少于12个，工程质量验收合格率100%' },
      { name: '建设工程质量安全监督', functionCode: '2120601', economicCodes: ['30227', '31003'], min: 100_000, max: 600_000,
        basis: '按在建工程监督面积及第三方检测抽检批次×单价测算', goal: '在建工程监督覆盖率100%，较大及以上安全事故0起' },
      { name: '农村危房改造', functionCode: '2120199', economicCodes: ['30399'], min: 300_000, max: 2_000_000, livelihood: true,
        basis: '按年度危房改造任务户数×户均补助2万元测算', goal: '完成农村危房改造不少于100户，竣工验收合格率100%' },
    ],
  },
  social: {
    key: 'social',
    department: '县民政局',
    code: '110',
    units: [
      { name: '县民政局', kind: '行政单位', ownFunction: '2080201', scale: 0.7 },
      { name: '县社会福利院', kind: '事业单位', ownFunction: '2081002', scale: 0.6 },
      { name: '县救助管理站', kind: '事业单位', ownFunction: '2082001', scale: 0.3 },
    ],
    extraSuffix: '敬老院',
    extraFunction: '2081002',
    projects: [
      { name: '城乡居民最低生活保障', functionCode: '2081902', economicCodes: ['30305'], min: 3_000_000, max: 20_000_000, livelihood: true,
        basis: '按农村低保对象人数×月人均补差420元×12个月测算，扣除上级补助后县级配套', goal: '低保对象应保尽保，资金社会化发放率100%' },
      { name: '城市最低生活保障', functionCode: '2081901', economicCodes: ['30305'], min: 1_000_000, max: 8_000_000, livelihood: true,
        basis: '按城市低保对象人数×月人均补差560元×12个月测算', goal: '城市低保资金按月足额发放率100%' },
      { name: '特困人员救助供养', functionCode: '2082102', economicCodes: ['30306', '30305'], min: 500_000, max: 4_000_000, livelihood: true,
        basis: '按特困供养人员人数×基本生活标准每人每年9600元及照料护理补贴测算', goal: '特困人员基本生活保障率100%，集中供养意愿满足率100%' },
      { name: '高龄津贴', functionCode: '2081002', economicCodes: ['30305'], min: 300_000, max: 2_000_000, livelihood: true,
        basis: '按80周岁以上老年人数×每人每月100元（90周岁以上200元）测算', goal: '高龄津贴发放覆盖率100%' },
      { name: '临时救助', functionCode: '2082001', economicCodes: ['30306'], min: 100_000, max: 1_000_000, livelihood: true,
        basis: '参照上年临时救助人次及人均救助水平1500元测算', goal: '临时救助审批时限不超过10个工作日，救助对象满意度不低于90%' },
    ],
  },
  agriculture: {
    key: 'agriculture',
    department: '县农业农村局',
    code: '118',
    units: [
      { name: '县农业农村局', kind: '行政单位', ownFunction: '2130101', scale: 0.9 },
      { name: '县农业技术推广中心', kind: '事业单位', ownFunction: '2130104', scale: 0.6 },
      { name: '县水利工程管理所', kind: '事业单位', ownFunction: '2130306', scale: 0.5 },
    ],
    extraSuffix: '农业综合服务站',
    extraFunction: '2130104',
    projects: [
      { name: '农作物病虫害防治', functionCode: '2130108', economicCodes: ['30218', '30226'], min: 200_000, max: 1_200_000,
        basis: '按统防统治面积10万亩×每亩补助8元及药剂采购价测算', goal: '主要农作物病虫害危害损失率控制在5%以内' },
      { name: '农业技术推广服务', functionCode: '2130104', economicCodes: ['30227', '30216'], min: 100_000, max: 600_000,
        basis: '按示范基地建设个数及农技人员培训人次测算', goal: '主推技术到位率不低于95%，培训农民不少于2000人次' },
      { name: '小型水利工程维修养护', functionCode: '2130306', economicCodes: ['30213', '31006'], min: 300_000, max: 2_000_000,
        basis: '依据水利工程安全鉴定结论和维修养护定额测算', goal: '小型水库安全运行率100%，灌溉面积保持不低于5万亩' },
      { name: '乡村振兴衔接资金配套', functionCode: '2130199', economicCodes: ['31005', '30227'], min: 1_000_000, max: 5_000_000, livelihood: true,
        basis: '按上级下达衔接资金规模及县级配套比例不低于10%测算', goal: '支持产业发展项目不少于20个，带动脱贫人口增收' },
    ],
  },
};

/** Function codes of the shared basic-spending 项 by unit kind. */
export function basicFunctionCode(fn: BasicFunction, own: string, kind: UnitKind): string {
  const admin = kind !== '事业单位';
  switch (fn) {
    case 'own':
      return own;
    case 'pension':
      return '2080505';
    case 'annuity':
      return '2080506';
    case 'medical':
      return admin ? '2101101' : '2101102';
    case 'housing':
      return '2210201';
    case 'retired':
      return admin ? '2080501' : '2080502';
  }
}
