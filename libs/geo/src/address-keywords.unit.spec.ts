import { TOWNS } from '@qingyuan/contracts';
import { townFromAddress } from './address-keywords';

describe('townFromAddress', () => {
  it('finds every town by its full name and by its short form', () => {
    for (const town of TOWNS) {
      expect(townFromAddress(`浙江省金华市义乌市${town.zh}某某村12号`)).toBe(town.code);
      expect(townFromAddress(`义乌${town.zh.replace(/(街道|镇)$/, '')}工业区`)).toBe(town.code);
    }
  });

  it('knows the common short forms', () => {
    expect(townFromAddress('稠城宾王路 5 号')).toBe('330782001');
    expect(townFromAddress('佛堂老街')).toBe('330782100');
    expect(townFromAddress('廿三里开元北街121号')).toBe('330782007');
    expect(townFromAddress('大陈红峰村')).toBe('330782106');
  });

  it('takes the longest match first, then the leftmost, each character once', () => {
    expect(townFromAddress('稠城街道县前街')).toBe('330782001');
    expect(townFromAddress('佛堂镇佛堂老街')).toBe('330782100');
    expect(townFromAddress('稠城西路')).toBe('330782001'); // not 城西
    expect(townFromAddress('稠江东路')).toBe('330782003'); // not 江东
  });

  it('gives nothing when the address names no town or more than one', () => {
    expect(townFromAddress('')).toBeUndefined();
    expect(townFromAddress('义乌市某某路 1 号')).toBeUndefined();
    expect(townFromAddress('佛堂镇与赤岸镇交界处')).toBeUndefined();
    expect(townFromAddress('后宅到苏溪的路上')).toBeUndefined();
  });

  it('does not mistake other places for Yiwu towns', () => {
    expect(townFromAddress('广东省深圳市福田区')).toBeUndefined();
    expect(townFromAddress('宁波市江东区')).toBeUndefined();
    expect(townFromAddress('浙江东阳市吴宁街道')).toBeUndefined();
    expect(townFromAddress('浙江省义乌市江东街道')).toBe('330782002');
    expect(townFromAddress('浙江义乌江东青口路')).toBe('330782002');
  });
});
