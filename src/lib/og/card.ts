/**
 * The Open Graph card (1200×630) as the element tree satori lays out: a kicker line (section, date, place), the
 * title, an optional line under it, the site's name, and optionally a picture on the right (a province's locator map).
 */
import { t } from '../../i18n';

export interface Card {
  kicker: string;
  title: string;
  subtitle?: string | undefined;
  /** An SVG document drawn on the right (the locator map), with labels laid over it: x is where each text ends. */
  picture?:
    | { svg: string; width: number; height: number; labels: Array<{ text: string; x: number; y: number }> }
    | undefined;
}

/** Satori's element shape (what JSX would produce). */
export interface CardNode {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: Array<CardNode | string> | string;
    [key: string]: unknown;
  };
}

export const CARD_SIZE = { width: 1200, height: 630 } as const;
const PADDING = { x: 64, y: 56 } as const;
/** The picture's box; the locator map is about 208 × 264, drawn at twice that. */
const PICTURE = { width: 400, height: 508 } as const;
export const FONT_FAMILY = 'CardLatin, CardVietnamese, CardLatinExt';

const h = (
  type: string,
  style: Record<string, string | number>,
  children?: CardNode['props']['children'],
  extra = {},
): CardNode => ({
  type,
  props: { style, ...(children === undefined ? {} : { children }), ...extra },
});

/** Shortens past `max` characters at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd()}…`;
}

/** Smaller type for longer titles, so that any title fits in four lines. */
export const titleSize = (title: string, narrow: boolean): number => {
  const n = title.length * (narrow ? 1.45 : 1);
  return n <= 50 ? 68 : n <= 90 ? 58 : n <= 130 ? 48 : 42;
};

export function cardTree(card: Card): CardNode {
  const narrow = card.picture !== undefined;
  const title = clip(card.title, 150);
  const inner = CARD_SIZE.width - 2 * PADDING.x;
  const text = h(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      width: narrow ? inner - PICTURE.width - 40 : inner,
      height: CARD_SIZE.height - 2 * PADDING.y,
    },
    [
      h('div', { display: 'flex', fontSize: 30, color: '#d7efe2' }, clip(card.kicker, 70)),
      h('div', { display: 'flex', flexDirection: 'column' }, [
        h('div', { display: 'flex', fontSize: titleSize(title, narrow), fontWeight: 700, lineHeight: 1.18 }, title),
        ...(card.subtitle
          ? [h('div', { display: 'flex', fontSize: 32, marginTop: 24, color: '#eaf6ef' }, clip(card.subtitle, 110))]
          : []),
      ]),
      h(
        'div',
        { display: 'flex', fontSize: 26, color: '#d7efe2', borderTop: '3px solid #ffbf47', paddingTop: 18 },
        t('site.name'),
      ),
    ],
  );
  const pic = card.picture;
  const scale = pic ? Math.min(PICTURE.width / pic.width, PICTURE.height / pic.height) : 1;
  const picture = pic
    ? [
        h(
          'div',
          {
            display: 'flex',
            position: 'relative',
            width: pic.width * scale,
            height: pic.height * scale,
            marginLeft: 40,
          },
          [
            h('img', { width: pic.width * scale, height: pic.height * scale }, undefined, {
              src: `data:image/svg+xml;base64,${Buffer.from(pic.svg).toString('base64')}`,
              width: pic.width * scale,
              height: pic.height * scale,
            }),
            ...pic.labels.map((l) =>
              h(
                'div',
                {
                  display: 'flex',
                  position: 'absolute',
                  right: (pic.width - l.x) * scale,
                  top: l.y * scale - 22,
                  fontSize: 18,
                  color: '#ffffff',
                },
                l.text,
              ),
            ),
          ],
        ),
      ]
    : [];
  return h(
    'div',
    {
      display: 'flex',
      alignItems: 'center',
      width: CARD_SIZE.width,
      height: CARD_SIZE.height,
      paddingLeft: PADDING.x,
      paddingRight: PADDING.x,
      background: '#0b5c3b',
      color: '#ffffff',
      fontFamily: FONT_FAMILY,
    },
    [text, ...picture],
  );
}
