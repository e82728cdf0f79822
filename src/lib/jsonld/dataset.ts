/** DataCatalog for /du-lieu/ (one Dataset per file pair) and Dataset for the figures on /so-lieu/. */
import type { DataCatalog, Dataset } from 'schema-dts';
import { isoDay } from '../format';
import { absolute, LICENCE_URL, siteOrganization } from './core';
import { datasetDictionaryPath, datasetPath } from '../urls';

export interface DatasetInput {
  /** File name without extension: /du-lieu/<id>.csv and .json. */
  id: string;
  name: string;
  description: string;
  columns: readonly string[];
}

export function datasetNode(d: DatasetInput, origin: URL | string, modified: Date): Exclude<Dataset, string> {
  return {
    '@type': 'Dataset',
    '@id': absolute(datasetDictionaryPath(d.id), origin),
    name: d.name,
    description: d.description,
    url: absolute(datasetDictionaryPath(d.id), origin),
    identifier: d.id,
    inLanguage: 'vi',
    license: LICENCE_URL,
    isAccessibleForFree: true,
    dateModified: isoDay(modified),
    creator: siteOrganization(origin),
    spatialCoverage: { '@type': 'Country', name: 'Việt Nam' },
    variableMeasured: [...d.columns],
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: absolute(datasetPath(d.id, 'csv'), origin) },
      {
        '@type': 'DataDownload',
        encodingFormat: 'application/json',
        contentUrl: absolute(datasetPath(d.id, 'json'), origin),
      },
    ],
  };
}

export function catalogNode(
  catalog: { name: string; description: string },
  datasets: readonly DatasetInput[],
  origin: URL | string,
  modified: Date,
): Exclude<DataCatalog, string> {
  return {
    '@type': 'DataCatalog',
    name: catalog.name,
    description: catalog.description,
    url: absolute('/du-lieu/', origin),
    inLanguage: 'vi',
    license: LICENCE_URL,
    publisher: siteOrganization(origin),
    dataset: datasets.map((d) => datasetNode(d, origin, modified)),
  };
}

/** /so-lieu/: the sourced figures, based on their sources, downloadable as /du-lieu/so-lieu.csv. */
export function statisticsNode(
  page: { name: string; description: string; sourceUrls: readonly string[]; from: number; to: number },
  origin: URL | string,
  modified: Date,
): Exclude<Dataset, string> {
  return {
    '@type': 'Dataset',
    '@id': absolute('/so-lieu/#du-lieu', origin),
    name: page.name,
    description: page.description,
    url: absolute('/so-lieu/', origin),
    inLanguage: 'vi',
    license: LICENCE_URL,
    isAccessibleForFree: true,
    dateModified: isoDay(modified),
    creator: siteOrganization(origin),
    spatialCoverage: { '@type': 'Country', name: 'Việt Nam' },
    temporalCoverage: `${page.from}/${page.to}`,
    isBasedOn: [...new Set(page.sourceUrls)],
    distribution: [
      {
        '@type': 'DataDownload',
        encodingFormat: 'text/csv',
        contentUrl: absolute(datasetPath('so-lieu', 'csv'), origin),
      },
      {
        '@type': 'DataDownload',
        encodingFormat: 'application/json',
        contentUrl: absolute(datasetPath('so-lieu', 'json'), origin),
      },
    ],
  };
}
