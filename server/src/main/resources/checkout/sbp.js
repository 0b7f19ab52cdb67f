// The SBP page waits for the buyer's bank: it asks for the link's status every two seconds and moves on to the
// outcome (the merchant's redirectUrl or our success page) as soon as the payment is approved.
(function () {
  var sbp = document.getElementById('sbp');
  if (!sbp) return;
  var statusUrl = sbp.getAttribute('data-status-url');
  var doneUrl = sbp.getAttribute('data-done-url');
  function poll() {
    fetch(statusUrl, { cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        if (body.status === 'APPROVED' || body.status === 'AUTHORIZED') window.location.assign(doneUrl);
        else if (body.status === 'CREATED') setTimeout(poll, 2000);
        else window.location.reload();
      })
      .catch(function () { setTimeout(poll, 4000); });
  }
  setTimeout(poll, 2000);
})();
