import type { ExportedFile } from '../../shared/accounts';
import { messagesFor } from '../../shared/i18n/catalogue';
import { residentIdCheckChar } from '../../shared/idNumber';
import { IMPORT_FIELDS, type ImportField } from '../../shared/imports';
import { addDays, siteDay } from '../../shared/siteDate';
import { getSettings } from '../accounts/settings';
import type { ServiceContext } from '../services/context';
import { Deferred } from '../services/deferred';
import { sheetXlsx, type Cell } from '../services/xlsx/sheetTable';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * arrivals.importTemplate: an .xlsx with the 序号 column and every header the import reads (in the
 * desk's language: the import reads both), and two example rows with names from the district
 * bulletin: a resident ID holder and a passport holder without a birth date.
 */
export function importTemplate(ctx: ServiceContext): Deferred<ExportedFile> {
  const m = messagesFor(getSettings(ctx).language);
  const yesterday = addDays(siteDay(ctx.now()), -1);
  const id = (first17: string) => first17 + residentIdCheckChar(first17);
  const examples: Record<ImportField, string>[] = [
    {
      fullName: '王允俊',
      gender: m.gender.male,
      birthDate: '1978-05-12',
      documentType: m.documentType.resident_id,
      documentNumber: id('32060219780512001'),
      phone: '13962912345',
      category: m.category.close_contact,
      household: 'A1',
      originPlace: '和平桥街道濠西社区',
      registeredResidence: '江苏省南通市崇川区',
      travel: 'G7012',
      lastExposureDate: yesterday,
      pregnant: '否',
      chronicIllness: '是',
      disability: '否',
      emergencyContact: '王静',
      emergencyPhone: '13862954321',
      notes: '',
    },
    {
      fullName: '郭文杰',
      gender: m.gender.male,
      birthDate: '',
      documentType: m.documentType.passport,
      documentNumber: 'EA1234567',
      phone: '',
      category: m.category.inbound,
      household: '',
      originPlace: '虹桥街道跃龙社区',
      registeredResidence: '',
      travel: 'MU5112',
      lastExposureDate: yesterday,
      pregnant: '否',
      chronicIllness: '否',
      disability: '否',
      emergencyContact: '蔡震',
      emergencyPhone: '13773612345',
      notes: '',
    },
  ];
  const rows: Cell[][] = examples.map((e, i) => [i + 1, ...IMPORT_FIELDS.map((f) => e[f])]);
  const header = [m.import.serial, ...IMPORT_FIELDS.map((f) => m.import.field[f])];
  return new Deferred(async () => ({
    filename: `${m.exports.arrivalsTemplate.file}.xlsx`,
    mime: XLSX_MIME,
    base64: (
      await sheetXlsx({
        sheet: m.exports.arrivalsTemplate.sheet,
        header,
        rows,
        widths: header.map((h) => Math.max(8, h.length * 2 + 2)),
      })
    ).toString('base64'),
  }));
}
