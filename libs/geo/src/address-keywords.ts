import { TOWNS } from '@qingyuan/contracts';

/*
 * Fallback when a clue has no map point: the Yiwu town an address names, by keyword. Every town matches by its full
 * name (稠城街道, 佛堂镇) and by its short form (稠城, 佛堂, 廿三里). Longer matches are taken first, then the leftmost,
 * and a character belongs to one match only: 稠城街道 is one match, "稠城西路" is 稠城 (not 城西), "稠江东路" is 稠江
 * (not 江东). A short form directly followed by 区, 县 or 市 is another place (深圳福田区, 宁波江东区), and 江东 right
 * after 浙 is "浙江东…" (浙江东阳), not 江东街道.
 */
interface Keyword {
  text: string;
  townCode: string;
  short: boolean;
}

const KEYWORDS: readonly Keyword[] = TOWNS.flatMap((town) => {
  const short = town.zh.replace(/(街道|镇)$/, '');
  return [
    { text: town.zh, townCode: town.code, short: false },
    ...(short !== town.zh ? [{ text: short, townCode: town.code, short: true }] : []),
  ];
});

function otherPlace(keyword: Keyword, text: string, at: number): boolean {
  if (!keyword.short) return false;
  const after = text[at + keyword.text.length];
  if (after === '区' || after === '县' || after === '市') return true;
  return keyword.text.startsWith('江') && text[at - 1] === '浙';
}

/** The town code the address names, or undefined when it names none or more than one. */
export function townFromAddress(address: string): string | undefined {
  const text = address.replace(/\s+/g, '');
  const matches: { at: number; keyword: Keyword }[] = [];
  for (const keyword of KEYWORDS) {
    for (let at = text.indexOf(keyword.text); at >= 0; at = text.indexOf(keyword.text, at + 1)) {
      if (!otherPlace(keyword, text, at)) matches.push({ at, keyword });
    }
  }
  // longest first, then leftmost; a character belongs to one match only
  matches.sort((a, b) => b.keyword.text.length - a.keyword.text.length || a.at - b.at);
  const taken = new Array<boolean>(text.length).fill(false);
  const found = new Set<string>();
  for (const { at, keyword } of matches) {
    const end = at + keyword.text.length;
    if (taken.slice(at, end).some(Boolean)) continue;
    taken.fill(true, at, end);
    found.add(keyword.townCode);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
