/**
 * The site's URLs, built in one place: one function per kind of page or file that has a variable part. Pages,
 * components, JSON-LD, open data, statistics and browser code all call these, so a record's address is written once.
 * The URLs themselves are fixed (shared links and search engines know them): changing a value here moves pages.
 * Section roots without a variable part ("/san-pham/", "/so-lieu/", …) stay as literals where they are used.
 * Pure and dependency-free: browser code imports it.
 */

/** A product's page: /san-pham/<slug>/. */
export const productPath = (id: string): string => `/san-pham/${id}/`;

/** A product's printable recognition page: /san-pham/<slug>/chung-nhan/. */
export const recognitionPath = (productId: string): string => `${productPath(productId)}chung-nhan/`;

/** An establishment's page: /co-so/<slug>/. */
export const beneficiaryPath = (id: string): string => `/co-so/${id}/`;

/** A province's page (a current unit or a former one): /tinh-thanh/<slug>/. */
export const provincePath = (id: string): string => `/tinh-thanh/${id}/`;

/** A voting round's page: /binh-chon/<slug>/. */
export const roundPath = (id: string): string => `/binh-chon/${id}/`;

/** A round's results as a sheet: /binh-chon/<slug>/ket-qua.csv. */
export const roundResultsCsvPath = (id: string): string => `${roundPath(id)}ket-qua.csv`;

/** A conference's page: /hoi-nghi/<slug>/. */
export const conferencePath = (id: string): string => `/hoi-nghi/${id}/`;

/** A news item: /tin-tuc/<slug>/. */
export const newsPath = (id: string): string => `/tin-tuc/${id}/`;

/** A story: /cau-chuyen/<slug>/. */
export const storyPath = (id: string): string => `/cau-chuyen/${id}/`;

/** A report's table on the statistics page: /so-lieu/#<slug>. */
export const reportPath = (id: string): string => `/so-lieu/#${id}`;

/** An open dataset's file: /du-lieu/<id>.csv or /du-lieu/<id>.json. */
export const datasetPath = (id: string, format: 'csv' | 'json'): string => `/du-lieu/${id}.${format}`;

/** An open dataset's entry in the data dictionary: /du-lieu/#<id>. */
export const datasetDictionaryPath = (id: string): string => `/du-lieu/#${id}`;

/** The products of one group: /san-pham/nhom/<1–4>/. */
export const productGroupPath = (group: number | string): string => `/san-pham/nhom/${group}/`;

/** The products filed under a province (and, for a current unit, the units merged into it): /san-pham/tinh/<slug>/. */
export const productProvincePath = (provinceId: string): string => `/san-pham/tinh/${provinceId}/`;

/** The establishments of one facet value: /co-so/<facet>/<value>/, e.g. /co-so/loai/hop-tac-xa/. */
export const beneficiaryFacetPath = (facet: string, value: string | number): string => `/co-so/${facet}/${value}/`;

/** The map, with a query of filters or a chosen point when given: /ban-do/?tinh=ha-noi. */
export const mapPath = (query?: string): string => `/ban-do/${query ? `?${query}` : ''}`;

/** The map filtered to one facet value: /ban-do/?<facet>=<value>. */
export const mapFacetPath = (facet: string, value: string | number): string => mapPath(`${facet}=${value}`);

/** The map with one establishment chosen: /ban-do/?chon=<slug>. */
export const mapPointPath = (beneficiaryId: string): string => mapPath(`chon=${beneficiaryId}`);

/** The folder of a listing's later pages: <listing>trang/<n>/. */
const PAGE_FOLDER = 'trang';

/** Page `n` of a listing whose first page is `base`: the base itself for page 1, else "<base>trang/<n>/". */
export const listingPath = (base: string, n: number): string => (n === 1 ? base : `${base}${PAGE_FOLDER}/${n}/`);

/**
 * The rest parameter of a listing route ("[...page].astro") for page `n`: undefined for page 1 (the listing's own
 * URL), "trang/<n>" after. `pageNumber` reads it back.
 */
export const pageParam = (n: number): string | undefined => (n === 1 ? undefined : `${PAGE_FOLDER}/${n}`);

/** The page number of a listing route's rest parameter (see pageParam). */
export const pageNumber = (param: string | undefined): number =>
  param === undefined ? 1 : Number(param.slice(PAGE_FOLDER.length + 1));

/** The share card's name of a page path: "/tin-tuc/abc/" → "tin-tuc/abc" (the /og/[...path].png route's parameter). */
export const ogCardName = (pagePath: string): string =>
  pagePath === '/' || pagePath === '' ? 'site' : pagePath.replace(/^\/|\/$/g, '');

/** A share card's file by its name: "tin-tuc/abc" → "/og/tin-tuc/abc.png". */
export const ogCardFile = (name: string): string => `/og/${name}.png`;

/** The share card's file of a page path: "/tin-tuc/abc/" → "/og/tin-tuc/abc.png"; "/" → the site's card. */
export const ogImagePath = (pagePath: string): string => ogCardFile(ogCardName(pagePath));

/** An absolute URL of a site path. */
export const absolute = (path: string, origin: URL | string): string => new URL(path, origin).href;
