// Filters the matrix by party and by text. Without this script the whole table is shown.
(function () {
  var form = document.querySelector('.matrix-filters');
  var table = document.getElementById('matrix');
  if (!form || !table) return;
  var query = form.elements.namedItem('q');
  var party = form.elements.namedItem('party');
  var output = form.querySelector('output');
  var rows = Array.prototype.slice.call(table.querySelectorAll('tr.activity-row'));
  var areaRows = Array.prototype.slice.call(table.querySelectorAll('tr.area-row'));
  var total = rows.length;

  var params = new URLSearchParams(window.location.search);
  query.value = params.get('q') || '';
  party.value = params.get('party') || '';
  if (party.selectedIndex < 0) party.value = '';
  form.hidden = false;

  function apply() {
    var words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = party.value;
    var visibleAreas = {};
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute('data-text') || '';
      var parties = (row.getAttribute('data-parties') || '').split(' ');
      var match =
        (!wanted || parties.indexOf(wanted) !== -1) &&
        words.every(function (word) {
          return text.indexOf(word) !== -1;
        });
      row.hidden = !match;
      if (!match) return;
      shown++;
      (row.getAttribute('data-areas') || '').split(' ').forEach(function (area) {
        if (area) visibleAreas[area] = true;
      });
    });
    areaRows.forEach(function (row) {
      row.hidden = !visibleAreas[row.getAttribute('data-area')];
    });
    output.textContent =
      shown === total ? total + ' activities' : 'Showing ' + shown + ' of ' + total + ' activities';
    remember(words.length ? query.value.trim() : '', wanted);
  }

  function remember(text, wantedParty) {
    var next = new URLSearchParams();
    if (text) next.set('q', text);
    if (wantedParty) next.set('party', wantedParty);
    var search = next.toString();
    try {
      history.replaceState(null, '', search ? '?' + search : window.location.pathname);
    } catch (error) {
      // Some browsers refuse to change the address of a page opened from disk: filtering still works.
    }
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    apply();
  });
  if (query.value || party.value) apply();
})();
