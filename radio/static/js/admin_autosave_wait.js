// An action clicked while Wagtail's autosave is still waiting for its answer waits for it.
// On a new page the first autosave creates the page and moves the form to the page's edit
// address; « Soumettre » or « Publier » sent meanwhile to the creation address would make the
// page a second time and fail on its slug (« La page ne peut être créée du fait d'erreurs »).
(function () {
  "use strict";
  let saving = false;
  let deferred = null;

  document.addEventListener("w-autosave:save", function (event) {
    if (!event.defaultPrevented) saving = true;
  });

  function settle() {
    saving = false;
    if (!deferred) return;
    const { form, submitter } = deferred;
    deferred = null;
    if (submitter) submitter.disabled = false; // a disabled button would not send its action
    form.requestSubmit(submitter || undefined);
  }
  document.addEventListener("w-autosave:success", settle);
  document.addEventListener("w-autosave:error", settle);

  document.addEventListener(
    "submit",
    function (event) {
      const form = event.target;
      if (!saving || !(form instanceof HTMLFormElement) || !form.matches("[data-edit-form]")) {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      deferred = { form, submitter: event.submitter };
    },
    true,
  );
})();
