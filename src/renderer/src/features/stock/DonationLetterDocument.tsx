import { useTranslation } from 'react-i18next';
import type { DonationEntry } from '@shared/stock';
import { printInstantDay } from '@renderer/i18n/dates';

/** 捐赠证明 / 感谢信 for one donation, on one A4 page. */
export function DonationLetterDocument({
  donation,
  siteName,
}: {
  donation: DonationEntry;
  siteName: string;
}) {
  const { t, i18n } = useTranslation();
  const date = printInstantDay(donation.occurredAt, i18n.language);
  return (
    <article className="print-document" data-testid="donation-letter">
      <h1>{t('stock.letterTitle')}</h1>
      <p>{t('stock.letterSalutation', { donor: donation.donor })}</p>
      <p style={{ textIndent: '2em' }}>{t('stock.letterBody', { date, site: siteName })}</p>
      <table>
        <thead>
          <tr>
            <th>{t('stock.item')}</th>
            <th>{t('stock.lot')}</th>
            <th style={{ textAlign: 'right' }}>{t('stock.quantity')}</th>
          </tr>
        </thead>
        <tbody>
          {donation.lines.map((l, i) => (
            <tr key={i}>
              <td>
                {l.itemName} {l.spec}
              </td>
              <td>{l.lotCode ?? ''}</td>
              <td style={{ textAlign: 'right' }}>
                {l.quantity} {l.baseUnit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="print-signature">
        <div>{t('stock.letterClosing', { site: siteName })}</div>
        <div>{date}</div>
      </div>
    </article>
  );
}
