import { describe, expect, it } from 'vitest';
import { missingWords, mustKeep } from '../../src/lib/search/typed-words';

// Text and positions as Pagefind returns them for a result (positions index the space-separated words).
const conference = 'Hội nghị ngành Công Thương phía Bắc lần thứ X họp tại Hà Nội';
const province = 'Đồng Tháp. dong thap. Tỉnh Đồng Tháp có nghiệpĐồng ThápChế biến';

describe('missingWords', () => {
  it('finds nothing missing when every typed word is in the matched words, typed with or without marks', () => {
    expect(missingWords('dong thap', province, [0, 1])).toEqual([]);
    expect(missingWords('Đồng Tháp', province, [5, 6])).toEqual([]);
    expect(missingWords('ĐỒNG THÁP'.normalize('NFD'), province, [0, 1])).toEqual([]);
  });

  it('reports a word Pagefind matched only through a letter or two of it', () => {
    // "xyzzyqwv" is in no page: Pagefind falls back to the lone "X" at position 9.
    expect(missingWords('xyzzyqwv', conference, [9])).toEqual(['xyzzyqwv']);
    expect(missingWords('hoi nghi xyzzyqwv', conference, [0, 1, 9])).toEqual(['xyzzyqwv']);
  });

  it('accepts a slip at the end of a word: most of it was found', () => {
    expect(missingWords('dong thapp', province, [0, 1])).toEqual([]);
    expect(missingWords('nghii', conference, [1])).toEqual([]);
  });

  it('finds a word glued to its neighbour in Pagefind’s text', () => {
    expect(missingWords('dong', province, [8])).toEqual([]);
  });

  it('requires all of a short word and two thirds of a long one', () => {
    expect([2, 3, 4, 6, 8, 9].map(mustKeep)).toEqual([2, 3, 3, 4, 6, 6]);
  });
});
