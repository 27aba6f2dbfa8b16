import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, readQuantityText } from './quantityText';

const DIGITS = '零一二三四五六七八九';

/** An independent writer of Chinese numerals below 10⁸, as a person would write them. */
function writeChinese(n: number): string {
  const below10k = (k: number, leadingZero: boolean): string => {
    const parts = [
      [Math.floor(k / 1000), '千'],
      [Math.floor(k / 100) % 10, '百'],
      [Math.floor(k / 10) % 10, '十'],
      [k % 10, ''],
    ] as const;
    let out = '';
    let zero = leadingZero;
    for (const [d, unit] of parts) {
      if (d === 0) {
        zero = out !== '' || leadingZero;
        continue;
      }
      if (zero && out !== '') out += '零';
      else if (zero && leadingZero && out === '') out += '零';
      out += DIGITS[d]! + unit;
      zero = false;
    }
    return out;
  };
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  if (high === 0) return below10k(low, false);
  return `${below10k(high, false)}万${low === 0 ? '' : below10k(low, low < 1000)}`;
}

const thousands = (n: number) => n.toLocaleString('en-US');
const amount = fc.integer({ min: 1, max: 99_999_999 });
const countingWord = fc.constantFrom('', '只', '个', '件', '瓶', '副', '箱', '盒');

describe('quantities as people write them', () => {
  it('reads the examples of the donation registers', () => {
    expect(readQuantityText('2000余只')).toEqual({ quantity: 2000, unit: '只', approximate: true });
    expect(readQuantityText('30多个')).toEqual({ quantity: 30, unit: '个', approximate: true });
    expect(readQuantityText('100余')).toEqual({ quantity: 100, unit: '', approximate: true });
    expect(readQuantityText('1,000')).toEqual({ quantity: 1000, unit: '', approximate: false });
    expect(readQuantityText('一千')).toEqual({ quantity: 1000, unit: '', approximate: false });
    expect(readQuantityText('1.2万')).toEqual({ quantity: 12000, unit: '', approximate: false });
    expect(readQuantityText('约 500 只')).toEqual({ quantity: 500, unit: '只', approximate: true });
    expect(readQuantityText('500只左右')).toEqual({
      quantity: 500,
      unit: '只',
      approximate: true,
    });
    expect(readQuantityText('２５０件')).toEqual({ quantity: 250, unit: '件', approximate: false });
    expect(readQuantityText('两千五百只').quantity).toBe(2500);
    expect(readQuantityText('十五').quantity).toBe(15);
  });

  it('refuses what is not a whole number above zero', () => {
    for (const text of ['', '数百只', '若干', '0', '1.5', '1,00', '-3', '二三', '3只5个']) {
      expect(readQuantityText(text).quantity, text).toBeNull();
    }
  });

  it('reads every whole number in digits, with separators and in Chinese, with or without 余', () => {
    fc.assert(
      fc.property(amount, countingWord, fc.boolean(), (n, unit, about) => {
        const suffix = about ? '余' : '';
        for (const written of [String(n), thousands(n), writeChinese(n)]) {
          expect(readQuantityText(`${written}${suffix}${unit}`), written).toEqual({
            quantity: n,
            unit,
            approximate: about,
          });
        }
      }),
    );
  });

  it('reads 万 after digits as ten thousand', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999 }), fc.integer({ min: 0, max: 9 }), (w, d) => {
        expect(readQuantityText(`${w}.${d}万`).quantity).toBe(w * 10_000 + d * 1000);
      }),
    );
  });

  it('reads a Chinese numeral as its writer meant it', () => {
    fc.assert(
      fc.property(amount, (n) => {
        expect(chineseNumeral(writeChinese(n))).toBe(n);
      }),
    );
  });
});
