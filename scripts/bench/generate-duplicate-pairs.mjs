#!/usr/bin/env node
// Writes services/intake/src/domain/duplicates/labelled-pairs.json: synthetic pairs of Yiwu pollution clues, each
// labelled duplicate or not BY HOW IT WAS BUILT (two reports of one incident, or of two incidents). It never calls the
// scorer, so the set can judge it. Deterministic: a seeded PRNG, so `node scripts/bench/generate-duplicate-pairs.mjs`
// rewrites the committed file byte for byte; change SEED or the recipes only on purpose, and re-tune after.
// `--seed N --out FILE` writes another sample of the same recipes, e.g. a held-out set to check tuning against.
//
// Coordinates are approximate town centres (not survey data); incidents are scattered up to ~1.5 km around them.
// Place, road and village names are real Yiwu names; company names are invented.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const argument = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SEED = Number(argument('--seed') ?? 20250601);
const OUT = argument('--out') ??
  join(dirname(fileURLToPath(import.meta.url)), '../../services/intake/src/domain/duplicates/labelled-pairs.json');

// ---------- seeded randomness ------------------------------------------------------------------------------------

/** mulberry32: small, fast, and the same sequence on every machine. */
function mulberry32(seed) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const between = (lo, hi) => lo + random() * (hi - lo);
const int = (lo, hi) => Math.floor(between(lo, hi + 1));
const chance = (p) => random() < p;
const pick = (list) => list[Math.floor(random() * list.length)];
const pickOther = (list, not) => pick(list.filter((x) => x !== not));
/** n distinct items */
function sample(list, n) {
  const pool = [...list];
  const out = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return out;
}

// ---------- Yiwu -------------------------------------------------------------------------------------------------

const TOWNS = [
  { name: '稠城街道', short: '稠城', lat: 29.307, lng: 120.076, river: '义乌江',
    roads: ['工人北路', '稠州北路', '宾王路', '县前街', '江滨北路', '朝阳路'], places: ['绣湖小区', '下车门', '宾王市场'] },
  { name: '江东街道', short: '江东', lat: 29.296, lng: 120.101, river: '义乌江',
    roads: ['江东中路', '宗泽路', '青口路', '新科路'], places: ['下王村', '东洲花园', '青岩刘村'] },
  { name: '稠江街道', short: '稠江', lat: 29.27, lng: 120.042, river: '义乌江',
    roads: ['杨村路', '贝村路', '高园路', '经发大道'], places: ['杨村', '前成村', '龙回村'] },
  { name: '北苑街道', short: '北苑', lat: 29.34, lng: 120.055, river: '洪巡溪',
    roads: ['春晗路', '雪峰西路', '凌云路', '春华路'], places: ['北苑工业区', '柳青村', '凌云小区'] },
  { name: '后宅街道', short: '后宅', lat: 29.372, lng: 120.064, river: '洪巡溪',
    roads: ['后宅大道', '遗安路', '古城路'], places: ['后宅工业区', '遗安村', '李祖村'] },
  { name: '城西街道', short: '城西', lat: 29.301, lng: 119.996, river: '铜溪',
    roads: ['城西路', '夏演路', '七里路'], places: ['城西工业区', '何店村', '夏演村'] },
  { name: '廿三里街道', short: '廿三里', lat: 29.354, lng: 120.158, river: '航慈溪',
    roads: ['开元北街', '廿三里大道', '埠头路'], places: ['廿三里工业区', '埠头村', '华溪村'] },
  { name: '福田街道', short: '福田', lat: 29.33, lng: 120.098, river: '义乌江',
    roads: ['福田路', '银海路', '诚信大道', '宗泽北路'], places: ['国际商贸城', '福田社区', '银海小区'] },
  { name: '佛堂镇', short: '佛堂', lat: 29.207, lng: 120.029, river: '义乌江',
    roads: ['新华路', '佛川路', '朝阳东路'], places: ['佛堂老街', '倍磊村', '田心村', '佛堂工业园'] },
  { name: '赤岸镇', short: '赤岸', lat: 29.17, lng: 120.075, river: '南江',
    roads: ['赤岸大道', '乔亭路'], places: ['赤岸工业区', '乔亭村', '神坛村', '尚阳村'] },
  { name: '义亭镇', short: '义亭', lat: 29.233, lng: 119.946, river: '铜溪',
    roads: ['义亭大道', '畈田朱路'], places: ['义亭工业区', '畈田朱村', '缸窑村'] },
  { name: '上溪镇', short: '上溪', lat: 29.287, lng: 119.915, river: '铜溪',
    roads: ['上溪大道', '溪华路'], places: ['上溪工业区', '溪华村', '黄山村', '李宅村'] },
  { name: '苏溪镇', short: '苏溪', lat: 29.412, lng: 120.138, river: '大陈江',
    roads: ['苏福路', '苏华街'], places: ['苏溪工业区', '殿山村', '大畈村', '胡宅村'] },
  { name: '大陈镇', short: '大陈', lat: 29.453, lng: 120.112, river: '大陈江',
    roads: ['大陈大道', '楂林路'], places: ['大陈工业区', '红峰村', '楂林村', '马畈村'] },
];
const RESERVOIRS = [
  { name: '八都水库', town: '大陈镇' }, { name: '岩口水库', town: '上溪镇' }, { name: '柏峰水库', town: '赤岸镇' },
  { name: '巧溪水库', town: '城西街道' }, { name: '长堰水库', town: '义亭镇' }, { name: '枫坑水库', town: '苏溪镇' },
];
const BRANDS = ['华鑫', '宏达', '金鹰', '恒源', '永盛', '鸿运', '新光', '明辉', '佳美', '兴旺', '鑫源', '瑞丰', '天成',
  '博远', '荣华', '创美', '联宏', '正泰', '嘉禾', '伟业'];

