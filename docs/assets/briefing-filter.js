/* Chronology filters (hooks/briefing/render/filters.py writes the form and the entries' attributes).
 *
 * The form is hidden in the HTML: without JavaScript every entry shows. Here it is revealed; each
 * entry ([data-start] in the page's article) is kept when it matches every choice (AND): one entity
 * per registry folder (pays, personnalites, organisations, themes: read from the entry's links to
 * them, and the page's own entity from the list's data-pays…) and a range of months (an entry is kept
 * when its days, data-start and data-end, meet the range). The choice lives in
 * the URL (?pays=japon&themes=defense&du=2023-01&au=2023-06): read on load, written with
 * history.replaceState on each change (served and from file://), and carried by the links to the
 * neighbouring chronology pages (on a page of years or months, by its table and its timeline's links too).
 * The timeline's marks of the entries listed follow: a mark whose events are all hidden is dimmed and
 * leaves the tab order, a group shows how many of its events are shown. Works with Material's instant
 * navigation (document$) and without.
 */
(function () {
  "use strict";
  var KINDS = ["pays", "personnalites", "organisations", "themes"];
  var DATES = ["du", "au"];
  var MONTH = /^(\d{4})(?:-(\d{2}))?/;
  var ENTITY = /(?:^|\/)(pays|personnalites|organisations|themes)\/([^\/?#]+?)(?:\.html|\/(?:index\.html)?)?(?:[?#]|$)/;
  var EVENT = /evenements\/([^\/?#]+?)(?:\.html)?(?:[\/?#]|$)/;  // an event's id in a link, served or exported

  function plural(count, one, many) { return count + " " + (count > 1 ? many : one); }

  /* "2023" or "2023-06-15" as the month the control shows; "" if unreadable. */
  function month(value, end) {
    var match = MONTH.exec(value || "");
    if (!match) return "";
    return match[1] + "-" + (match[2] || (end ? "12" : "01"));
  }

  /* An entry's entities by registry folder: those its links lead to (pays/japon/, or pays/japon.html in
   * the export), and for a published one the entity its list leaves out (the page's own, on the list's
   * container: data-pays="japon"). */
  function entities(el, link) {
    var named = {};
    KINDS.forEach(function (kind) { named[kind] = []; });
    Array.prototype.forEach.call(el.querySelectorAll(".briefing-tags a[href]"), function (a) {
      var found = ENTITY.exec(a.getAttribute("href"));
      if (found) named[found[1]].push(decodeURIComponent(found[2]));
    });
    var list = link && el.closest(".briefing-chrono");
    KINDS.forEach(function (kind) {
      var own = list && list.getAttribute("data-" + kind);
      if (own) named[kind].push(own);
    });
    return named;
  }

  function readState(search) {
    var params = new URLSearchParams(search), state = {};
    KINDS.forEach(function (kind) { state[kind] = params.get(kind) || ""; });
    state.du = month(params.get("du"), false);
    state.au = month(params.get("au"), true);
    return state;
  }

  /* The page's query with the filters' parameters set as in ``state``; others (?ordre=) kept. */
  function query(state) {
    var params = new URLSearchParams(location.search);
    KINDS.concat(DATES).forEach(function (name) {
      if (state[name]) params.set(name, state[name]); else params.delete(name);
    });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var scope = form.closest("article") || document.body;
    var status = form.querySelector(".briefing-filter-status");
    var entries = Array.prototype.map.call(scope.querySelectorAll("[data-start]"), function (el, index) {
      var start = el.getAttribute("data-start");  // no data-end: a single day
      var entry = { el: el, start: start, end: el.getAttribute("data-end") || start };
      var link = el.querySelector("a[href]");  // an event listed under each year it covers counts once
      var named = entities(el, link);
      KINDS.forEach(function (kind) { entry[kind] = " " + named[kind].join(" ") + " "; });
      entry.key = link ? link.getAttribute("href") : "#" + index;  // (a withheld one has no link)
      return entry;
    });
    var byEvent = {};  // each event's entries, for the timeline's marks (by its id, or a withheld one's days)
    entries.forEach(function (entry) {
      var id = EVENT.exec(entry.key);
      entry.ev = id ? id[1] : "w" + entry.start + "/" + entry.end;
      (byEvent[entry.ev] = byEvent[entry.ev] || []).push(entry);
    });
    // the timeline's marks of events listed here: a point or a period by its link, a group by data-ev;
    // a mark none of whose events is listed (the index's frieze of every year) is left as it is
    var marked = scope.querySelectorAll(".briefing-timeline .tl-mark, .briefing-timeline .tl-labels .tl-label");
    var marks = Array.prototype.map.call(marked, function (el) {
      var own = EVENT.exec(el.getAttribute("href") || "");
      var ids = (el.getAttribute("data-ev") || (own ? own[1] : "")).split(" ").filter(function (id) {
        return byEvent[id];
      });
      var count = el.querySelector(".tl-count");
      return { el: el, ids: ids, count: count, number: count && count.textContent, title: el.getAttribute("title") };
    }).filter(function (mark) { return mark.ids.length; });
    var total = Object.keys(entries.reduce(function (keys, e) { keys[e.key] = 1; return keys; }, {})).length;
    // a group (a heading and its entries) is hidden when none of its entries shows; a list without
    // a group, with the heading just before it
    var groups = Array.prototype.slice.call(scope.querySelectorAll(".briefing-group"));
    var lists = [];
    entries.forEach(function (entry) {
      var list = entry.el.parentElement;
      if (!list.closest(".briefing-group") && lists.indexOf(list) < 0) lists.push(list);
    });
    var carry = form.getAttribute("data-carry");  // a page of years or months: the links take the filter
    var carried = Array.prototype.slice.call(scope.querySelectorAll(".briefing-neighbours a[href], .briefing-carry a[href]"
      + (carry ? ", .briefing-timeline a.tl-group[href], .briefing-timeline .tl-year a[href]" : "")));
    carried.forEach(function (a) {
      var href = a.getAttribute("href"), hash = href.indexOf("#");
      a.dataset.hash = hash < 0 ? "" : href.slice(hash);
      a.dataset.base = (hash < 0 ? href : href.slice(0, hash)).split("?")[0];
    });

    function control(name) { return form.elements.namedItem(name); }

    function show(state) {
      KINDS.forEach(function (kind) {
        var select = control(kind);
        if (!select) return;
        var value = state[kind];
        if (value && !Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
          // shared from another page, or one of the entries the form leaves out: kept, with what it matches here
          var found = carry ? "" : " (" + entries.filter(function (e) {
            return e[kind].indexOf(" " + value + " ") >= 0;
          }).length + ")";
          select.add(new Option(value + found, value));
        }
        select.value = value;
      });
      DATES.forEach(function (name) { control(name).value = state[name]; });
    }

    function current() {
      var state = {};
      KINDS.forEach(function (kind) { state[kind] = control(kind) ? control(kind).value : ""; });
      DATES.forEach(function (name) { state[name] = month(control(name).value, name === "au"); });
      return state;
    }

    function apply(state) {
      var wanted = KINDS.filter(function (kind) { return state[kind]; });
      var from = state.du, to = state.au, shown = 0, counted = {};
      for (var i = 0; i < entries.length; i++) {
        var entry = entries[i], keep = true;
        for (var k = 0; k < wanted.length && keep; k++) {
          keep = entry[wanted[k]].indexOf(" " + state[wanted[k]] + " ") >= 0;
        }
        if (keep && from) keep = entry.end.slice(0, 7) >= from;
        if (keep && to) keep = entry.start.slice(0, 7) <= to;
        if (entry.el.hidden === keep) entry.el.hidden = !keep;
        if (keep && !counted[entry.key]) { counted[entry.key] = true; shown++; }
      }
      groups.forEach(function (group) {
        var empty = !group.querySelector("[data-start]:not([hidden])");
        if (group.hidden !== empty) group.hidden = empty;
        var heading = group.querySelector("[id]");  // and its line in the table of contents
        var toc = heading && document.querySelector(".md-nav--secondary a[href='#" + heading.id + "']");
        if (toc && toc.parentElement.hidden !== empty) toc.parentElement.hidden = empty;
      });
      lists.forEach(function (list) {
        var empty = !list.querySelector("[data-start]:not([hidden])");
        list.hidden = empty;
        var heading = list.previousElementSibling;
        if (heading && /^H[2-6]$/.test(heading.tagName)) heading.hidden = empty;
      });
      var filtered = wanted.length || from || to;
      marks.forEach(function (mark) {
        var shown = mark.ids.filter(function (id) {
          return byEvent[id].some(function (entry) { return !entry.el.hidden; });
        }).length;
        var off = shown === 0;
        mark.el.classList.toggle("tl-off", off);
        if (mark.count) mark.count.textContent = filtered ? String(shown) : mark.number;
        if (mark.title && mark.count) {
          mark.el.setAttribute("title", filtered ? mark.title + " (" + plural(shown, "affiché", "affichés") + ")"
            : mark.title);
        }
        if (mark.el.tagName !== "A") return;  // a label, or a withheld event's mark: dimmed only
        if (off) { mark.el.setAttribute("tabindex", "-1"); mark.el.setAttribute("aria-hidden", "true"); }
        else { mark.el.removeAttribute("tabindex"); mark.el.removeAttribute("aria-hidden"); }
      });
      status.textContent = carry ? (filtered ? carry : "") :
        plural(shown, "événement affiché", "événements affichés") + (filtered ? " sur " + total : "");
      var search = query(state);
      carried.forEach(function (a) { a.setAttribute("href", a.dataset.base + search + a.dataset.hash); });
      return search;
    }

    function changed() {
      var search = apply(current());
      try {
        history.replaceState(history.state, "", location.pathname + search + location.hash);
      } catch (error) { /* a browser that refuses it for file://: the page still filters */ }
    }

    var state = readState(location.search);
    show(state);
    apply(current());  // what the controls show: a folder this page has no filter for is left out
    form.hidden = false;
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) { event.preventDefault(); changed(); });
    form.querySelector(".briefing-filter-reset").addEventListener("click", function () {
      show(readState(""));
      changed();
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.briefing-filter"), setup);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
