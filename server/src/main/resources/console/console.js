// The console's only script: a button that acts once is disabled as soon as its form is sent, so a double click
// sends it once (the server refuses a second send of the same form anyway).
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.hasAttribute('data-once')) return;
  if (form.dataset.sent === 'yes') { event.preventDefault(); return; }
  form.dataset.sent = 'yes';
  form.querySelectorAll('button[type=submit]').forEach(function (button) { button.disabled = true; });
});
