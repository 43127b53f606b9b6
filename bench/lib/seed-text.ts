// Chinese wording for the benchmark city's records: names, titles and notes drawn from small
// pools, in the register of prisma/seed.ts, so list pages and the summary DOCX read like real 台账.

export const PLACE_CHARS = [
  '东',
  '西',
  '南',
  '北',
  '中',
  '新',
  '华',
  '和',
  '平',
  '安',
  '康',
  '宁',
  '兴',
  '福',
  '长',
  '永',
  '青',
  '金',
  '龙',
  '凤',
  '桥',
  '湖',
  '江',
  '山',
  '城',
  '阳',
  '光',
  '明',
  '德',
  '仁',
] as const;

export const VILLAGE_CHARS = [
  '桃',
  '柳',
  '杏',
  '梅',
  '竹',
  '松',
  '石',
  '溪',
  '河',
  '塘',
  '湾',
  '岭',
  '坪',
  '园',
  '庄',
  '林',
  '泉',
  '沙',
  '田',
  '冈',
  '圩',
  '埠',
  '店',
  '营',
] as const;

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
] as const;
export const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '卫国',
  '晓东',
  '海燕',
  '志强',
] as const;

export const ACTIVITY_KINDS = [
  {
    category: 'THEME_PARTY_DAY',
    weight: 5,
    titles: ['主题党日活动', '“学习强国”交流主题党日', '清明祭英烈主题党日', '“七一”主题党日'],
  },
  { category: 'RED_SONGS', weight: 3, titles: ['红色歌曲大家唱', '唱支山歌给党听', '红歌传唱进社区'] },
  { category: 'OATH_REVIEW', weight: 2, titles: ['重温入党誓词', '七一重温入党誓词', '新党员入党宣誓'] },
  { category: 'PARTY_LECTURE', weight: 3, titles: ['书记讲党课 学党史', '支部书记专题党课', '讲党课·悟思想'] },
  { category: 'PREACHING', weight: 3, titles: ['政策宣讲进村入户', '理论宣讲小分队进小区', '百姓宣讲团宣讲'] },
  { category: 'VOLUNTEER', weight: 3, titles: ['党员志愿服务', '文明创建志愿服务', '关爱老人志愿服务'] },
  { category: 'OTHER', weight: 1, titles: ['党员冬训', '党建共建联席会', '红色教育基地参观'] },
] as const;

export const STUDY_THEMES = {
  IDEOLOGY_WORK: ['意识形态工作责任制', '意识形态领域风险研判', '意识形态工作专题研讨'],
  ONLINE_IDEOLOGY: ['网络意识形态工作', '网络舆情应对与处置', '网上阵地管理'],
  THEORY: ['学习贯彻党的创新理论', '党的二十届三中全会精神', '习近平新时代中国特色社会主义思想'],
  PARTY_HISTORY: ['党史学习教育', '红色基因传承', '新中国史专题学习'],
  POLICY: ['全面从严治党', '基层治理与为民服务', '乡村振兴政策解读'],
  OTHER: ['安全生产与应急管理', '民法典学习', '统一战线工作'],
} as const;

export const STUDY_MATERIALS = [
  '党的创新理论学习材料、上级有关文件精神',
  '《习近平谈治国理政》相关篇目',
  '学习强国专题材料',
  null,
] as const;
export const ABSENCE_REASONS = ['病假', '事假', '外出公干', '值班'] as const;

export const PUBLICITY_OUTLETS = {
  CENTRAL: ['人民日报', '新华社', '央视新闻'],
  PROVINCE: ['省日报', '省广播电视台', '学习强国省级平台'],
  CITY: ['市日报', '市广播电视台', '市委宣传部公众号'],
  DISTRICT: ['区融媒体中心', '区委宣传部公众号'],
  STREET_MEDIA: ['街道公众号', '街道视频号', '社区宣传栏'],
} as const;

export const PUBLICITY_TITLES = [
  '扎实推进意识形态工作责任制',
  '红色歌声唱响基层',
  '理论宣讲进万家',
  '重温入党誓词 牢记初心使命',
  '党员志愿服务暖人心',
  '网格员守好网上阵地',
  '“学习强国”学习成果展示',
] as const;

