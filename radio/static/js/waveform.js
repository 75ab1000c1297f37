// The episode editor's waveform: a click (or a typed instant and « Placer ») puts that instant
// into a new chapter's start time or into the soundbite's start. No build step, no library.
(function () {
  "use strict";

  function timecode(seconds) {
    var whole = Math.max(0, Math.round(seconds));
    var hours = Math.floor(whole / 3600);
    var minutes = Math.floor((whole % 3600) / 60);
    var rest = String(whole % 60).padStart(2, "0");
    return hours ? hours + ":" + String(minutes).padStart(2, "0") + ":" + rest : minutes + ":" + rest;
  }

  function parse(text) {
    var parts = text.trim().replace(",", ".").split(":");
    if (!parts[0] || parts.length > 3 || parts.some(function (part) { return isNaN(part) || part === ""; })) {
      return null;
    }
    return parts.reduce(function (total, part) { return total * 60 + Number(part); }, 0);
  }

  function setField(field, value) {
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function placeChapter(seconds) {
    var add = document.getElementById("id_chapters-ADD");
    if (!add) { return false; }
    add.click();
    var total = document.getElementById("id_chapters-TOTAL_FORMS");
    var field = document.getElementById("id_chapters-" + (Number(total.value) - 1) + "-start_time");
    if (!field) { return false; }
    setField(field, timecode(seconds));
    return true;
  }

  function placeSoundbite(seconds) {
    var field = document.getElementById("id_soundbite_start");
    if (!field) { return false; }
    setField(field, String(Math.round(seconds)));
    return true;
  }

  function setUp(figure) {
    var duration = Number(figure.dataset.duration);
    var svg = figure.querySelector("svg");
    var cursor = figure.querySelector("[data-waveform-cursor]");
    var input = figure.querySelector("[data-waveform-time]");
    var status = figure.querySelector("[data-waveform-status]");
    var width = svg.viewBox.baseVal.width;

    function place(seconds) {
      seconds = Math.min(Math.max(seconds, 0), duration);
      var x = (seconds / duration) * width;
      cursor.setAttribute("x1", x);
      cursor.setAttribute("x2", x);
      cursor.setAttribute("visibility", "visible");
      input.value = timecode(seconds);
      var checked = figure.querySelector("input[name^=waveform_target]:checked");
      var target = checked ? checked.value : "chapter";
      var placed = target === "chapter" ? placeChapter(seconds) : placeSoundbite(seconds);
      var message = target === "chapter" ? figure.dataset.chapterPlaced : figure.dataset.soundbitePlaced;
      if (placed) { status.textContent = message.replace("%s", timecode(seconds)); }
    }

    svg.addEventListener("click", function (event) {
      var box = svg.getBoundingClientRect();
      place(((event.clientX - box.left) / box.width) * duration);
    });
    figure.querySelector("[data-waveform-place]").addEventListener("click", function () {
      var seconds = parse(input.value);
      if (seconds === null) { status.textContent = figure.dataset.unreadable; return; }
      place(seconds);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); figure.querySelector("[data-waveform-place]").click(); }
    });
  }

  // Each figure once: on load, and when the editor's script adds a chosen file's waveform.
  function start() {
    document.querySelectorAll("[data-audio-waveform]:not([data-waveform-ready])").forEach(function (figure) {
      figure.setAttribute("data-waveform-ready", "");
      setUp(figure);
    });
  }
  document.addEventListener("radio:waveform-added", start);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
