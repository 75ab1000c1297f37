// Enhances the native <audio preload="none"> of an episode: French controls, speed, skips,
// chapters and a transcript that follows playback. Without this script the native player,
// the chapter links and the full transcript still work.
(function () {
  "use strict";

  var SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];

  function formatTime(seconds) {
    seconds = Math.max(0, Math.floor(seconds || 0));
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = String(seconds % 60).padStart(2, "0");
    return h ? h + ":" + String(m).padStart(2, "0") + ":" + s : m + ":" + s;
  }

  function spokenTime(seconds) {
    seconds = Math.max(0, Math.floor(seconds || 0));
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return (m ? m + " min " : "") + s + " s";
  }

  // The start time asked for in the address: ?t=754 or #t=754 (seconds).
  function requestedStart() {
    var match = /[?&#]t=(\d+(?:\.\d+)?)/.exec(window.location.search + window.location.hash);
    return match ? parseFloat(match[1]) : 0;
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function button(label, text, handler) {
    var node = element("button", { type: "button", "aria-label": label }, text);
    node.addEventListener("click", handler);
    return node;
  }

  function buildControls(player, audio) {
    var duration = parseFloat(player.dataset.duration) || 0;
    var bar = element("div", { class: "player-controls", role: "group", "aria-label": "Commandes du lecteur" });
    var play = button("Lecture", "▶ Lecture", function () {
      if (audio.paused) audio.play(); else audio.pause();
    });
    play.classList.add("player-play");
    var back = button("Reculer de 15 secondes", "− 15 s", function () { seekTo(audio, audio.currentTime - 15); });
    var forward = button("Avancer de 30 secondes", "+ 30 s", function () { seekTo(audio, audio.currentTime + 30); });
    var seek = element("input", {
      type: "range", min: "0", max: String(Math.ceil(duration)), step: "1", value: "0",
      class: "player-seek", "aria-label": "Position dans l'épisode",
    });
    seek.addEventListener("input", function () { seekTo(audio, parseFloat(seek.value)); });
    var time = element("span", { class: "player-time", "aria-hidden": "true" }, "0:00 / " + formatTime(duration));
    var speedLabel = element("label", { for: player.id + "-speed" }, "Vitesse");
    var speed = element("select", { id: player.id + "-speed", class: "player-speed" });
    SPEEDS.forEach(function (value) {
      var option = element("option", { value: String(value) }, String(value).replace(".", ",") + " ×");
      if (value === 1) option.selected = true;
      speed.appendChild(option);
    });
    speed.addEventListener("change", function () { audio.playbackRate = parseFloat(speed.value); });
    var share = button("Partager ce moment de l'épisode", "Partager à ce moment", function () {
      shareAt(player, audio.currentTime);
    });
    [back, play, forward, seek, time, speedLabel, speed, share].forEach(function (node) { bar.appendChild(node); });
    return { bar: bar, play: play, seek: seek, time: time, duration: duration };
  }

  // Moves the playback position; chapter and transcript links also start playback.
  function seekTo(audio, seconds, play) {
    var end = isFinite(audio.duration) ? audio.duration : Infinity;
    audio.dataset.started = "yes";
    audio.currentTime = Math.min(Math.max(0, seconds), end);
    if (play && audio.paused) audio.play();
  }

  function shareAt(player, seconds) {
    var url = new URL(window.location.href);
    url.hash = "";
    url.searchParams.set("t", String(Math.floor(seconds)));
    var output = player.querySelector(".player-share");
    output.textContent = "Lien vers " + formatTime(seconds) + " : " + url.toString();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url.toString()).then(function () {
        output.textContent = "Lien copié vers " + formatTime(seconds) + " : " + url.toString();
      });
    }
  }

  function followTranscript(audio, cues) {
    var current = null;
    audio.addEventListener("timeupdate", function () {
      var now = audio.currentTime;
      var found = null;
      cues.forEach(function (cue) {
        if (now >= parseFloat(cue.dataset.start) && now < parseFloat(cue.dataset.end)) found = cue;
      });
      if (found === current) return;
      if (current) { current.classList.remove("is-current"); current.removeAttribute("aria-current"); }
      if (found) { found.classList.add("is-current"); found.setAttribute("aria-current", "true"); }
      current = found;
    });
  }

  function bindSeekLinks(audio, root) {
    root.querySelectorAll("[data-seek]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        seekTo(audio, parseFloat(link.dataset.seek), true);
      });
    });
  }

  function update(ui, audio) {
    var duration = isFinite(audio.duration) ? audio.duration : ui.duration;
    ui.seek.max = String(Math.ceil(duration));
    ui.seek.value = String(Math.floor(audio.currentTime));
    ui.seek.setAttribute("aria-valuetext", spokenTime(audio.currentTime) + " sur " + spokenTime(duration));
    ui.time.textContent = formatTime(audio.currentTime) + " / " + formatTime(duration);
  }

  function enhance(player) {
    var audio = player.querySelector("audio");
    var ui = buildControls(player, audio);
    audio.removeAttribute("controls");
    audio.insertAdjacentElement("afterend", ui.bar);
    var start = requestedStart();
    audio.addEventListener("play", function () {
      if (start && audio.dataset.started !== "yes" && audio.currentTime < start - 1) audio.currentTime = start;
      audio.dataset.started = "yes";
      ui.play.textContent = "❚❚ Pause";
      ui.play.setAttribute("aria-label", "Pause");
    });
    audio.addEventListener("pause", function () {
      ui.play.textContent = "▶ Lecture";
      ui.play.setAttribute("aria-label", "Lecture");
    });
    ["timeupdate", "durationchange", "seeked"].forEach(function (name) {
      audio.addEventListener(name, function () { update(ui, audio); });
    });
    bindSeekLinks(audio, document);
    followTranscript(audio, Array.prototype.slice.call(document.querySelectorAll(".cue[data-start]")));
    if (start) {
      ui.seek.value = String(Math.floor(start));
      ui.time.textContent = formatTime(start) + " / " + formatTime(ui.duration);
    }
  }

  document.querySelectorAll("[data-player]").forEach(enhance);
})();
