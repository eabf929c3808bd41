/**
 * Traditional → simplified for characters that show up in pollution reports. A few reports come in traditional script
 * (traders from Taiwan and Hong Kong, some input methods); without this "廢水" and "废水" share nothing. Deliberately
 * small: a full conversion table (OpenCC) would be a dependency for a rare case. Each entry is "traditional simplified".
 */
const PAIRS = `
  廢废 氣气 聲声 廠厂 燒烧 塵尘 煙烟 魚鱼 處处 業业 電电 場场 區区 車车 輛辆 運运 間间 發发 聽听 響响
  機机 條条 邊边 這这 個个 們们 產产 園园 蘇苏 義义 烏乌 鎮镇 東东 陳陈 號号 門门 樓楼 嚴严 舉举 報报
  請请 盡尽 還还 沒没 難难 聞闻 異异 積积 環环 汙污 顏颜 綠绿 紅红 藍蓝 黃黄 噴喷 輸输 經经 營营 開开
  關关 動动 鐘钟 點点 時时 溝沟 網网 線线 紙纸 膠胶 鐵铁 鋼钢 鍍镀 礦矿 鍋锅 爐炉 飲饮 館馆 飯饭 廚厨
  養养 豬猪 雞鸡 糞粪 醫医 療疗 藥药 劑剂 滲渗 蓋盖 壞坏 樹树 濕湿 庫库 壩坝 灘滩 採采 與与 裏里 裡里
  為为 說说 話话 無无 麼么 頭头 專专 縣县 鄉乡 莊庄 橋桥 灣湾 湧涌 濁浊 淨净 傾倾 塊块 層层 壓压 襪袜
  鏈链 飾饰 織织 紡纺 製制 燈灯 總总 實实 際际 晝昼 夢梦 衛卫 轉转 擾扰 噸吨 桿杆 鹼碱 幾几 來来 後后`;

const MAP = new Map(
  PAIRS.trim()
    .split(/\s+/)
    .map((pair) => [pair[0], pair[1]] as const),
);
// One character class: most reports contain none of them, and then the text is returned untouched at regex speed.
const TRADITIONAL = new RegExp(`[${[...MAP.keys()].join('')}]`, 'gu');

export function toSimplified(text: string): string {
  return text.replace(TRADITIONAL, (ch) => MAP.get(ch)!);
}