export const ALERT_SOURCES = ['网络巡查', '群众反映', '上级通报', '网格员上报', '媒体监测'] as const;
export const ALERT_CHANNELS = ['微博', '抖音', '微信公众号', '居民微信群', '本地论坛', '今日头条', '快手'] as const;
export const ALERT_SUMMARIES = [
  '一则涉及辖区征收补偿的不实帖文，存在炒作风险',
  '居民群内转发一则未经证实的停水通知，引发议论',
  '短视频平台出现涉及辖区学校的不实信息',
  '论坛帖文歪曲解读惠民政策，评论区情绪化言论增多',
  '网传辖区发生安全事故，经核实系旧闻翻炒',
  '个别自媒体账号发布涉及基层干部的不实爆料',
] as const;
export const ALERT_NOTES = {
  REGISTERED: '网络巡查发现，登记',
  ASSESSED: '研判：信息不实，需报送并协调辟谣',
  REPORTED: '报送市网信办',
  ACCEPTED: '市网信办采纳',
  RETURNED: '市网信办退回，补充核实情况',
  HANDLING: '会同相关部门发布澄清说明',
  CLOSED: '帖文已删除，舆情平稳，办结',
} as const;

export const RISK_POINT_KINDS = {
  root: [
    { type: 'WEBSITE', name: '市委门户网站', level: 'HIGH' },
    { type: 'WECHAT_ACCOUNT', name: '市委微信公众号', level: 'HIGH' },
  ],
  street: [
    { type: 'WECHAT_ACCOUNT', name: '街道微信公众号', level: 'HIGH' },
    { type: 'VENUE', name: '新时代文明实践站', level: 'MEDIUM' },
    { type: 'BULLETIN_BOARD', name: '街道宣传栏', level: 'LOW' },
  ],
  branch: [
    { type: 'WECHAT_GROUP', name: '居民微信群', level: 'MEDIUM' },
    { type: 'BULLETIN_BOARD', name: '宣传栏', level: 'LOW' },
    { type: 'VENUE', name: '党群服务中心', level: 'MEDIUM' },
    { type: 'OTHER', name: '农家书屋', level: 'LOW' },
  ],
} as const;
export const CONTROL_MEASURES = [
  '三审三校，专人管理',
  '活动报备，内容审核',
  '群主实名，网格员巡查',
  '每月更新，审核上墙',
] as const;
export const CHECK_NOTES = ['例行排查，未发现问题', '内容合规，台账齐全', '已督促更新宣传内容', null] as const;
export const CHECK_ISSUE_NOTES = ['发现过期宣传材料，已要求整改', '群内出现不当言论，已提醒删除'] as const;

export const RECTIFICATION_PROBLEMS = [
  '部分支部意识形态工作任务和职责不够清晰',
  '理论学习不够深入，学用结合不紧',
  '干部意识形态培训不够规范、不成体系',
  '阵地建设和宣传报道覆盖面不够广',
  '舆情研判报送不够及时',
  '宣传栏内容更新不及时',
] as const;
export const RECTIFICATION_MEASURES = [
  '细化责任清单，逐项明确责任人和完成时限',
  '推行“学习+研讨+实践”模式',
  '制定年度培训计划，每半年至少集中培训1次',
  '加强阵地建设，拓展宣传渠道',
  '建立舆情快速响应机制',
] as const;
export const CLOSING_NOTES = ['已按要求整改到位', '整改材料已归档', '经复查整改完成'] as const;

export const AREAS = [
  '理论学习、干部培训',
  '宣传思想、阵地管理、网络舆情',
  '督查考核、问题整改',
  '统战、群团工作',
] as const;
export const TASKS = [
  '制定年度意识形态工作方案',
  '成立意识形态工作领导小组',
  '制定中心组理论学习方案和学习计划',
  '开展一次意识形态工作专项督查',
  '完成阵地排查并建立台账',
  '组织开展网络舆情应对演练',
  '报送半年意识形态工作总结',
] as const;
export const TASK_CLOSING_NOTES = ['已印发工作方案', '已发文成立领导小组', '已完成并归档', '材料已报送'] as const;
