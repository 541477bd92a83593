// The /embed page: updates the code and the preview as soon as an option changes, and copies code.
(function () {
  'use strict';
  var form = document.getElementById('builder-form');
  if (!form) { return; }
  form.addEventListener('change', function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
  var status = document.getElementById('copy-status');
  Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = document.getElementById(button.dataset.target);
      text.select();
      var done = function () { status.textContent = status.dataset.copied; };
      if (navigator.clipboard) { navigator.clipboard.writeText(text.value).then(done, function () { document.execCommand('copy'); done(); }); }
      else { document.execCommand('copy'); done(); }
    });
  });
})();
