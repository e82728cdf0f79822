/**
 * The operator's contact, set once: `SITE_CONTACT_EMAIL` / `SITE_CONTACT_NAME` at build time, else deploy/contact.json
 * (committed, so every build of the real site has it). It is shown in the footer and on /gioi-thieu/, and every record
 * page offers a "Báo lỗi hoặc đề nghị sửa" link: a mailto prefilled with the page's title and address, so a reader
 * can report an error with no server behind the site. A production build refuses to run without it (scripts/build.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CONTACT_CONFIG_FILE = 'deploy/contact.json';

export interface Contact {
  /** Who runs the site, e.g. "Ban biên tập …"; undefined when not set. */
  name: string | undefined;
  email: string | undefined;
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i;

export function siteContact(env: Record<string, string | undefined> = process.env, root = process.cwd()): Contact {
  let file: { name?: unknown; email?: unknown } = {};
  try {
    file = JSON.parse(readFileSync(join(root, CONTACT_CONFIG_FILE), 'utf8')) as typeof file;
  } catch {
    // no file: only the environment
  }
  const pick = (key: string, value: unknown) =>
    (env[key] || (typeof value === 'string' ? value : '')).trim() || undefined;
  const email = pick('SITE_CONTACT_EMAIL', file.email);
  if (email && !EMAIL.test(email)) {
    throw new Error(`Địa chỉ thư liên hệ không hợp lệ: "${email}" (${CONTACT_CONFIG_FILE} hoặc SITE_CONTACT_EMAIL).`);
  }
  return { name: pick('SITE_CONTACT_NAME', file.name), email };
}

/** A mailto: link that opens a message about one page: its title in the subject, its address in the body. */
export function reportMailto(email: string, title: string, url: string): string {
  const subject = `Báo lỗi hoặc đề nghị sửa: ${title}`;
  const body = `Trang: ${url}\n\nĐiều cần sửa (và nguồn, nếu có):\n`;
  return `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