// ---------- what gets reported, by category ---------------------------------------------------------------------
// Each category: sources (what causes it), symptoms (what people write, {river} filled in), short (what a hurried
// reporter types and nothing else).
const CATEGORIES = {
  water: {
    sources: ['印染厂', '洗水厂', '电镀厂', '饰品加工厂', '养猪场', '洗车店', '小作坊', '袜厂染色车间'],
    symptoms: ['往{river}里排黑水', '排放污水', '河水发黑发臭', '水面上漂着一层白沫', '排出来的水是红色的', '河里出现死鱼',
      '晚上偷偷排污', '有暗管通到{river}', '排污口一直在流', '臭味很重', '下雨天趁机排污', '水沟里的水是蓝色的'],
    short: ['河水发黑', '有人偷排污水', '河里有死鱼', '水发臭了'],
  },
  air: {
    sources: ['喷漆作坊', '塑料造粒厂', '烧烤店', '化工厂', '饰品厂', '锅炉房', '印刷厂', '废品收购站'],
    symptoms: ['冒黑烟', '刺鼻的气味', '油漆味很重', '熏得人头晕', '晚上味道更大', '烟囱一直冒烟', '在露天焚烧垃圾',
      '窗户都不敢开', '烧塑料的臭味', '油烟直排', '气味呛人', '烟雾飘到小区里'],
    short: ['有异味', '好臭', '冒黑烟', '空气很呛'],
  },
  noise: {
    sources: ['工地', 'KTV', '冲床加工厂', '织袜厂', '物流仓库', '广场舞', '酒吧', '空压机房'],
    symptoms: ['半夜还在施工', '噪音很大', '机器轰鸣声不断', '影响休息', '凌晨装卸货物', '音响开得很响', '吵得睡不着',
      '晚上十点以后还在作业', '震动很厉害', '周末也不停', '孩子没法写作业', '打桩声很大'],
    short: ['噪音扰民', '太吵了', '半夜施工', '噪音很大'],
  },
  'solid-waste': {
    sources: ['装修公司', '建筑工地', '废品回收点', '服装加工厂', '物流公司', '菜市场'],
    symptoms: ['乱倒建筑垃圾', '垃圾堆成小山', '把布料边角料倒在路边', '在河边倾倒垃圾', '垃圾长期没人清运', '夜里偷倒渣土',
      '堆放大量废纸箱', '垃圾发臭招苍蝇', '偷倒泡沫和塑料', '渣土车沿路撒漏'],
    short: ['乱倒垃圾', '垃圾堆放', '偷倒渣土'],
  },
  'hazardous-waste': {
    sources: ['汽修厂', '电镀厂', '喷涂厂', '五金厂', '诊所', '电池回收点'],
    symptoms: ['废机油直接倒进下水道', '废油漆桶露天堆放', '废酸液随意倾倒', '危废没有贴标识', '电路板边角料乱堆',
      '医疗废物和生活垃圾混在一起', '废活性炭堆在墙角', '地上一片油污', '桶里漏出来的液体有刺鼻味', '没有防渗措施'],
    short: ['危废乱堆', '倒废机油', '废桶乱放'],
  },
  soil: {
    sources: ['电镀厂', '化工厂', '废品站', '养殖场'],
    symptoms: ['往地里埋污泥', '地面渗出黑色液体', '农田被污染庄稼枯死', '偷埋工业废渣', '挖坑填埋废料', '土是彩色的还有怪味'],
    short: ['偷埋废渣', '土壤被污染'],
  },
  radiation: {
    sources: ['通信基站', '变电站', '探伤公司'],
    symptoms: ['离住户太近担心辐射', '新装的天线对着窗户', '晚上有嗡嗡声', '没有公示环评', '担心影响孩子健康'],
    short: ['担心辐射', '基站辐射'],
  },
  ecological: {
    sources: ['采砂船', '施工队', '养殖户', '农家乐'],
    symptoms: ['在{river}非法采砂', '砍了一大片山林', '填埋池塘', '占用河道建房', '破坏河岸植被', '挖山取土',
      '夜里偷偷挖沙', '河床被挖得坑坑洼洼'],
    short: ['非法采砂', '乱砍树', '填塘'],
  },
  'drinking-water-source': {
    sources: ['钓鱼的人', '养鸭户', '农家乐', '洗车的人'],
    symptoms: ['在水源保护区钓鱼', '在库区放养鸭子', '往水库里排污水', '在水库边洗车', '有人在水库游泳',
      '保护区里建了房子', '库边堆了农药瓶'],
    short: ['水库有人游泳', '水源地钓鱼'],
  },
  other: {
    sources: ['商铺', '工厂', '小区物业'],
    symptoms: ['广告灯箱太亮晃眼睛', '污水井盖坏了没人修', '门口长期占道堆货', '搅拌车漏浆', '路边积水发臭'],
    short: ['灯光太亮', '井盖坏了'],
  },
};
const MAIN_CATEGORIES = ['water', 'air', 'noise', 'solid-waste', 'hazardous-waste', 'water', 'air', 'noise'];
const ALL_CATEGORIES = Object.keys(CATEGORIES).filter((c) => c !== 'other');

