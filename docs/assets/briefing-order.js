/* Chronologies in both orders (render/entries.py). Without this script the reversed order is an
 * anchor (#recent, #ancien) that CSS honours; with it, the lists are reordered for real (reading
 * and focus order follow), and the choice lives in the URL as ?ordre=recent or ?ordre=ancien beside
 * the filters' parameters, so that it survives following a heading link and can be shared. */
(function () {
  "use strict";
  var ORDERS = { recent: "desc", ancien: "asc" };

  function reverseChildren(parent) {
    var nodes = Array.prototype.slice.call(parent.children);
    for (var i = nodes.length - 1; i >= 0; i--) parent.appendChild(nodes[i]);
  }

  /* The lines of the table of contents (Material's sidebar, and its copy in the drawer on a phone)
   * that lead to the list's headings, reversed in place: the contents read in the list's order. */
  function reverseContents(chrono) {
    var ids = {};
    chrono.querySelectorAll("[id]").forEach(function (heading) { ids["#" + heading.id] = true; });
    var lists = [];
    document.querySelectorAll(".md-nav--secondary a.md-nav__link[href^='#']").forEach(function (link) {
      var item = link.parentElement, list = item.parentElement;
      if (!ids[link.getAttribute("href")] || item.tagName !== "LI") return;
      var entry = lists.filter(function (l) { return l.list === list; })[0];
      if (!entry) lists.push(entry = { list: list, items: [] });
      entry.items.push(item);
    });
    lists.forEach(function (entry) {
      var after = entry.items[entry.items.length - 1].nextSibling;
      for (var i = entry.items.length - 1; i >= 0; i--) entry.list.insertBefore(entry.items[i], after);
    });
  }

  function setOrder(chrono, order) {
    if (chrono.getAttribute("data-order") === order) return;
    chrono.querySelectorAll(".briefing-groups, .briefing-entries").forEach(reverseChildren);
    reverseContents(chrono);
    chrono.setAttribute("data-order", order);
  }

  function wanted(chrono) {
    var param = new URLSearchParams(window.location.search).get("ordre");
    if (param && ORDERS[param]) return ORDERS[param];
    var target = chrono.querySelector(".briefing-order-target");
    if (target && window.location.hash === "#" + target.id) return ORDERS[target.id];
    return chrono.getAttribute("data-default-order") || chrono.getAttribute("data-order");
  }

  function remember(order, chrono) {
    var url = new URL(window.location.href);
    if (order === chrono.getAttribute("data-default-order")) url.searchParams.delete("ordre");
    else url.searchParams.set("ordre", order === "desc" ? "recent" : "ancien");
    var target = chrono.querySelector(".briefing-order-target");
    if (target && url.hash === "#" + target.id) url.hash = "";
    try { window.history.replaceState(window.history.state, "", url.href); } catch (error) { /* file:// */ }
  }

  function showToggle(chrono) {
    var isDefault = chrono.getAttribute("data-order") === chrono.getAttribute("data-default-order");
    chrono.querySelector(".briefing-order-flip").style.display = isDefault ? "" : "none";
    chrono.querySelector(".briefing-order-back").style.display = isDefault ? "none" : "inline";
  }

  function init(chrono) {
    if (chrono.classList.contains("briefing-js")) return;
    chrono.setAttribute("data-default-order", chrono.getAttribute("data-order"));
    chrono.classList.add("briefing-js");
    chrono.querySelectorAll(".briefing-order a").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var order = chrono.getAttribute("data-order") === "asc" ? "desc" : "asc";
        setOrder(chrono, order);
        remember(order, chrono);
        showToggle(chrono);
        var next = chrono.querySelector(".briefing-order a:not([style*='none'])");
        if (next) next.focus();
      });
    });
    setOrder(chrono, wanted(chrono));
    remember(chrono.getAttribute("data-order"), chrono);
    showToggle(chrono);
  }

  function start() { document.querySelectorAll(".briefing-chrono").forEach(init); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
