/**
 * What /so-lieu/ cannot chart yet and why, worked out from the content so the list shrinks as sources are added:
 * the page says plainly which figures no source on the site gives, instead of leaving gaps unexplained.
 */
import { t } from '../../i18n';
import { REGIONS } from '../vocabulary.ts';
import { KINDS, LEVELS, type Level, type Region, type ReportLike, type RoundLike } from './charts';
const SOURCES = ['national', 'local', 'counterpart'] as const;

interface ReportWithScope extends ReportLike {
  data: ReportLike['data'] & { region?: Region | undefined };
}

export function missingData(
  rounds: readonly RoundLike[],
  reports: readonly ReportWithScope[],
  provinceName: (id: string) => string,
): string[] {
  const notes: string[] = [];
  const funded = reports.filter((r) => r.data.funding.total !== undefined);
  const scopeOf = (r: ReportWithScope) => r.data.province?.id ?? r.data.region ?? r.data.scope;
  const perScope = new Map<string, number>();
  for (const r of funded) perScope.set(scopeOf(r), (perScope.get(scopeOf(r)) ?? 0) + 1);
  if (![...perScope.values()].some((n) => n > 1)) notes.push(t('stats.missing.years'));

  const parts = (r: ReportWithScope) => SOURCES.filter((k) => r.data.funding[k] !== undefined).length;
  const full = funded.filter((r) => parts(r) === SOURCES.length).length;
  const partial = funded.filter((r) => parts(r) > 0 && parts(r) < SOURCES.length).length;
  if (full < funded.length) notes.push(t('stats.missing.sources', { full, partial, total: funded.length }));

  const provinces = [...new Set(funded.flatMap((r) => (r.data.province ? [r.data.province.id] : [])))];
  if (provinces.length < 2) {
    notes.push(
      provinces.length === 0
        ? t('stats.missing.provincesNone')
        : t('stats.missing.provinces', { names: provinces.map(provinceName).join(', ') }),
    );
  }

  const byKind = reports.filter((r) => KINDS.some((k) => r.data.beneficiariesByKind[k] !== undefined));
  if (byKind.length < 2) notes.push(t('stats.missing.kinds', { count: byKind.length }));

  if (!rounds.some((r) => r.data.recognisedByGroup && Object.keys(r.data.recognisedByGroup).length > 0)) {
    notes.push(t('stats.missing.groups'));
  }

  const regional = new Set(
    rounds.filter((r) => r.data.level === 'khu-vuc').flatMap((r) => (r.data.region ? [r.data.region] : [])),
  );
  const absent = REGIONS.filter((g) => !regional.has(g));
  if (absent.length > 0)
    notes.push(t('stats.missing.regions', { regions: absent.map((g) => t(`region.${g}`)).join(', ') }));

  const absentLevels = LEVELS.filter((l: Level) => !rounds.some((r) => r.data.level === l));
  if (absentLevels.length > 0)
    notes.push(
      t('stats.missing.levels', { levels: absentLevels.map((l) => t(`level.${l}`).toLowerCase()).join(', ') }),
    );

  const noEntries = rounds.filter((r) => r.data.entries === undefined);
  if (noEntries.length > 0) {
    notes.push(
      t('stats.missing.entries', {
        count: noEntries.length,
        rounds: [...noEntries]
          .sort((a, b) => a.data.year - b.data.year)
          .map((r) => `${t(`level.${r.data.level}`).toLowerCase()} ${r.data.year}`)
          .join(', '),
      }),
    );
  }
  return notes;
}
