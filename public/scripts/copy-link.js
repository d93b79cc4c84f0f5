// The copy-link button next to an activity's permalink. Without it the link stays selectable.
(function () {
  document.querySelectorAll('button[data-copy-target]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy-target'));
    var status = button.parentElement.querySelector('.copy-status');
    if (!field) return;
    // A site built without --site knows only its paths: complete them from the address bar.
    if (field.value.charAt(0) === '/' && /^https?:$/.test(window.location.protocol)) {
      field.value = new URL(field.value, window.location.href).href;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = field.value;
      function done(message) {
        if (status) status.textContent = message;
      }
      function fallback() {
        field.select();
        try {
          done(document.execCommand('copy') ? 'Link copied' : 'Press Ctrl+C to copy');
        } catch (error) {
          done('Press Ctrl+C to copy');
        }
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          done('Link copied');
        }, fallback);
      } else {
        fallback();
      }
    });
  });
})();
