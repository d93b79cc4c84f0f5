// Light or dark: follows the system until the reader picks one, then remembers it.
(function () {
  var KEY = 'onus-theme';
  var root = document.documentElement;
  var stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch (error) {
    // Storage can be blocked (private windows, file://): the theme then follows the system.
  }
  if (stored === 'light' || stored === 'dark') root.dataset.theme = stored;

  function isDark() {
    if (root.dataset.theme) return root.dataset.theme === 'dark';
    return window.matchMedia('(prefers-color-scheme: dark)').matches;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('.theme-toggle');
    if (!button) return;
    button.hidden = false;
    button.setAttribute('aria-pressed', String(isDark()));
    button.addEventListener('click', function () {
      var next = isDark() ? 'light' : 'dark';
      root.dataset.theme = next;
      button.setAttribute('aria-pressed', String(next === 'dark'));
      try {
        localStorage.setItem(KEY, next);
      } catch (error) {
        // Not remembered, but still applied to this page.
      }
    });
  });
})();
