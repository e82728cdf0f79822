/** Dates that cannot be right: reported by the content check with the field and why. */

export interface DateRule {
  field: string;
  message: string;
}

const EARLIEST = new Date('2000-01-01');

/** Problems with the dates of one entry of `collection`, judged against `today`. */
export function implausibleDates(collection: string, data: Record<string, unknown>, today: Date): DateRule[] {
  const problems: DateRule[] = [];
  // Dates arrive as Date (after the schema) or as "YYYY-MM-DD" text (straight from YAML).
  const date = (value: unknown) => {
    const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : value;
    return d instanceof Date && !Number.isNaN(d.getTime()) ? d : undefined;
  };
  const tomorrow = new Date(today.getTime() + 86_400_000);
  const published = date(data['date']);
  if (published && (collection === 'news' || collection === 'stories') && published > tomorrow) {
    problems.push({ field: 'date', message: 'Ngày đăng ở tương lai: kiểm tra lại năm, tháng, ngày' });
  }
  if (published && published < EARLIEST) {
    problems.push({ field: 'date', message: 'Ngày trước năm 2000: kiểm tra lại năm' });
  }
  if (collection === 'votingRounds') {
    const year = typeof data['year'] === 'number' ? data['year'] : undefined;
    const decision = data['decision'] as { date?: unknown } | undefined;
    const decided = date(decision?.date);
    if (year && decided && decided.getFullYear() < year) {
      problems.push({ field: 'decision.date', message: `Quyết định ký trước năm bình chọn ${year}: kiểm tra năm` });
    }
    if (year && year > today.getFullYear() + 1) {
      problems.push({ field: 'year', message: 'Năm bình chọn ở tương lai xa: kiểm tra lại' });
    }
  }
  if (collection === 'provinces') {
    const from = date(data['validFrom']);
    const until = date(data['validUntil']);
    if (from && until && until < from)
      problems.push({ field: 'validUntil', message: 'Ngày kết thúc trước ngày bắt đầu' });
  }
  return problems;
}

export interface ImpossibleDate {
  line: number;
  field?: string;
  message: string;
}

/**
 * Dates written in YAML that the calendar does not have, e.g. 2022-02-30 or 2023-13-01. A YAML reader turns
 * 2022-02-30 into 2 March without a word, so the check reads the text itself. `firstLine` is the text's first line
 * in its file.
 */
export function impossibleDates(yaml: string, firstLine = 1): ImpossibleDate[] {
  const found: ImpossibleDate[] = [];
  yaml.split('\n').forEach((line, i) => {
    if (/^\s*#/.test(line)) return;
    for (const m of line.matchAll(/(?<![\w.-])(\d{4})-(\d{2})-(\d{2})(?![\w.:-])/g)) {
      const [text, y, mo, d] = [m[0], Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) continue;
      const key = /^\s*(?:-\s+)?([A-Za-z][\w-]*)\s*:/.exec(line)?.[1];
      const why = mo < 1 || mo > 12 ? `không có tháng ${mo}` : `tháng ${mo} năm ${y} không có ngày ${d}`;
      found.push({
        line: firstLine + i,
        ...(key && { field: key }),
        message: `Ngày ${text} không có thật (${why}): kiểm tra lại ngày, tháng`,
      });
    }
  });
  return found;
}
