// The site's player. Without this script every page keeps the native <audio controls>.
// With it, one <audio> lives in the dock (#lecteur, outside <main>): navigation.js swaps
// <main> around it, so listening goes on from page to page. Each episode's position and the
// chosen speed are remembered (localStorage), lists get « Écouter » buttons, there is a queue,
// lock-screen controls (Media Session API) and keyboard shortcuts. The embed page has no dock:
// its player drives its own <audio>.
(function () {
  "use strict";

  var SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
  var util = window.RadioPlayerParts;

  // --- Remembered state -------------------------------------------------------------------
  var memory = {
    read: function (key, fallback) {
      try { var value = JSON.parse(window.localStorage.getItem("radio:" + key)); return value === null ? fallback : value; }
      catch (error) { return fallback; }
    },
    write: function (key, value) {
      try { window.localStorage.setItem("radio:" + key, JSON.stringify(value)); } catch (error) { /* private mode */ }
    },
    position: function (guid) { return memory.read("position:" + guid, 0); },
    speed: function () { return memory.read("speed", 1); },
  };

  // --- The audio everyone drives ----------------------------------------------------------
  var dockNode = document.querySelector("[data-dock]");
  var dock = dockNode ? util.buildDock(dockNode, SPEEDS) : null;
  var audio = dock ? dock.audio : null;
  var current = null; // the episode (dataset-like object) in the dock
  var playedSinceLoad = false;

  function episodeOf(node) {
    return {
      guid: node.dataset.guid, src: node.dataset.src, title: node.dataset.title,
      url: node.dataset.url, artwork: node.dataset.artwork || "",
      duration: parseFloat(node.dataset.duration) || 0,
    };
  }

  function load(episode, options) {
    options = options || {};
    if (!current || current.guid !== episode.guid) {
      if (current) memory.write("position:" + current.guid, audio.currentTime);
      current = episode;
      audio.src = episode.src;
      var at = options.at !== undefined ? options.at : memory.position(episode.guid);
      audio.dataset.pendingSeek = String(at || 0);
      try { audio.currentTime = at || 0; } catch (error) { /* before metadata */ }
      dock.show(episode);
      memory.write("current", episode);
      util.mediaSession(audio, episode, controls);
    }
    audio.playbackRate = memory.speed();
    if (options.play) audio.play();
    announce();
  }

  function seekTo(seconds, play) {
    var end = isFinite(audio.duration) ? audio.duration : Infinity;
    var at = Math.min(Math.max(0, seconds), end);
    audio.dataset.pendingSeek = String(at);
    audio.currentTime = at;
    if (play && audio.paused) audio.play();
  }

  function setSpeed(rate) {
    audio.playbackRate = rate;
    memory.write("speed", rate);
    announce();
  }

  var controls = {
    toggle: function () { if (audio.paused) audio.play(); else audio.pause(); },
    back: function () { seekTo(audio.currentTime - 15); },
    forward: function () { seekTo(audio.currentTime + 30); },
    seek: seekTo,
    next: function () { playNext(); },
    speed: setSpeed,
  };

  // --- Queue --------------------------------------------------------------------------------
  function queue() { return memory.read("queue", []); }
  function enqueue(episode) {
    var items = queue().filter(function (item) { return item.guid !== episode.guid; });
    items.push(episode);
    memory.write("queue", items);
    dock.showQueue(items);
  }
  function playNext() {
    var items = queue();
    if (!items.length) return false;
    var next = items.shift();
    memory.write("queue", items);
    dock.showQueue(items);
    load(next, { play: true });
    return true;
  }

  // --- Everyone hears what the audio does --------------------------------------------------
  function announce() {
    document.dispatchEvent(new CustomEvent("radio:state", { detail: { episode: current, audio: audio } }));
  }

  function listen(node) {
    var lastSaved = 0;
    node.addEventListener("loadedmetadata", function () {
      var pending = parseFloat(node.dataset.pendingSeek || "0");
      if (pending && Math.abs(node.currentTime - pending) > 1) node.currentTime = pending;
      node.playbackRate = memory.speed();
    });
    node.addEventListener("play", function () { playedSinceLoad = true; });
    ["play", "pause", "timeupdate", "durationchange", "seeked", "ratechange"].forEach(function (name) {
      node.addEventListener(name, announce);
    });
    node.addEventListener("timeupdate", function () {
      if (!current || Math.abs(node.currentTime - lastSaved) < 2) return;
      lastSaved = node.currentTime;
      delete node.dataset.pendingSeek;
      memory.write("position:" + current.guid, node.currentTime);
    });
    node.addEventListener("pause", function () {
      if (current) memory.write("position:" + current.guid, node.currentTime);
    });
    node.addEventListener("ended", function () {
      if (current) memory.write("position:" + current.guid, 0);
      playNext();
    });
  }

  // --- The page's players (episode page, knowledge pages) and list buttons ------------------
  function enhancePlayer(section) {
    if (section.dataset.enhanced) return;
    section.dataset.enhanced = "yes";
    var own = section.querySelector("audio");
    var episode = episodeOf(section);
    var standalone = !dock;
    var target = standalone ? own : audio;
    if (standalone) { listen(own); current = episode; own.removeAttribute("controls"); }
    else own.remove();
    var start = util.requestedStart();
    if (standalone && start) own.dataset.pendingSeek = String(start);
    var isMine = function () { return standalone || (current && current.guid === episode.guid); };
    var ui = util.buildSectionControls(section, episode, SPEEDS, {
      compact: section.hasAttribute("data-compact"),
      toggle: function () {
        if (isMine()) controls.toggle();
        else load(episode, { play: true, at: start || undefined });
      },
      back: function () { if (isMine()) controls.back(); },
      forward: function () { if (!isMine()) load(episode); controls.forward(); },
      seek: function (seconds, play) { if (!isMine()) load(episode, { at: seconds }); seekTo(seconds, play); },
      speed: function (rate) { if (!isMine()) load(episode); setSpeed(rate); },
      shareAt: function () { util.shareAt(section, isMine() ? target.currentTime : 0); },
    });
    // « Reprendre à 12:34 » until the visitor plays something in this page load.
    var resumable = function () {
      var at = memory.position(episode.guid);
      return !standalone && !start && !playedSinceLoad && at > 5 ? at : 0;
    };
    ui.render({ mine: false, paused: true, time: start || 0, duration: episode.duration, rate: memory.speed(), resume: resumable() });
    document.addEventListener("radio:state", function () {
      if (!section.isConnected) return;
      var mine = isMine();
      ui.render({
        mine: mine, paused: mine ? target.paused : true,
        time: mine ? target.currentTime : (start || 0),
        duration: mine && isFinite(target.duration) ? target.duration : episode.duration,
        rate: target.playbackRate, resume: resumable(),
      });
    });
    if (section.closest("main") && !section.hasAttribute("data-compact")) {
      util.bindSeekLinks(document.querySelector("main"), function (seconds) { ui.seek(seconds); });
      util.followTranscript(document.querySelector(".transcript"), function () { return isMine() ? target.currentTime : -1; });
    }
    if (standalone) {
      current = episode;
      audio = own;
      own.playbackRate = memory.speed();
    }
  }

  function enhanceListButtons(root) {
    root.querySelectorAll("a[data-play]").forEach(function (link) {
      if (link.dataset.enhanced || !dock) return;
      link.dataset.enhanced = "yes";
      var episode = episodeOf(link);
      link.setAttribute("role", "button");
      link.addEventListener("click", function (event) {
        event.preventDefault();
        if (current && current.guid === episode.guid) controls.toggle();
        else load(episode, { play: true });
      });
      var add = document.createElement("button");
      add.type = "button";
      add.className = "queue-add";
      add.textContent = "+ À suivre";
      add.setAttribute("aria-label", "Ajouter « " + episode.title + " » à la file d'écoute");
      add.addEventListener("click", function () {
        enqueue(episode);
        add.textContent = "✓ Dans la file";
      });
      link.insertAdjacentElement("afterend", add);
      var label = link.innerHTML;
      document.addEventListener("radio:state", function () {
        if (!link.isConnected) return;
        var playing = !!current && current.guid === episode.guid && !audio.paused;
        if (playing === (link.dataset.playing === "yes")) return;
        link.dataset.playing = playing ? "yes" : "no";
        if (!playing) { link.innerHTML = label; return; }
        link.textContent = "";
        link.appendChild(util.element("span", { "aria-hidden": "true" }, "❚❚"));
        link.appendChild(document.createTextNode(" Pause"));
        link.appendChild(util.element("span", { class: "visually-hidden" }, " « " + episode.title + " »"));
      });
    });
  }

  function enhancePage() {
    document.querySelectorAll("[data-player]").forEach(enhancePlayer);
    enhanceListButtons(document);
    announce();
  }

  if (dock) {
    listen(audio);
    dock.bind(controls, function (guid) {
      memory.write("queue", queue().filter(function (item) { return item.guid !== guid; }));
      dock.showQueue(queue());
    });
    dock.showQueue(queue());
    util.shortcuts(controls, function () { return !!current; }, SPEEDS, function () { return audio.playbackRate; });
    var previous = memory.read("current", null);
    if (previous && previous.src) load(previous); // paused: browsers refuse to play by themselves
    document.addEventListener("radio:navigated", enhancePage);
  }
  window.RadioPlayer = { active: function () { return !!current && !!dock; }, audio: function () { return audio; } };
  enhancePage();
})();
