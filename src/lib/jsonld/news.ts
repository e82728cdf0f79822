/** NewsArticle for /tin-tuc/<slug>/ and Article for /cau-chuyen/<slug>/. */
import type { Article, NewsArticle } from 'schema-dts';
import { isoDay } from '../format';
import { absolute } from './core';
import { basedOn } from './sources';

export interface ArticleInput {
  /** Site path of the page, e.g. "/tin-tuc/abc/". */
  path: string;
  title: string;
  summary: string;
  date: Date;
  /** Site path or absolute URL of the share image (og image or cover photo). */
  image?: string | undefined;
  sources: Parameters<typeof basedOn>[0];
  /** Full names of the provinces it is about, e.g. "tỉnh Thanh Hóa". */
  places?: readonly string[];
  /** Site ids (path and fragment) of the nodes it is about, e.g. "/hoi-nghi/xvi/#hoi-nghi", "/co-so/abc/#co-so". */
  about?: readonly string[];
}

function articleFields(a: ArticleInput, origin: URL | string) {
  const url = absolute(a.path, origin);
  return {
    headline: a.title,
    description: a.summary,
    datePublished: isoDay(a.date),
    inLanguage: 'vi',
    url,
    mainEntityOfPage: url,
    ...(a.image ? { image: absolute(a.image, origin) } : {}),
    author: { '@id': absolute('/#to-chuc', origin) },
    publisher: { '@id': absolute('/#to-chuc', origin) },
    isBasedOn: basedOn(a.sources),
    ...(a.places && a.places.length > 0
      ? { contentLocation: a.places.map((name) => ({ '@type': 'AdministrativeArea' as const, name })) }
      : {}),
    ...(a.about && a.about.length > 0 ? { about: a.about.map((id) => ({ '@id': absolute(id, origin) })) } : {}),
  };
}

export const newsArticleNode = (a: ArticleInput, origin: URL | string): Exclude<NewsArticle, string> => ({
  '@type': 'NewsArticle',
  ...articleFields(a, origin),
});

export const storyNode = (a: ArticleInput, origin: URL | string): Exclude<Article, string> => ({
  '@type': 'Article',
  ...articleFields(a, origin),
});
