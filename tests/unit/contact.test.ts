/** The operator's contact: read once from configuration, and the report link a reader's mail program opens. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { reportMailto, siteContact } from '../../src/lib/contact';

it('reads deploy/contact.json, and the environment wins over it', async () => {
  const root = await mkdtemp(join(tmpdir(), 'contact-'));
  await mkdir(join(root, 'deploy'));
  await writeFile(join(root, 'deploy/contact.json'), JSON.stringify({ name: 'Ban biên tập', email: 'a@b.vn' }));
  expect(siteContact({}, root)).toEqual({ name: 'Ban biên tập', email: 'a@b.vn' });
  expect(siteContact({ SITE_CONTACT_EMAIL: 'c@d.vn' }, root).email).toBe('c@d.vn');
  expect(siteContact({}, join(root, 'khong-co'))).toEqual({ name: undefined, email: undefined });
  expect(() => siteContact({ SITE_CONTACT_EMAIL: 'khong phai thu' }, root)).toThrow(/không hợp lệ/);
});

it('prefills the subject with the title and the body with the address, encoded for a mail program', () => {
  const href = reportMailto('a@b.vn', 'Chè Tây Sơn & co', 'https://site.vn/san-pham/che-tay-son/');
  const url = new URL(href);
  expect(url.protocol).toBe('mailto:');
  expect(url.pathname).toBe('a@b.vn');
  expect(url.searchParams.get('subject')).toBe('Báo lỗi hoặc đề nghị sửa: Chè Tây Sơn & co');
  expect(url.searchParams.get('body')).toContain('Trang: https://site.vn/san-pham/che-tay-son/');
});
