// "Copier" buttons: copy the value of the field they name (data-copy="<id>") and say so.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var field = document.getElementById(button.dataset.copy);
      var status = document.getElementById(button.dataset.copy + "-status");
      field.select();
      var done = function () { status.textContent = "Adresse copiée."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done);
      } else {
        document.execCommand("copy");
        done();
      }
    });
  });
})();