// ---------- incidents and reports ---------------------------------------------------------------------------------

const BASE_TIME = Date.parse('2025-01-06T00:00:00+08:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Move a point by metres on a bearing (flat-earth: fine over a few km). */
function offset(point, metres, bearingRad) {
  const lat = point.lat + (metres * Math.cos(bearingRad)) / 111_320;
  const lng = point.lng + (metres * Math.sin(bearingRad)) / (111_320 * Math.cos((point.lat * Math.PI) / 180));
  return { lat, lng };
}
const scatter = (point, maxMetres) => offset(point, maxMetres * Math.sqrt(random()), between(0, 2 * Math.PI));
const round6 = (n) => Math.round(n * 1e6) / 1e6;

/** A spot: a road with a house number, or a village / compound / landmark; by default somewhere in the town. */
function newSpot(town, point = scatter(town, 1500)) {
  if (chance(0.55)) {
    const road = pick(town.roads);
    return { town, point, road, number: int(1, 399), cross: pickOther(town.roads, road) };
  }
  return { town, point, place: pick(town.places) };
}

/** A spot `metres` away from another, named after the town it then lies in, and still in Yiwu's box. */
function spotAway(spot, minMetres, maxMetres) {
  const metres = between(minMetres, maxMetres);
  let point;
  do point = offset(spot.point, metres, between(0, 2 * Math.PI));
  while (point.lat < 29.15 || point.lat > 29.48 || point.lng < 119.9 || point.lng > 120.2);
  return newSpot(nearestTown(point), point);
}

/** "大陈" + "大陈大道" reads "大陈大道", not "大陈大陈大道". */
const withShort = (town, name) => (name.startsWith(town.short) ? name : `${town.short}${name}`);

function newIncident(category, { spot, sourceKind } = {}) {
  const def = CATEGORIES[category];
  const reservoir = category === 'drinking-water-source' ? pick(RESERVOIRS) : undefined;
  const town = spot?.town ?? (reservoir ? TOWNS.find((t) => t.name === reservoir.town) : pick(TOWNS));
  return {
    category,
    spot: spot ?? newSpot(town),
    reservoir,
    source: { brand: pick(BRANDS), kind: sourceKind ?? pick(def.sources) },
    symptoms: sample(def.symptoms, 4).map((s) => s.replace('{river}', town.river)),
    at: BASE_TIME + between(0, 150) * DAY,
  };
}

/** How far a reporter stands from what they report: smells and noise carry, an outfall is seen up close. */
const REPORTER_SPREAD = { air: 350, noise: 250, ecological: 200, 'drinking-water-source': 250 };

function address(spot, style = int(0, 3)) {
  const { town } = spot;
  if (spot.road) {
    return [
      `浙江省义乌市${town.name}${spot.road}${spot.number}号`,
      `义乌市${town.name}${spot.road}${spot.number}号`,
      `${withShort(town, spot.road)}${spot.number}号附近`,
      `${town.name}${spot.road}与${spot.cross}交叉口`,
    ][style];
  }
  return [`浙江省义乌市${town.name}${spot.place}`, `义乌市${town.name}${spot.place}`, withShort(town, spot.place),
    `${town.name}${spot.place}${int(1, 12)}组`][style];
}

/** How a reporter names the place in free text: precise, vague, or not at all. */
function placeWords(incident) {
  const { spot, reservoir } = incident;
  if (reservoir) return pick([reservoir.name, `${spot.town.short}${reservoir.name}`, '水库这边', `${reservoir.name}库区`]);
  const options = spot.road
    ? [`${spot.town.name}${spot.road}`, `${spot.road}${spot.number}号`, `${spot.road}边上`, withShort(spot.town, spot.road)]
    : [`${spot.town.name}${spot.place}`, `${spot.place}`, `${spot.place}那边`, withShort(spot.town, spot.place)];
  return chance(0.85) ? pick(options) : pick(['我家附近', '这边', '小区旁边', '']);
}

function sourceWords(incident) {
  const { brand, kind } = incident.source;
  return pick([`${brand}${kind}`, `${brand}${kind}`, `一家${kind}`, `有个${kind}`, kind, '']);
}

const OPENINGS = ['', '', '举报：', '来电人反映：', '网格员巡查发现：', '市民反映，', '我要举报，', '群众来电称'];
const CLOSINGS = ['', '', '请尽快处理！', '希望相关部门管一管。', '要求查处。', '已经好几天了。', '影响居民生活。',
  '已拍照取证。', '严重影响休息，请处理', '谢谢！', '多次反映没人管。'];

/** One report of an incident, in a random voice, mentioning 1–3 of its symptoms. */
function reportText(incident, { symptoms = int(1, 3) } = {}) {
  const said = sample(incident.symptoms, symptoms);
  const body = `${placeWords(incident)}${sourceWords(incident)}${said.join('，')}`;
  return `${pick(OPENINGS)}${body}，${pick(CLOSINGS)}`.replace(/，$/, '');
}

function shortText(category) {
  return pick(CATEGORIES[category].short);
}

/** Whether a report carries a map point, an address, or both (hotline records often have only an address). */
function locationShape() {
  const r = random();
  return r < 0.75 ? 'both' : r < 0.85 ? 'point' : 'address';
}

let nextId = 1;
function clue(incident, { text, at, category = incident.category, shape = locationShape(), spread, addressStyle } = {}) {
  const point = scatter(incident.spot.point, spread ?? REPORTER_SPREAD[incident.category] ?? 120);
  const out = { id: `c${String(nextId++).padStart(4, '0')}`, category, text: text ?? reportText(incident),
    at: new Date(at ?? incident.at).toISOString() };
  if (shape !== 'address') Object.assign(out, { lat: round6(point.lat), lng: round6(point.lng) });
  if (shape !== 'point') out.address = address(incident.spot, addressStyle);
  return out;
}

// ---------- text damage: typos and traditional script --------------------------------------------------------------

const TYPOS = [['气味', '汽味'], ['排放', '排方'], ['噪音', '燥音'], ['垃圾', '拉圾'], ['刺鼻', '刺比'], ['晚上', '晚尚'],
  ['偷偷', '偷头'], ['污水', '汚水'], ['施工', '施公'], ['影响', '应响'], ['厂', '场'], ['很', '狠'], ['的', '地'],
  ['黑', '嘿'], ['臭', '丑'], ['休息', '修息']];

function withTypos(text, count) {
  let out = text;
  for (const [right, wrong] of sample(TYPOS.filter(([r]) => out.includes(r)), count)) out = out.replace(right, wrong);
  if (chance(0.5) && out.length > 6) { // a dropped character
    const at = int(1, out.length - 2);
    out = out.slice(0, at) + out.slice(at + 1);
  }
  return out;
}

// Written independently of the scorer's table, from the characters these templates use.
const TRADITIONAL = new Map(Object.entries({
  污: '汙', 废: '廢', 气: '氣', 声: '聲', 厂: '廠', 烧: '燒', 烟: '煙', 鱼: '魚', 处: '處', 业: '業', 场: '場', 车: '車',
  间: '間', 发: '發', 响: '響', 机: '機', 边: '邊', 这: '這', 个: '個', 们: '們', 园: '園', 苏: '蘇', 义: '義', 乌: '烏',
  镇: '鎮', 东: '東', 陈: '陳', 号: '號', 门: '門', 严: '嚴', 举: '舉', 报: '報', 请: '請', 尽: '盡', 还: '還', 没: '沒',
  闻: '聞', 异: '異', 积: '積', 环: '環', 颜: '顏', 红: '紅', 蓝: '藍', 喷: '噴', 经: '經', 开: '開', 关: '關', 点: '點',
  时: '時', 沟: '溝', 网: '網', 铁: '鐵', 锅: '鍋', 炉: '爐', 养: '養', 猪: '豬', 医: '醫', 疗: '療', 药: '藥', 渗: '滲',
  树: '樹', 库: '庫', 袜: '襪', 饰: '飾', 织: '織', 头: '頭', 晕: '暈', 呛: '嗆', 阵: '陣', 觉: '覺', 乱: '亂', 倾: '傾',
  图: '圖', 级: '級', 让: '讓', 里: '裡', 设: '設', 险: '險', 区: '區', 绿: '綠', 护: '護',
}));
const toTraditional = (text) => Array.from(text, (ch) => TRADITIONAL.get(ch) ?? ch).join('');

// ---------- pair recipes -------------------------------------------------------------------------------------------
// Each returns [a, b]; a is the earlier report where time matters. Positives first, then negatives.

const later = (incident, minHours, maxHours) => incident.at + between(minHours, maxHours) * HOUR;

const RECIPES = {
  // Two people report one incident in their own words, hours to three days apart.
  paraphrase: { duplicate: true, count: 40, make() {
    const incident = newIncident(pick(MAIN_CATEGORIES));
    return [clue(incident), clue(incident, { at: later(incident, 0.2, 72) })];
  } },
  // One says everything, the other a few words (often from the scene, with a map pin).
  'different-detail': { duplicate: true, count: 20, make() {
    const incident = newIncident(pick(MAIN_CATEGORIES));
    const long = clue(incident, { text: reportText(incident, { symptoms: 3 }) });
    const brief = chance(0.5) ? shortText(incident.category) : `${placeWords(incident)}${incident.symptoms[int(0, 3)]}`;
    return [long, clue(incident, { text: brief, at: later(incident, 0.5, 48), shape: chance(0.8) ? 'both' : 'point' })];
  } },
  // The same reporter sends it again with typos, or a second reporter types carelessly.
  typo: { duplicate: true, count: 15, make() {
    const incident = newIncident(pick(MAIN_CATEGORIES));
    const a = clue(incident);
    const text = withTypos(chance(0.5) ? a.text : reportText(incident), int(1, 3));
    return [a, clue(incident, { text, at: later(incident, 0.1, 24) })];
  } },
  // A hotline record (address only) of what someone else reported on the map.
  'address-only': { duplicate: true, count: 20, make() {
    const incident = newIncident(pick(MAIN_CATEGORIES));
    const a = clue(incident, { shape: chance(0.75) ? 'both' : 'point' });
    return [a, clue(incident, { at: later(incident, 0.5, 72), shape: 'address' })];
  } },
  // Rarely, a report in traditional script.
  traditional: { duplicate: true, count: 6, make() {
    const incident = newIncident(pick(MAIN_CATEGORIES));
    return [clue(incident), clue(incident, { text: toTraditional(reportText(incident)), at: later(incident, 1, 72) })];
  } },
  // The problem was not solved and is reported again a few days to weeks later (重复举报: to be merged).
  'repeat-report': { duplicate: true, count: 12, make() {
    const incident = newIncident(pick(MAIN_CATEGORIES));
    const again = pick(['又开始了，', '还是老样子，', '上次反映过，到现在还没解决，', '又来了！', '第二次举报：']);
    const a = clue(incident);
    return [a, clue(incident, { text: `${again}${reportText(incident)}`, at: later(incident, 72, 25 * 24) })];
  } },
  // One reporter did not know which category to choose.
  'other-category': { duplicate: true, count: 8, make() {
    const incident = newIncident(pick(MAIN_CATEGORIES));
    return [clue(incident), clue(incident, { category: 'other', at: later(incident, 0.5, 48) })];
  } },

  // One place, two different problems (a factory's wastewater and its noise).
  'same-place-different-category': { duplicate: false, count: 22, make() {
    const first = newIncident(pick(MAIN_CATEGORIES));
    const category = chance(0.2) ? 'other' : pickOther(ALL_CATEGORIES, first.category);
    const second = newIncident(category, { spot: first.spot });
    second.source = chance(0.6) ? { ...first.source } : second.source; // often the same company
    return [clue(first), clue(second, { at: later(first, -48, 96) })];
  } },
  // Same category, same kind of source and wording, a different incident 2.5–5 km away.
  'same-category-3km': { duplicate: false, count: 22, make() {
    const first = newIncident(pick(MAIN_CATEGORIES));
    const second = newIncident(first.category, { sourceKind: first.source.kind, spot: spotAway(first.spot, 2500, 5000) });
    return [clue(first), clue(second, { at: later(first, -72, 240) })];
  } },
  // The same factory again after months: a new occurrence, a new problem.
  'same-factory-months-apart': { duplicate: false, count: 18, make() {
    const incident = newIncident(pick(MAIN_CATEGORIES));
    return [clue(incident), clue(incident, { at: incident.at + between(45, 200) * DAY })];
  } },
  // "有异味" here and "有异味" there: same words, different places.
  'generic-short-different-places': { duplicate: false, count: 22, make() {
    const category = pick(['air', 'air', 'noise', 'water', 'solid-waste']);
    const first = newIncident(category);
    // A third within the 1 km hard limit, where only the scores can tell them apart.
    const second = newIncident(category, { spot: chance(0.35) ? spotAway(first.spot, 500, 1000) : spotAway(first.spot, 1000, 6000) });
    const sameWords = shortText(category);
    return [clue(first, { text: sameWords }), clue(second, { text: chance(0.6) ? sameWords : shortText(category), at: later(first, -24, 120) })];
  } },
  // Two different sources of the same kind of problem a few hundred metres apart (an industrial area).
  'neighbouring-source': { duplicate: false, count: 24, make() {
    const first = newIncident(pick(MAIN_CATEGORIES));
    const second = newIncident(first.category, { spot: spotAway(first.spot, 250, 950) });
    second.source.brand = pickOther(BRANDS, first.source.brand);
    return [clue(first), clue(second, { at: later(first, -72, 168) })];
  } },
  // Unrelated reports: anywhere, any category, any time.
  unrelated: { duplicate: false, count: 30, make() {
    const first = newIncident(pick(ALL_CATEGORIES));
    const second = newIncident(chance(0.3) ? first.category : pick(ALL_CATEGORIES));
    return [clue(first), clue(second)];
  } },
};

function nearestTown(point) {
  const d = (t) => (t.lat - point.lat) ** 2 + ((t.lng - point.lng) * Math.cos((point.lat * Math.PI) / 180)) ** 2;
  return TOWNS.reduce((best, t) => (d(t) < d(best) ? t : best));
}

// ---------- write ----------------------------------------------------------------------------------------------------

const pairs = [];
for (const [kind, recipe] of Object.entries(RECIPES)) {
  for (let i = 0; i < recipe.count; i++) {
    const [a, b] = recipe.make();
    pairs.push({ a, b, duplicate: recipe.duplicate, kind });
  }
}
// Interleave the kinds (deterministically) so that a prefix of the file is a fair sample too.
for (let i = pairs.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
}

writeFileSync(OUT, `${JSON.stringify(pairs, null, 1)}\n`);
const positives = pairs.filter((p) => p.duplicate).length;
console.log(`${pairs.length} pairs (${positives} duplicates, ${((100 * positives) / pairs.length).toFixed(1)}%) → ${OUT}`);
