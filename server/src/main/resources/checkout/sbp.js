// The SBP page waits for the buyer's bank: it asks for the link's status every two seconds and moves on to the
// outcome as soon as there is one: the merchant's redirectUrl or our success page once the payment is approved,
// the failRedirectUrl or our failure page once the buyer cancels it in the bank app.
(function () {
  var sbp = document.getElementById('sbp');
  if (!sbp) return;
  var statusUrl = sbp.getAttribute('data-status-url');
  var doneUrl = sbp.getAttribute('data-done-url');
  var failedUrl = sbp.getAttribute('data-failed-url');
  function poll() {
    fetch(statusUrl, { cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        if (body.status === 'APPROVED' || body.status === 'AUTHORIZED') window.location.assign(doneUrl);
        else if (body.status === 'CREATED' && body.attempt === 'CANCELLED') window.location.assign(failedUrl);
        else if (body.status === 'CREATED') setTimeout(poll, 2000);
        else window.location.reload();
      })
      .catch(function () { setTimeout(poll, 4000); });
  }
  setTimeout(poll, 2000);
})();
