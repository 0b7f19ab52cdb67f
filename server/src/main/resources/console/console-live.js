// Live updates of the console's payments: the page names a small JSON answer (data-live-url) and the version of
// what it shows (data-live-version); every 2 s the script asks again and reloads the page when the version changed,
// so a tester watching the list or a payment sees the buyer pay. Without this script the page works the same,
// reloaded by hand.
(function () {
  var live = document.getElementById('live');
  if (!live || !window.fetch) return;
  var url = live.getAttribute('data-live-url');
  var shown = live.getAttribute('data-live-version');
  var pending = false;
  var stopped = false;

  // A reload would lose what the user is typing: wait until they leave the field.
  function typing() {
    var active = document.activeElement;
    return active && (active.tagName === 'INPUT' || active.tagName === 'SELECT' || active.tagName === 'TEXTAREA');
  }

  function reloadWhenIdle() {
    if (typing()) return;
    stopped = true;
    window.location.reload();
  }

  function poll() {
    if (stopped) return;
    if (pending) { reloadWhenIdle(); return; }
    if (document.hidden) return;
    fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (stopped) return null;
        // Signed out, or the payment is gone from the user's view: stop asking.
        if (!response.ok || (response.headers.get('Content-Type') || '').indexOf('json') < 0) {
          stopped = true;
          return null;
        }
        return response.json();
      })
      .then(function (state) {
        // An answer that arrives after the page began to reload must not reload it again.
        if (stopped || !state || state.version === shown) return;
        pending = true;
        reloadWhenIdle();
      })
      .catch(function () { /* the server is restarting, say: ask again next time */ });
  }

  setInterval(poll, 2000);
})();
