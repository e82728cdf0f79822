import { describe, expect, it } from 'vitest';
import { heldTogether } from '../../src/lib/held-together';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('heldTogether', () => {
  it('joins conference XVI (Thanh Hóa, 22/9/2022) and the 2022 northern round (Thanh Hóa, decision 20/9/2022)', () => {
    expect(
      heldTogether(
        { host: 'thanh-hoa', dates: [day('2022-09-22')] },
        { host: 'thanh-hoa', dates: [day('2022-09-20'), undefined] },
      ),
    ).toBe(true);
  });
  it('does not join another host, or the same host a week and more apart', () => {
    expect(
      heldTogether({ host: 'thanh-hoa', dates: [day('2022-09-22')] }, { host: 'nghe-an', dates: [day('2022-09-22')] }),
    ).toBe(false);
    expect(
      heldTogether(
        { host: 'thanh-hoa', dates: [day('2022-09-22')] },
        { host: 'thanh-hoa', dates: [day('2022-09-29')] },
      ),
    ).toBe(false);
  });
  it('does not join a round with no host or no date', () => {
    expect(heldTogether({ host: 'ha-noi', dates: [day('2024-05-13')] }, { dates: [day('2024-05-13')] })).toBe(false);
    expect(heldTogether({ host: 'ha-noi', dates: [day('2024-05-13')] }, { host: 'ha-noi', dates: [undefined] })).toBe(
      false,
    );
  });
});
