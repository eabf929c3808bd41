import { newReceiptCode, normaliseReceiptCode, receiptCodeHash } from './receipt-code';

describe('receipt code (查询码)', () => {
  it('has 20 Crockford base32 characters in groups of four (100 bits)', () => {
    const code = newReceiptCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(20 * Math.log2(32)).toBeGreaterThanOrEqual(80);
  });

  it('does not repeat in 10,000 draws', () => {
    expect(new Set(Array.from({ length: 10000 }, newReceiptCode)).size).toBe(10000);
  });

  it('accepts what people type and refuses anything else', () => {
    const code = newReceiptCode();
    expect(normaliseReceiptCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseReceiptCode('0O1I-LLLL-0000-1111-2222')).toBe('0011-1111-0000-1111-2222');
    expect(normaliseReceiptCode('short')).toBeUndefined();
    expect(normaliseReceiptCode("'; drop table x; --")).toBeUndefined();
  });

  it('is stored only as a hash', () => {
    const code = newReceiptCode();
    expect(receiptCodeHash(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(receiptCodeHash(code)).not.toContain(code);
  });
});
