// The admin: the facts of an audio file shown as soon as the editor chooses it, before any upload
// (duration from the browser's own audio element, size and type from the file), in French, in a
// live region that screen readers announce. The server reads the file again at upload.
(function () {
  "use strict";

  var AUDIO_NAME = /\.(mp3|m4a|aac|mp4|ogg|oga|opus|wav|flac)$/i;
  var numbers = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

  function isAudio(file) {
    return (file.type || "").indexOf("audio/") === 0 || AUDIO_NAME.test(file.name);
  }

  function clock(seconds) {
    var total = Math.round(seconds);
    var h = Math.floor(total / 3600);
    var m = Math.floor((total % 3600) / 60);
    var s = String(total % 60).padStart(2, "0");
    return h ? h + ":" + String(m).padStart(2, "0") + ":" + s : m + ":" + s;
  }

  function size(bytes) {
    if (bytes >= 1e6) return numbers.format(bytes / 1e6) + "\u00a0Mo";
    if (bytes >= 1e3) return numbers.format(bytes / 1e3) + "\u00a0ko";
    return bytes + "\u00a0octets";
  }

  function format(file) {
    var extension = (file.name.split(".").pop() || "").toUpperCase();
    return file.type ? extension + " (" + file.type + ")" : extension;
  }

  function region(input) {
    var next = input.nextElementSibling;
    if (next && next.classList.contains("audio-chosen-facts")) return next;
    var live = document.createElement("div");
    live.className = "audio-chosen-facts help";
    live.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", live);
    return live;
  }

  function show(live, lines) {
    var list = document.createElement("ul");
    lines.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    live.replaceChildren(list);
  }

  function describe(file, live) {
    var url = URL.createObjectURL(file);
    var audio = document.createElement("audio");
    audio.preload = "metadata";
    audio.addEventListener("loadedmetadata", function () {
      var seconds = audio.duration;
      var lines = ["Fichier choisi\u00a0: " + file.name];
      if (isFinite(seconds) && seconds > 0) {
        lines.push("Durée\u00a0: " + clock(seconds) + " (" + numbers.format(seconds) + "\u00a0s)");
        lines.push("Débit moyen\u00a0: " + Math.round((file.size * 8) / seconds / 1000) + "\u00a0kbit/s");
      }
      lines.push("Taille\u00a0: " + size(file.size), "Format\u00a0: " + format(file));
      lines.push("Ces valeurs seront vérifiées à l'envoi.");
      show(live, lines);
      URL.revokeObjectURL(url);
    });
    audio.addEventListener("error", function () {
      show(live, [
        "Fichier choisi\u00a0: " + file.name + " (" + size(file.size) + ", " + format(file) + ")",
        "Ce navigateur ne sait pas lire ce fichier\u00a0: ses caractéristiques seront lues à l'envoi.",
      ]);
      URL.revokeObjectURL(url);
    });
    live.textContent = "Lecture des caractéristiques de " + file.name + "…";
    audio.src = url;
  }

  // Delegated: the audio chooser's upload form arrives in a modal, after this script ran.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.files.length) return;
    if (isAudio(input.files[0])) {
      describe(input.files[0], region(input));
    } else if (input.nextElementSibling && input.nextElementSibling.classList.contains("audio-chosen-facts")) {
      input.nextElementSibling.replaceChildren();
    }
  });
})();
