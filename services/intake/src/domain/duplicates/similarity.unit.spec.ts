import { normaliseText, textSimilarity } from './similarity';
import { toSimplified } from './traditional';

describe('text similarity for Chinese reports', () => {
  it('is 1 for the same text and 0 for texts that share nothing', () => {
    const text = '稠江街道杨村路印染厂晚上偷排黑水，河水发臭';
    expect(textSimilarity(text, text)).toBe(1);
    expect(textSimilarity(text, '北苑春晗路工地半夜施工噪音很大')).toBe(0);
  });

  it('scores a paraphrase of one incident above an unrelated report of the same kind', () => {
    const report = '稠江街道杨村路华鑫印染厂晚上偷排黑水，河水发臭，请尽快处理！';
    const paraphrase = '来电人反映：杨村路那家印染厂夜里往河里偷排黑水，臭得很';
    const unrelated = '佛堂镇田心村养猪场污水直排南江，水面有白沫';
    expect(textSimilarity(report, paraphrase)).toBeGreaterThan(0.2);
    expect(textSimilarity(report, paraphrase)).toBeGreaterThan(textSimilarity(report, unrelated) + 0.1);
  });

  it('is symmetric and stays within 0..1', () => {
    const a = '冒黑烟，气味呛人';
    const b = '烟囱一直冒黑烟';
    expect(textSimilarity(a, b)).toBeCloseTo(textSimilarity(b, a), 12);
    expect(textSimilarity(a, b)).toBeGreaterThan(0);
    expect(textSimilarity(a, b)).toBeLessThan(1);
  });

  it('folds full-width characters, case, punctuation, spaces and filler words away', () => {
    expect(normaliseText('ＡＢＣ　１２３号，请尽快处理！')).toBe('abc123号');
    expect(normaliseText('举报：有人在附近严重偷排！！')).toBe('在偷排');
    expect(textSimilarity('举报：河水发黑，请尽快处理！', '河水发黑')).toBe(1);
  });

  it('reads traditional script as simplified', () => {
    expect(toSimplified('廢氣汙染，噪聲擾民')).toBe('废气污染，噪声扰民');
    expect(textSimilarity('電鍍廠廢水直排', '电镀厂废水直排')).toBe(1);
  });

  it('compares single characters too when a text is very short', () => {
    expect(textSimilarity('臭', '臭')).toBe(1);
    expect(textSimilarity('好臭', '真臭')).toBeGreaterThan(0);
    expect(textSimilarity('好臭啊这里真的非常臭', '那边很香花开了满树都是')).toBe(0);
  });

  it('treats empty text, or text that is only filler, as no evidence', () => {
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('请尽快处理！', '请尽快处理！')).toBe(0);
    expect(textSimilarity('河水发黑', '   ')).toBe(0);
  });
});
