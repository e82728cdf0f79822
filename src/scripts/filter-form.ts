/**
 * The one way the directory filters, the results table and the map react to their filter form: submitting applies
 * at once, typing in a text field applies after a short pause, choosing from a list or resetting applies at once.
 */
const TYPING_PAUSE_MS = 250;

export function onFilterFormChange(form: HTMLFormElement, apply: () => void): void {
  let timer: number | undefined;
  const later = (ms: number) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(apply, ms);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    apply();
  });
  form.addEventListener('input', (event) =>
    later((event.target as HTMLElement).localName === 'input' ? TYPING_PAUSE_MS : 0),
  );
  // Reset fires before the fields are cleared: apply on the next task.
  form.addEventListener('reset', () => later(0));
  // A filter from the address (a shared link) opens the folded form, so the reader sees why the list is shorter.
  const box = form.closest('details');
  if (box && [...new FormData(form).values()].some((value) => String(value).trim())) box.open = true;
}
