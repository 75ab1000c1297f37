// The episode editor: as soon as an audio file is chosen (Wagtail's chooser changes the hidden
// #id_audio), its facts, loudness and waveform are fetched and shown under the field, before
// any save; while the task worker still measures it, asked again a few times. No library.
(function () {
  "use strict";

  var script = document.currentScript;
  var input = document.getElementById("id_audio");
  if (!script || !input) return; // not an editor with an audio chooser
  var POLLS = 5;
  var POLL_DELAY = 3000; // ms: a short episode is measured within seconds
  var saved = document.querySelector("[data-saved-audio-facts]");
  var region = null;
  var turn = 0; // the latest choice; answers about an earlier one are dropped

  function box() {
    if (region) return region;
    region = document.createElement("div");
    region.className = "chosen-audio-facts";
    region.setAttribute("aria-live", "polite");
    var field = input.closest("[data-field-wrapper]") || input.closest(".w-field__wrapper") || input.parentElement;
    field.insertAdjacentElement("afterend", region);
    return region;
  }

  function say(text) {
    var line = document.createElement("p");
    line.className = "help";
    line.textContent = text;
    box().replaceChildren(line);
  }

  // The saved file's panel, hidden (and its inputs left out of the form) while another is chosen.
  function showSaved(shown) {
    if (!saved) return;
    saved.hidden = !shown;
    saved.querySelectorAll("input").forEach(function (field) { field.disabled = !shown; });
  }

  function show(answer) {
    box().innerHTML = answer.html;
    region.dispatchEvent(new CustomEvent("radio:waveform-added", { bubbles: true }));
  }

  function load(id, polls, choice, lastStatus) {
    fetch(script.dataset.factsUrl.replace("/0/", "/" + encodeURIComponent(id) + "/"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (answer) {
        if (choice !== turn) return;
        if (answer.measure_status !== lastStatus) show(answer);
        if (answer.measure_status !== "pending") return;
        if (polls > 0) {
          setTimeout(function () {
            if (choice === turn) load(id, polls - 1, choice, answer.measure_status);
          }, POLL_DELAY);
        } else {
          var pending = region.querySelector("[data-measure-pending]");
          if (pending) pending.textContent = script.dataset.late;
        }
      })
      .catch(function () {
        if (choice === turn) say(script.dataset.failed);
      });
  }

  input.addEventListener("change", function () {
    turn += 1;
    var id = input.value;
    if (!id || (saved && id === saved.dataset.audioId)) {
      showSaved(true);
      if (region) region.replaceChildren();
      return;
    }
    showSaved(false);
    say(script.dataset.reading);
    load(id, POLLS, turn, null);
  });
})();
