// Runs in <head>, before the page paints: applies a theme the reader chose earlier.
const KEY = 'onus-theme';
try {
  const stored = localStorage.getItem(KEY);
  if (stored === 'light' || stored === 'dark') document.documentElement.dataset.theme = stored;
} catch {
  // Storage can be blocked (private windows, some file:// setups): the theme follows the system.
}
