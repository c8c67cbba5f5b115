// Scrolls the cited passage (?p=PASSAGE_ID, marked server-side with data-highlight) into view.
(function () {
  function show() {
    var id = document.body.getAttribute('data-highlight');
    if (!id) { return; }
    var el = document.getElementById(id);
    if (!el) { return; }
    el.setAttribute('tabindex', '-1');
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', show);
  } else {
    show();
  }
})();
