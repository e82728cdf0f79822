/**
 * The site's fixed vocabularies, defined once: the schemas, the pages, the map's browser code, the web editor's
 * config, the importer and the open data all read them from here. Pure constants, so browser code may import them.
 * Order matters: the map files encode a kind or programme by its index here, and lists show values in this order.
 */

/**
 * The value a record carries when its source does not state a fact the schema asks for (a product's group, an
 * establishment's kind, a support's programme): the page then says so plainly instead of showing a guess.
 */
export const NOT_STATED = 'chua-ro';
export type NotStated = typeof NOT_STATED;

/** The four product groups of TT 26/2014/TT-BCT. */
export const GROUPS = [1, 2, 3, 4] as const;
export type Group = (typeof GROUPS)[number];
/** A product's group as its source states it. */
export type StatedGroup = Group | NotStated;

/** Kinds of establishment named by NĐ 45/2012/NĐ-CP, then "not stated" (a "cơ sở" says nothing of its legal form). */
export const KINDS = ['doanh-nghiep', 'hop-tac-xa', 'to-hop-tac', 'ho-kinh-doanh', NOT_STATED] as const;
export type Kind = (typeof KINDS)[number];
/** The kinds a legal form names, without "not stated" (report tables count these). */
export const LEGAL_KINDS = KINDS.filter((k): k is Exclude<Kind, NotStated> => k !== NOT_STATED);

/** Which khuyến công budget paid for a support. */
export const PROGRAMMES = ['quoc-gia', 'dia-phuong', NOT_STATED] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** How precisely a location is known and may be shown, finest first. */
export const PRECISIONS = ['exact', 'commune', 'district', 'province'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** The three khuyến công regions. */
export const REGIONS = ['bac', 'trung-tay-nguyen', 'nam'] as const;
export type Region = (typeof REGIONS)[number];

/** Levels of recognition, from district to national. */
export const LEVELS = ['huyen', 'tinh', 'khu-vuc', 'quoc-gia'] as const;
export type Level = (typeof LEVELS)[number];
