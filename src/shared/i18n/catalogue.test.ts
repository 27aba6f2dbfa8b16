import { describe, expect, it } from 'vitest';
import { interpolate, messagesFor } from './catalogue';
import { en } from './en';
import { zhCN } from './zh-CN';

describe('the catalogue main reads', () => {
  it('is the very catalogue the renderer reads, per language', () => {
    expect(messagesFor('zh-CN')).toBe(zhCN);
    expect(messagesFor('en')).toBe(en);
    expect(messagesFor('zh-CN').report.missing).toBe('未测/漏测');
  });

  it('fills placeholders like i18next, leaves an unfilled one visible, and does not escape', () => {
    expect(interpolate(zhCN.stock.receivedBy, { source: zhCN.receiptSource.donation })).toBe(
      '入库（捐赠）',
    );
    expect(interpolate('{{site}} & {{ day }}', { site: 'A<B>', day: 3 })).toBe('A<B> & 3');
    expect(interpolate('{{missing}} {{toString}}', {})).toBe('{{missing}} {{toString}}');
  });
});
