// Listening that follows the visitor: while an episode is in the player's dock, links and GET
// forms of the site load the next page with fetch() and swap only <main> (and the menu's
// current link), so the dock's <audio> keeps playing; the address, the title and the history
// (back and forward) behave as with ordinary pages. Anything unusual, or any failure, falls
// back to an ordinary page load. Without JavaScript, or before anything is played, links are
// ordinary links.
(function () {
  "use strict";

  var SKIPPED = /^\/(admin|django-admin|documents|media|static|audio)\/|\.(xml|mp3|m4a|vtt|srt|json|txt|opml)$/;

  function player() { return window.RadioPlayer; }

  function sameSiteAddress(url) {
    return url.origin === window.location.origin && !SKIPPED.test(url.pathname);
  }

  function shouldHandle(event, link) {
    if (!player() || !player().active()) return false;
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
    if (link.target && link.target !== "_self") return false;
    if (link.hasAttribute("download") || link.dataset.noSwap !== undefined) return false;
    var url = new URL(link.href, window.location.href);
    if (!sameSiteAddress(url)) return false;
    // A jump inside the same page stays the browser's.
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return false;
    return true;
  }

  function rerunScripts(fresh) {
    var holder = document.querySelector("[data-swap='scripts']");
    if (!holder) return;
    holder.textContent = "";
    var incoming = fresh.querySelector("[data-swap='scripts']");
    if (!incoming) return;
    incoming.querySelectorAll("script[src]").forEach(function (old) {
      var script = document.createElement("script");
      script.src = old.getAttribute("src");
      holder.appendChild(script);
    });
  }

  function swap(fresh, url, push) {
    var main = document.querySelector("main");
    var next = fresh.querySelector("main");
    var nav = document.querySelector("[data-swap='nav']");
    var nextNav = fresh.querySelector("[data-swap='nav']");
    if (!main || !next) return false;
    if (push) window.history.pushState({ swapped: true }, "", url);
    document.title = fresh.title;
    main.replaceWith(next);
    if (nav && nextNav) nav.replaceWith(nextNav);
    rerunScripts(fresh);
    var target = url.hash ? document.getElementById(decodeURIComponent(url.hash.slice(1))) : null;
    if (target) target.scrollIntoView();
    else window.scrollTo(0, 0);
    // As on a page load, the next Tab starts from the new content; screen readers hear its title.
    next.focus({ preventScroll: true });
    document.dispatchEvent(new CustomEvent("radio:navigated"));
    return true;
  }

  function visit(url, push) {
    document.documentElement.setAttribute("aria-busy", "true");
    return fetch(url.toString(), { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (!response.ok && response.status !== 404) throw new Error("HTTP " + response.status);
        if (type.indexOf("text/html") !== 0) throw new Error("not a page");
        return response.text().then(function (html) {
          var finalUrl = new URL(response.url || url.toString());
          finalUrl.hash = url.hash;
          var fresh = new DOMParser().parseFromString(html, "text/html");
          if (!swap(fresh, finalUrl, push)) throw new Error("no <main>");
        });
      })
      .catch(function () { window.location.assign(url.toString()); })
      .finally(function () { document.documentElement.removeAttribute("aria-busy"); });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (!link || !shouldHandle(event, link)) return;
    event.preventDefault();
    visit(new URL(link.href, window.location.href), true);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!player() || !player().active() || event.defaultPrevented) return;
    if ((form.method || "get").toLowerCase() !== "get") return;
    var url = new URL(form.action || window.location.href, window.location.href);
    if (!sameSiteAddress(url)) return;
    event.preventDefault();
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
    url.search = new URLSearchParams(data).toString();
    visit(url, true);
  });

  window.history.replaceState({ swapped: true }, "", window.location.href);
  window.addEventListener("popstate", function (event) {
    if (!event.state || !event.state.swapped) return;
    if (!player() || !player().active()) { window.location.reload(); return; }
    visit(new URL(window.location.href), false);
  });
})();
