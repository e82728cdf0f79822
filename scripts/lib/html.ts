/**
 * HTML validity of what the server sends (not the DOM after scripts): html-validate with its recommended rules.
 * Rules may be turned off only in .htmlvalidate.json at the repo root, and each one turned off needs a written reason
 * in IGNORED below; the run refuses to start otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { oneLine } from './report.ts';

const CONFIG_FILE = new URL('../../.htmlvalidate.json', import.meta.url);

/** Why each rule turned off in .htmlvalidate.json is off. Keep in step with that file. */
export const IGNORED: Record<string, string> = {
  'long-title':
    'Official Vietnamese names run past 70 characters on their own ("Hội nghị khuyến công các tỉnh, thành phố khu vực ' +
    'phía Bắc lần thứ XVI – năm 2022"); shortening them would misname the record. The limit is a search-engine display ' +
    'heuristic, not validity or accessibility.',
};

function loadConfig(): ConfigData {
  const config: ConfigData = existsSync(CONFIG_FILE)
    ? (JSON.parse(readFileSync(CONFIG_FILE, 'utf8')) as ConfigData)
    : { extends: ['html-validate:recommended'] };
  const off = Object.entries(config.rules ?? {})
    .filter(
      ([, setting]) =>
        setting === 'off' || setting === 0 || (Array.isArray(setting) && (setting[0] === 'off' || setting[0] === 0)),
    )
    .map(([rule]) => rule);
  const unexplained = off.filter((rule) => !IGNORED[rule]);
  if (unexplained.length > 0) {
    throw new Error(
      `.htmlvalidate.json turns off ${unexplained.join(', ')} without a reason in scripts/lib/html.ts IGNORED`,
    );
  }
  return config;
}

const validator = new HtmlValidate(loadConfig());

/** The start tag of the element that holds `offset` (html-validate points into it, or just past its end). */
function startTagAt(html: string, offset: number): string {
  let i = Math.min(offset, html.length - 1);
  while (i >= 0) {
    i = html.lastIndexOf('<', i);
    if (i < 0 || html[i + 1] !== '/') break;
    i--;
  }
  return html.slice(Math.max(0, i), Math.max(0, i) + 200);
}

/** `rule: message (line:col, selector) <markup at fault>` for each error in `html`. */
export async function htmlProblems(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  const lines: string[] = [];
  for (const result of report.results) {
    for (const m of result.messages) {
      if (m.severity < 2) continue;
      const where = [`${m.line}:${m.column}`, m.selector].filter(Boolean).join(', ');
      lines.push(`${m.ruleId}: ${m.message} (${where}) ${oneLine(startTagAt(html, m.offset), 160)}`);
    }
  }
  return lines;
}
