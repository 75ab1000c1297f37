// The player's pieces, used by player.js: time formats, the dock, a page's player controls,
// sharing a moment, the transcript that follows playback, lock-screen controls, shortcuts.
window.RadioPlayerParts = (function () {
  "use strict";

  // Durations round as the feed's itunes:duration does; the elapsed time counts whole seconds.
  function formatTime(seconds, round) {
    seconds = Math.max(0, (round ? Math.round : Math.floor)(seconds || 0));
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = String(seconds % 60).padStart(2, "0");
    return h ? h + ":" + String(m).padStart(2, "0") + ":" + s : m + ":" + s;
  }

  function spokenTime(seconds, round) {
    seconds = Math.max(0, (round ? Math.round : Math.floor)(seconds || 0));
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return (m ? m + " min " : "") + s + " s";
  }

  function speedText(rate) { return String(rate).replace(".", ",") + " ×"; }

  // The start time asked for in the address: ?t=754 or #t=754 (seconds).
  function requestedStart() {
    var match = /[?&#]t=(\d+(?:\.\d+)?)/.exec(window.location.search + window.location.hash);
    return match ? parseFloat(match[1]) : 0;
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function button(label, text, handler) {
    var node = element("button", { type: "button", "aria-label": label }, text);
    node.addEventListener("click", handler);
    return node;
  }

  function speedMenu(id, label, speeds, handler) {
    var wrapper = element("span", { class: "player-speed-field" });
    wrapper.appendChild(element("label", { for: id }, label));
    var select = element("select", { id: id, class: "player-speed" });
    speeds.forEach(function (value) { select.appendChild(element("option", { value: String(value) }, speedText(value))); });
    select.value = "1";
    select.addEventListener("change", function () { handler(parseFloat(select.value)); });
    wrapper.appendChild(select);
    return { node: wrapper, select: select };
  }

  function seekSlider(label, handler) {
    var seek = element("input", { type: "range", min: "0", max: "0", step: "1", value: "0", class: "player-seek", "aria-label": label });
    seek.addEventListener("input", function () { handler(parseFloat(seek.value)); });
    return seek;
  }

  function showTime(seek, time, now, duration) {
    seek.max = String(Math.ceil(duration));
    seek.value = String(Math.floor(now));
    seek.setAttribute("aria-valuetext", spokenTime(now) + " sur " + spokenTime(duration, true));
    time.textContent = formatTime(now) + " / " + formatTime(duration, true);
  }

  // A page's player (episode page, episode embedded in a knowledge page): its own buttons,
  // acting on the dock's audio once that episode is the one in the dock.
  function buildSectionControls(section, episode, speeds, actions) {
    var compact = actions.compact;
    var bar = element("div", { class: "player-controls", role: "group", "aria-label": "Commandes du lecteur" });
    var play = button("Lecture", "▶ Lecture", actions.toggle);
    play.classList.add("player-play");
    var back = button("Reculer de 15 secondes", "− 15 s", actions.back);
    var forward = button("Avancer de 30 secondes", "+ 30 s", actions.forward);
    back.classList.add("player-skip");
    forward.classList.add("player-skip");
    var seek = seekSlider(compact ? "Position dans l'épisode « " + episode.title + " »" : "Position dans l'épisode", function (s) { actions.seek(s, false); });
    var time = element("span", { class: "player-time", "aria-hidden": "true" });
    var speed = speedMenu(section.id + "-speed", "Vitesse", speeds, actions.speed);
    var nodes = compact ? [play, seek, time] : [back, play, forward, seek, time, speed.node];
    if (!compact && !section.hasAttribute("data-no-share")) nodes.push(button("Partager ce moment de l'épisode", "Partager à ce moment", actions.shareAt));
    nodes.forEach(function (node) { bar.appendChild(node); });
    if (compact) play.setAttribute("aria-label", "Lecture : " + episode.title);
    section.insertBefore(bar, section.firstChild);
    if (compact && section.querySelector(".meta")) section.querySelector(".meta").hidden = true;
    var suffix = compact ? " : " + episode.title : "";
    return {
      seek: function (seconds) { actions.seek(seconds, true); },
      render: function (state) {
        var label = state.paused ? "Lecture" : "Pause";
        var text = state.paused ? "▶ Lecture" : "❚❚ Pause";
        if (state.paused && state.resume) {
          label = "Reprendre à " + formatTime(state.resume);
          text = "▶ Reprendre à " + formatTime(state.resume);
        }
        play.textContent = text;
        play.setAttribute("aria-label", label + suffix);
        showTime(seek, time, state.resume && !state.mine ? state.resume : state.time, state.duration);
        speed.select.value = String(state.rate || 1);
      },
    };
  }

  // The dock: artwork, title, play/pause, skips, position, speed, the queue and the shortcuts.
  function buildDock(node, speeds) {
    var audio = element("audio", { preload: "none" });
    var art = element("img", { class: "dock-art", alt: "", width: "56", height: "56" });
    var title = element("a", { class: "dock-title" });
    var time = element("span", { class: "player-time dock-time", "aria-hidden": "true" });
    var info = element("div", { class: "dock-info" });
    info.appendChild(title);
    info.appendChild(time);
    var play = element("button", { type: "button", class: "dock-play", "aria-label": "Lire" }, "▶");
    var back = element("button", { type: "button", "aria-label": "Reculer de 15 s" }, "−15");
    var forward = element("button", { type: "button", "aria-label": "Avancer de 30 s" }, "+30");
    var buttons = element("div", { class: "dock-buttons", role: "group", "aria-label": "Commandes du lecteur en cours" });
    [back, play, forward].forEach(function (b) { buttons.appendChild(b); });
    var seek, speed;
    var queueBox = element("details", { class: "dock-queue" });
    var queueSummary = element("summary", {}, "À suivre (0)");
    var queueList = element("ol", {});
    queueBox.appendChild(queueSummary);
    queueBox.appendChild(queueList);
    var help = element("details", { class: "dock-help" });
    help.appendChild(element("summary", {}, "Raccourcis clavier"));
    var list = element("dl", {});
    [["K", "lecture ou pause"], ["J", "reculer de 15 s"], ["L", "avancer de 30 s"], ["< et >", "ralentir ou accélérer"], ["N", "épisode suivant de la file"]].forEach(function (pair) {
      list.appendChild(element("dt", {}, pair[0]));
      list.appendChild(element("dd", {}, pair[1]));
    });
    help.appendChild(list);
    var toggle = element("label", { class: "dock-shortcuts-toggle" });
    var checkbox = element("input", { type: "checkbox", id: "dock-shortcuts" });
    toggle.appendChild(checkbox);
    toggle.appendChild(document.createTextNode(" Activer les raccourcis"));
    help.appendChild(toggle);
    var inner = element("div", { class: "dock-inner" });
    var episode = null;
    return {
      audio: audio,
      shortcutsBox: checkbox,
      bind: function (controls, unqueue) {
        play.addEventListener("click", controls.toggle);
        back.addEventListener("click", controls.back);
        forward.addEventListener("click", controls.forward);
        seek = seekSlider("Position de la lecture en cours", function (s) { controls.seek(s); });
        speed = speedMenu("dock-speed", "Vitesse du lecteur", speeds, controls.speed);
        // Seen as « Vitesse », heard as « Vitesse du lecteur » (the page's player has its own).
        var speedLabel = speed.node.querySelector("label");
        speedLabel.textContent = "Vitesse";
        speedLabel.appendChild(element("span", { class: "visually-hidden" }, " du lecteur"));
        [art, info, buttons, seek, speed.node, queueBox, help, audio].forEach(function (n) { inner.appendChild(n); });
        node.appendChild(inner);
        queueList.addEventListener("click", function (event) {
          var target = event.target.closest("[data-unqueue]");
          if (target) unqueue(target.dataset.unqueue);
        });
        document.addEventListener("radio:state", function () {
          if (!episode) return;
          var paused = audio.paused;
          play.textContent = paused ? "▶" : "❚❚";
          play.setAttribute("aria-label", paused ? "Lire" : "Mettre en pause");
          var duration = isFinite(audio.duration) ? audio.duration : episode.duration;
          showTime(seek, time, audio.currentTime, duration);
          speed.select.value = String(audio.playbackRate);
        });
      },
      show: function (shown) {
        episode = shown;
        node.hidden = false;
        document.body.classList.add("has-dock");
        title.textContent = shown.title;
        title.href = shown.url;
        art.hidden = !shown.artwork;
        if (shown.artwork) art.src = shown.artwork;
      },
      showQueue: function (items) {
        queueSummary.textContent = "À suivre (" + items.length + ")";
        queueList.textContent = "";
        if (!items.length) queueList.appendChild(element("li", {}, "La file est vide : ajoutez des épisodes avec « + À suivre »."));
        items.forEach(function (item) {
          var li = element("li", {});
          li.appendChild(element("a", { href: item.url }, item.title));
          var remove = element("button", { type: "button", "data-unqueue": item.guid, "aria-label": "Retirer « " + item.title + " » de la file" }, "Retirer");
          li.appendChild(document.createTextNode(" "));
          li.appendChild(remove);
          queueList.appendChild(li);
        });
      },
    };
  }

  function shareAt(section, seconds) {
    var url = new URL(window.location.href);
    url.hash = "";
    url.searchParams.set("t", String(Math.floor(seconds)));
    // As people read addresses: « é », not « %C3%A9 » (the copied text stays a valid link).
    var readable = decodeURI(url.toString());
    var output = section.querySelector(".player-share");
    output.textContent = "Lien vers " + formatTime(seconds) + " : " + readable;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(readable).then(function () {
        output.textContent = "Lien copié vers " + formatTime(seconds) + " : " + readable;
      });
    }
  }

  function bindSeekLinks(root, seek) {
    root.querySelectorAll("[data-seek]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        seek(parseFloat(link.dataset.seek));
      });
    });
  }

  // The current cue is highlighted and kept in view inside its box (never scrolling the page),
  // until the visitor scrolls the box themselves: then it leaves the box alone for 30 seconds,
  // or until they pick a moment (a time link) again.
  function followTranscript(box, now) {
    if (!box) return;
    var cues = Array.prototype.slice.call(box.querySelectorAll(".cue[data-start]"));
    var current = null;
    var leftAlone = 0;
    var ours = false;
    var leave = function () { leftAlone = Date.now() + 30000; };
    ["wheel", "touchmove", "keydown"].forEach(function (type) {
      box.addEventListener(type, leave, { passive: true });
    });
    box.addEventListener("scroll", function () { if (!ours) leave(); ours = false; });
    document.addEventListener("click", function (event) {
      if (event.target.closest("[data-seek]")) leftAlone = 0;
    });
    document.addEventListener("radio:state", function () {
      if (!box.isConnected) return;
      var time = now();
      var found = null;
      cues.forEach(function (cue) {
        if (time >= parseFloat(cue.dataset.start) && time < parseFloat(cue.dataset.end)) found = cue;
      });
      if (found === current) return;
      if (current) { current.classList.remove("is-current"); current.removeAttribute("aria-current"); }
      if (found) { found.classList.add("is-current"); found.setAttribute("aria-current", "true"); }
      current = found;
      if (found && Date.now() > leftAlone) {
        var top = found.offsetTop - box.offsetTop;
        var visible = top >= box.scrollTop && top + found.offsetHeight <= box.scrollTop + box.clientHeight;
        if (!visible) { ours = true; box.scrollTop = Math.max(0, top - box.clientHeight / 3); }
      }
    });
  }

  // Lock-screen and headset controls.
  function mediaSession(audio, episode, controls) {
    if (!("mediaSession" in navigator)) return;
    var artwork = episode.artwork ? [{ src: new URL(episode.artwork, window.location.href).toString(), sizes: "192x192" }] : [];
    navigator.mediaSession.metadata = new window.MediaMetadata({ title: episode.title, artist: "Radio des Territoires", artwork: artwork });
    var handlers = {
      play: function () { audio.play(); },
      pause: function () { audio.pause(); },
      seekbackward: controls.back,
      seekforward: controls.forward,
      seekto: function (details) { controls.seek(details.seekTime); },
      nexttrack: controls.next,
    };
    Object.keys(handlers).forEach(function (action) {
      try { navigator.mediaSession.setActionHandler(action, handlers[action]); } catch (error) { /* unsupported action */ }
    });
  }

  // Single keys (K, J, L, <, >, N) away from form fields; they can be turned off (WCAG 2.1.4).
  function shortcuts(controls, ready, speeds, rate) {
    var box = document.getElementById("dock-shortcuts");
    var stored = window.localStorage.getItem("radio:shortcuts") !== "off";
    box.checked = stored;
    box.addEventListener("change", function () { window.localStorage.setItem("radio:shortcuts", box.checked ? "on" : "off"); });
    document.addEventListener("keydown", function (event) {
      if (!box.checked || !ready() || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target.closest("input, select, textarea, [contenteditable]")) return;
      var index = speeds.indexOf(rate());
      var actions = {
        k: controls.toggle, j: controls.back, l: controls.forward, n: controls.next,
        "<": function () { controls.speed(speeds[Math.max(0, index - 1)]); },
        ">": function () { controls.speed(speeds[Math.min(speeds.length - 1, index + 1)]); },
      };
      var action = actions[event.key.toLowerCase()] || actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    });
  }

  return {
    element: element, formatTime: formatTime, requestedStart: requestedStart, buildDock: buildDock,
    buildSectionControls: buildSectionControls, shareAt: shareAt, bindSeekLinks: bindSeekLinks,
    followTranscript: followTranscript, mediaSession: mediaSession, shortcuts: shortcuts,
  };
})();
