/**
 * The little XML an .xlsx needs, read without a parser: elements by name, attributes, entities. Every scan moves
 * forward only (an open tag, then indexOf its close), so a damaged or hostile file costs linear time, never more.
 */

/** The part is not the XML we expect (an element never closes, an index points nowhere). */
export class XmlBroken extends Error {}

export interface XmlElement {
  /** the raw attribute text of the opening tag */
  attrs: string;
  /** the content; empty for <x/> */
  inner: string;
  start: number;
  end: number;
}

// Names ignore any namespace prefix: some writers emit <x:row>, strict OOXML uses other namespaces.
const openers = new Map<string, RegExp>();
const opener = (name: string) => {
  let re = openers.get(name);
  if (!re) {
    // Attribute text is bounded so a "<row" that never reaches ">" cannot make each attempt scan the rest of the file.
    re = new RegExp(`<((?:[\\w.-]+:)?)${name}(?=[\\s/>])([^>]{0,4000})>`, 'g');
    openers.set(name, re);
  }
  return re;
};

/** Each <name …>…</name> or <name …/> in `xml`, in order (not nested in one another: none of ours nest). */
export function* elements(xml: string, name: string): Generator<XmlElement> {
  const open = new RegExp(opener(name)); // a copy: generators over the same name may be live at once
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    if (m[2].endsWith('/')) {
      yield { attrs: m[2].slice(0, -1), inner: '', start: m.index, end: open.lastIndex };
      continue;
    }
    const close = `</${m[1]}${name}>`;
    const at = xml.indexOf(close, open.lastIndex);
    if (at < 0) throw new XmlBroken(`<${name}> is not closed`);
    yield { attrs: m[2], inner: xml.slice(open.lastIndex, at), start: m.index, end: at + close.length };
    open.lastIndex = at + close.length;
  }
}

export function firstElement(xml: string, name: string): XmlElement | undefined {
  for (const e of elements(xml, name)) return e;
  return undefined;
}

/** Attributes by local name (r:id → id). */
export function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1].replace(/^.*:/, '')] = unescapeXml(m[2] ?? m[3]);
  }
  return out;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities, then Excel's own _xHHHH_ escapes (it writes a carriage return in a cell as _x000D_). */
export function unescapeXml(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/gi, (entity: string, e: string) => {
      if (e[0] !== '#') return NAMED[e.toLowerCase()];
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a shared or inline string: every <t>, except those of phonetic guides (<rPh>). */
export function richText(xml: string): string {
  let visible = '';
  let from = 0;
  for (const guide of elements(xml, 'rPh')) {
    visible += xml.slice(from, guide.start);
    from = guide.end;
  }
  visible += xml.slice(from);
  let out = '';
  for (const t of elements(visible, 't')) out += unescapeXml(t.inner);
  return out;
}
