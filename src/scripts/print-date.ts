/**
 * Writes the date a page is printed into its print-only colophon (BaseLayout), just before printing: a printout
 * says where it came from and when. Nothing runs until the reader prints.
 */
addEventListener('beforeprint', () => {
  const today = new Intl.DateTimeFormat(document.documentElement.lang || 'vi', {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).format(new Date());
  for (const el of document.querySelectorAll<HTMLElement>('[data-printed]')) el.textContent = today;
});
