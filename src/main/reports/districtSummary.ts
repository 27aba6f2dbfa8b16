import type { DayFileRefusal, DistrictSummary, SiteDay } from '../../shared/dayFile';
import { periodToDay } from '../../shared/dayFile';
import { DomainError } from '../services/errors';
import { DayFileRefused, readDayFile } from './dayFileRead';

/**
 * Several sites' day files side by side. Nothing is stored: each file is read, checked and
 * either taken or refused with its reason. The first sound file sets the day; a file of another
 * day, or a second file of a site already taken, is refused.
 */
export function districtSummary(
  _ctx: unknown,
  input: { files: { fileName: string; base64: string }[] },
): DistrictSummary {
  const sites: SiteDay[] = [];
  const refused: DayFileRefusal[] = [];
  let day: string | null = null;
  for (const { fileName, base64 } of input.files) {
    try {
      const file = readDayFile({ fileName, base64 });
      const fileDay = periodToDay(file.period);
      day ??= fileDay;
      if (fileDay !== day) throw new DayFileRefused('other_day', { day: fileDay, expected: day });
      const twin = sites.find((s) => s.orgUnit === file.orgUnit);
      if (twin)
        throw new DayFileRefused('duplicate_site', { site: file.orgUnitName, other: twin.fileName });
      sites.push({
        fileName,
        orgUnit: file.orgUnit,
        orgUnitName: file.orgUnitName,
        generatedAt: file.generatedAt,
        appVersion: file.appVersion,
        values: Object.fromEntries(file.dataValues.map((v) => [v.dataElement, Number(v.value)])),
      });
    } catch (error) {
      if (error instanceof DayFileRefused)
        refused.push({ fileName, reason: error.reason, params: error.params });
      else if (error instanceof DomainError)
        refused.push({
          fileName,
          reason: 'unreadable',
          params: {},
          error: {
            code: error.code,
            message: error.message,
            ...(error.params ? { params: error.params } : {}),
            ...(error.fields ? { fields: error.fields as Record<string, string> } : {}),
          },
        });
      else throw error;
    }
  }
  return { day, sites, refused };
}
