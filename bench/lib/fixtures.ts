import { DateTime } from 'luxon';
import type { Category, Channel } from '../../src/domain/case-vocabulary.js';
import type { CreateCaseDto } from '../../src/cases/dto/create-case.dto.js';
import { seededRandom } from '../../src/common/seeded-random.js';

/**
 * Realistic, deterministic petition data for 十堰市 (the city of the shipped directory):
 * regions weighted by population, categories weighted like a municipal people's congress
 * petition office's yearly statistics, repeat petitioners, group petitions.
 */


export type Rand = () => number;
export const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)];
export const int = (r: Rand, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));

/** Picks from [value, weight] pairs. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (r: Rand) => T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of entries) cumulative.push((acc += w / total));
  return (r) => {
    const x = r();
    for (let i = 0; i < cumulative.length; i++) if (x < cumulative[i]) return entries[i][0];
    return entries[entries.length - 1][0];
  };
}

export interface Region {
  name: string;
  /** 6-digit administrative division code (first digits of a resident ID number). */
  code: string;
  weight: number;
  towns: string[];
}

export const REGIONS: Region[] = [
  { name: '张湾区', code: '420303', weight: 20, towns: ['车城路街道', '花果街道', '红卫街道', '汉江路街道', '黄龙镇', '西城街道'] },
  { name: '茅箭区', code: '420302', weight: 18, towns: ['五堰街道', '二堰街道', '武当路街道', '白浪街道', '茅塔乡', '东城街道'] },
  { name: '郧阳区', code: '420304', weight: 13, towns: ['城关镇', '茶店镇', '柳陂镇', '青曲镇', '杨溪铺镇'] },
  { name: '丹江口市', code: '420381', weight: 13, towns: ['均州路街道', '丹赵路街道', '六里坪镇', '浪河镇', '土关垭镇'] },
  { name: '竹山县', code: '420323', weight: 10, towns: ['城关镇', '宝丰镇', '麻家渡镇', '溢水镇'] },
  { name: '房县', code: '420325', weight: 10, towns: ['城关镇', '军店镇', '土城镇', '窑淮镇'] },
  { name: '郧西县', code: '420322', weight: 9, towns: ['城关镇', '上津镇', '涧池乡', '夹河镇'] },
  { name: '竹溪县', code: '420324', weight: 6, towns: ['城关镇', '蒋家堰镇', '中峰镇', '水坪镇'] },
  { name: '武当山特区', code: '420302', weight: 1, towns: ['太和街道', '武当山镇'] },
];
export const pickRegion = weighted(REGIONS.map((r) => [r, r.weight] as const));

interface CategorySpec {
  weight: number;
  subjects: string[];
  details: string[];
  /** Units a petitioner typically names as involved. */
  units: string[];
  /** Follow-up committee and the handling bodies the office routes to, with weights. */
  committee: string;
  handledBy: (readonly [string, number])[];
}

