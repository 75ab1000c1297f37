// « Programmer la publication » on the episode's main tab (episodes/editor/scheduling.py): shown
// while the publication date is still to come; asks, in plain French, before scheduling.
(function () {
  "use strict";
  const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre"];

  // Wagtail's date widget writes « 2026-12-03 09:00 », in the site's time zone.
  function chosenDate(value) {
    const parts = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(value.trim());
    if (!parts) return null;
    const [year, month, day, hour, minute] = parts.slice(1).map(Number);
    return { year, month, day, hour, minute, date: new Date(year, month - 1, day, hour, minute) };
  }

  function sentence(holder, chosen) {
    const day = chosen.day === 1 ? holder.dataset.firstDay : String(chosen.day);
    const when = `${day} ${MONTHS[chosen.month - 1]} ${chosen.year} à ${chosen.hour} h ` +
      String(chosen.minute).padStart(2, "0");
    return holder.dataset.template.replace("%(when)s", when);
  }

  function setUp(panel) {
    const input = panel.querySelector("input");
    const button = panel.querySelector("[data-schedule-button]");
    const dialog = panel.querySelector("[data-schedule-confirm]");
    if (!input || !button || !dialog) return;
    const holder = dialog.querySelector("[data-schedule-sentence]");
    const refresh = function () {
      const chosen = chosenDate(input.value);
      button.hidden = !(chosen && chosen.date > new Date());
    };
    ["input", "change", "blur"].forEach((type) => input.addEventListener(type, refresh));
    // Wagtail's date picker sets the value without a native event: look again now and then.
    window.setInterval(refresh, 400);
    refresh();
    button.addEventListener("click", function (event) {
      event.preventDefault();
      const chosen = chosenDate(input.value);
      if (!chosen) return;
      holder.textContent = sentence(holder, chosen);
      dialog.showModal();
    });
    dialog.querySelector("[data-schedule-no]").addEventListener("click", () => dialog.close());
    dialog.querySelector("[data-schedule-yes]").addEventListener("click", function () {
      dialog.close();
      button.form.requestSubmit(button);
    });
  }

  // Wagtail puts the panels' scripts in the page's head: wait for the form.
  const start = () => document.querySelectorAll("[data-publication-date]").forEach(setUp);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
