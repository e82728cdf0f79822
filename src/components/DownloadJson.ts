/** The JSON form of a dataset: its rows with typed values, plus what a reuser needs (licence, citation, columns). */
import type { Dataset, Row } from './DownloadDatasets';
import { LICENCE_URL } from '../lib/jsonld/core';
import { formatDate, isoDay } from '../lib/format';
import { absolute, datasetDictionaryPath, datasetPath } from '../lib/urls';
import { t } from '../i18n';

/** The citation line of a dataset, as /du-lieu/ shows it. */
export function citation(dataset: Dataset, origin: URL | string, accessed: Date): string {
  return t('dl.cite', {
    site: t('site.name'),
    year: accessed.getFullYear(),
    dataset: t(`dl.name.${dataset.id}`),
    date: formatDate(accessed),
    url: absolute(datasetPath(dataset.id, 'csv'), origin),
  });
}

const typed = (value: Row[string]) =>
  value === undefined || value === '' ? null : Array.isArray(value) ? [...value] : value;

export function datasetJson(dataset: Dataset, rows: Row[], origin: URL | string, generated: Date) {
  const columns = dataset.columns.map((c) => c.name);
  return {
    dataset: dataset.id,
    title: t(`dl.name.${dataset.id}`),
    description: t(`dl.about.${dataset.id}`),
    license: 'CC-BY-4.0',
    licenseUrl: LICENCE_URL,
    citation: citation(dataset, origin, generated),
    dictionary: absolute(datasetDictionaryPath(dataset.id), origin),
    generated: isoDay(generated),
    columns,
    rowCount: rows.length,
    rows: rows.map((row) => Object.fromEntries(columns.map((c) => [c, typed(row[c])]))),
  };
}