export const CATEGORY_SPECS: Record<Category, CategorySpec> = {
  'urban-construction': {
    weight: 24,
    subjects: ['老旧小区改造进度缓慢', '小区物业服务不到位', '商品房逾期交房', '房屋征收补偿标准有异议', '小区供水管网老化经常停水', '道路施工噪音扰民', '违章建筑长期未拆除', '小区电梯故障频发', '房屋不动产权证迟迟办不下来'],
    details: ['小区列入改造计划至今未开工，雨天楼道漏水', '开发商承诺的交房日期已过去一年多', '征收补偿标准明显低于周边同类房屋', '夜间施工持续到凌晨，严重影响休息', '多次向街道和住建部门反映，至今没有结果', '电梯一个月内停运四次，老人上下楼困难'],
    units: ['GOV', 'HOUSING'],
    committee: 'UCEC',
    handledBy: [['HOUSING', 5], ['GOV', 3], ['UCEC', 2]],
  },
  'employment-social': {
    weight: 16,
    subjects: ['拖欠农民工工资', '失业保险金申领受阻', '养老保险待遇核定有误', '工伤认定久拖不决', '劳动合同纠纷', '最低生活保障资格被取消', '医保报销比例有异议'],
    details: ['工程完工半年，施工方仍拖欠二十余名工人工资', '申领失业保险金被告知材料不全，多次补交仍未办理', '养老金核定时漏算了在国有企业的工龄', '工伤认定申请提交已超过六十日仍无结论', '低保资格被取消前未告知理由'],
    units: ['HRSS', 'GOV'],
    committee: 'SDC',
    handledBy: [['HRSS', 5], ['GOV', 3], ['SDC', 2]],
  },
  litigation: {
    weight: 14,
    subjects: ['不服民事判决申请监督', '执行案件久拖不执', '刑事案件立案难', '再审申请未获答复', '对法院审理程序有异议'],
    details: ['对一审民事判决不服，认为认定事实不清', '判决生效两年多仍未执行到位', '报案后公安机关一直未予立案', '再审申请递交已满一年，未收到任何答复'],
    units: ['COURT', 'PROC'],
    committee: 'SJC',
    handledBy: [['COURT', 5], ['PROC', 3], ['SJC', 2]],
  },
  economy: {
    weight: 9,
    subjects: ['企业上下游配套纠纷', '中小企业融资困难', '政府采购款长期拖欠', '营商环境问题反映', '市场监管执法不公'],
    details: ['整车企业拖欠配套货款，企业经营困难', '项目验收合格已两年，采购款仍未支付', '同类违法行为处罚标准前后不一'],
    units: ['GOV'],
    committee: 'FEC',
    handledBy: [['GOV', 7], ['FEC', 3]],
  },
  'agriculture-rural': {
    weight: 9,
    subjects: ['土地承包经营权纠纷', '农村宅基地审批受阻', '退耕还林补贴未发放', '农村饮水安全问题', '村级财务不公开', '集体土地征收补偿款分配不公'],
    details: ['承包地被村委会收回后转包他人', '退耕还林补贴连续两年未发放到户', '村里自来水浑浊，夏季经常断水', '征地补偿款分配方案未经村民代表会议讨论'],
    units: ['GOV'],
    committee: 'ARC',
    handledBy: [['GOV', 7], ['ARC', 3]],
  },
  'education-health-culture': {
    weight: 8,
    subjects: ['学校招生划片不合理', '幼儿园收费过高', '医疗纠纷处理不满', '乡镇卫生院医生短缺', '校外培训机构退费难'],
    details: ['孩子被划入离家五公里外的学校', '手术后出现并发症，医院拒绝承担责任', '培训机构关门后预交学费无法退回'],
    units: ['GOV'],
    committee: 'ESCH',
    handledBy: [['GOV', 7], ['ESCH', 3]],
  },
  'official-conduct': {
    weight: 6,
    subjects: ['反映村干部优亲厚友', '反映基层干部作风粗暴', '反映部门办事推诿拖延', '反映公职人员违规经商'],
    details: ['低保名额分给了村干部亲属', '窗口工作人员态度恶劣，多次让群众往返', '某科室负责人亲属承接本部门工程'],
    units: ['SUP'],
    committee: 'SJC',
    handledBy: [['SUP', 6], ['SJC', 4]],
  },
  legislation: {
    weight: 3,
    subjects: ['建议制定物业管理条例实施细则', '建议修订城市养犬管理条例', '对电动自行车管理条例草案的意见', '建议加强生活垃圾分类立法'],
    details: ['建议明确业主委员会备案和维修资金使用程序', '建议增加对烈性犬的限养规定', '建议放宽对老年代步车的过渡期'],
    units: [],
    committee: 'LAC',
    handledBy: [['LAC', 1]],
  },
  'regulation-review': {
    weight: 2,
    subjects: ['申请审查某规范性文件合法性', '认为某部门文件与上位法抵触'],
    details: ['该文件增设了上位法没有规定的行政许可条件', '文件规定的收费项目缺乏法律依据'],
    units: ['GOV'],
    committee: 'LAC',
    handledBy: [['LAC', 1]],
  },
  'deputy-work': {
    weight: 2,
    subjects: ['反映人大代表联络站活动流于形式', '建议代表建议办理结果公开'],
    details: ['联络站长期无人值守', '代表建议办理答复未向选民公开'],
    units: [],
    committee: 'DAC',
    handledBy: [['DAC', 1]],
  },
  other: {
    weight: 7,
    subjects: ['咨询信访事项办理程序', '对信访事项处理意见不服申请复查', '反映其他问题'],
    details: ['不清楚信访事项应向哪个部门提出', '对处理意见不服，申请复查'],
    units: [],
    committee: 'OFFICE',
    handledBy: [['OFFICE', 1]],
  },
};

export const pickCategory = weighted((Object.entries(CATEGORY_SPECS) as [Category, CategorySpec][]).map(([c, s]) => [c, s.weight] as const));
const handledByPickers = new Map((Object.entries(CATEGORY_SPECS) as [Category, CategorySpec][]).map(([c, s]) => [c, weighted(s.handledBy)]));
export const pickHandledBy = (r: Rand, category: Category): string => (handledByPickers.get(category) as (r: Rand) => string)(r);
export const pickChannel = weighted<Channel>([['letter', 35], ['online', 30], ['visit', 25], ['phone', 10]]);

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩'];
const GIVEN = ['秀英', '桂英', '建华', '建国', '志强', '丽', '敏', '静', '伟', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂兰', '文', '华', '红', '玉兰', '海燕', '德明', '春花'];
const DEMANDS = ['请求市人大常委会督促有关部门依法处理。', '恳请人大监督，尽快给予答复。', '希望有关部门实地调查核实。', '请求依法维护合法权益。'];
const COMPANIES = ['十堰某汽车零部件有限公司', '某建筑劳务有限公司', '某小区业主委员会', '某村股份经济合作社', '某商贸有限公司'];

export function personName(r: Rand): string {
  return pick(r, SURNAMES) + pick(r, GIVEN);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A well-formed resident ID number (GB 11643) for the region, born 1940–2002. */
export function idNumber(r: Rand, region: Region): string {
  const birth = DateTime.fromObject({ year: 1940 }).plus({ days: int(r, 0, 62 * 365) });
  const first17 = region.code + birth.toFormat('yyyyLLdd') + String(int(r, 1, 999)).padStart(3, '0');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ID_WEIGHTS[i] * Number(first17[i]);
  return first17 + ID_CHECK[sum % 11];
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '177', '180', '186', '187', '189', '199'];
export function mobile(r: Rand): string {
  return pick(r, MOBILE_PREFIXES) + String(int(r, 0, 99_999_999)).padStart(8, '0');
}

export interface Petitioner {
  name: string;
  organisation?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  region: Region;
}

/** A fixed population of petitioners; a few hundred "frequent" ones come back again and again. */
export function petitionerPool(size: number, seed = 7): Petitioner[] {
  const r = seededRandom(seed);
  const pool: Petitioner[] = [];
  for (let i = 0; i < size; i++) {
    const region = pickRegion(r);
    const town = pick(r, region.towns);
    if (r() < 0.05) {
      const name = pick(r, COMPANIES);
      pool.push({ name, organisation: name, phone: `0719-8${String(int(r, 0, 999_999)).padStart(6, '0')}`, region });
      continue;
    }
    const hasId = r() < 0.6;
    pool.push({
      name: personName(r),
      idNumber: hasId ? idNumber(r, region) : undefined,
      phone: r() < 0.9 ? mobile(r) : undefined,
      address: r() < 0.7 ? `十堰市${region.name}${town}${int(r, 1, 60)}号${int(r, 1, 12)}栋` : undefined,
      region,
    });
  }
  return pool;
}

export function subjectFor(r: Rand, category: Category, region: Region): string {
  return `${region.name}${pick(r, region.towns)}：${pick(r, CATEGORY_SPECS[category].subjects)}`;
}

export function contentFor(r: Rand, category: Category, region: Region, serial: number): string {
  const spec = CATEGORY_SPECS[category];
  const town = pick(r, region.towns);
  const parts = [`本人系${region.name}${town}居民，${pick(r, spec.details)}。`];
  if (r() < 0.5) parts.push(`此前已向${region.name}有关部门反映${int(r, 2, 6)}次，至今未果。`);
  if (r() < 0.3) parts.push(pick(r, spec.details) + '，群众意见较大。');
  parts.push(pick(r, DEMANDS));
  parts.push(`（来件序号 ${serial}）`);
  return parts.join('');
}

/** A valid, distinct `POST /cases` body; `serial` makes it unique. */
export function caseBody(r: Rand, pool: Petitioner[], serial: number, now = new Date()): CreateCaseDto {
  // One petition in four comes from a frequent petitioner (repeat-petition lookups find earlier cases).
  const frequent = Math.min(300, pool.length);
  const p = r() < 0.25 ? pool[Math.floor(r() * frequent)] : pool[Math.floor(r() * pool.length)];
  const region = r() < 0.85 ? p.region : pickRegion(r);
  const category = pickCategory(r);
  const spec = CATEGORY_SPECS[category];
  const group = r() < 0.08;
  const received = DateTime.fromJSDate(now)
    .minus({ minutes: int(r, 5, 3 * 24 * 60) })
    .setZone('Asia/Shanghai')
    .set({ millisecond: 0 });
  const body: CreateCaseDto = {
    channel: group ? 'visit' : pickChannel(r),
    receivedAt: received.toISO({ suppressMilliseconds: true }) ?? '',
    petitioner: {
      name: p.name,
      ...(p.organisation && { organisation: p.organisation }),
      ...(p.idNumber && { idNumber: p.idNumber }),
      ...(p.phone && { phone: p.phone }),
      ...(p.address && { address: p.address }),
    },
    headcount: group ? int(r, 5, 40) : 1,
    subject: subjectFor(r, category, region),
    content: contentFor(r, category, region, serial),
    category,
    region: region.name,
  };
  if (spec.units.length && r() < 0.6) body.unitsInvolved = spec.units.slice(0, int(r, 1, spec.units.length));
  if (r() < 0.03) body.deputyReported = true;
  if (r() < 0.02) body.important = true;
  if (r() < 0.04) body.provincialReferral = true;
  if (r() < 0.02) body.leaderInstructed = true;
  return body;
}
