/* Tooltips for every element with a title: the title is shown as text, never parsed as HTML.
 *
 * This replaces Material's `content.tooltips` feature, which inserts an element's decoded `title`
 * with innerHTML (and copies the text of any truncated navigation or table-of-contents entry into a
 * title first): a contributor's `<img onerror=…>`, escaped in the page, ran when a reader hovered or
 * tabbed to it. Here the tooltip's text is set with textContent, so no title, whatever it holds,
 * becomes markup. It looks and sits as Material's inline tooltips do (their `md-tooltip2` styles):
 * below the element, shown on hover and on keyboard focus, kept while the pointer is over it,
 * dismissed with Escape (WCAG 1.4.13). It works served and from file://, and with instant navigation
 * (the listeners are on the document).
 */
(function () {
  "use strict";

  var HIDE_DELAY = 250;
  var tip = null;     // the tooltip element while one is shown
  var host = null;    // the element it describes
  var title = "";     // the host's title, removed while the tooltip shows (no native tooltip over it)
  var named = false;  // whether the title, removed, was the host's name (a timeline's mark): the tooltip names it
  var hideTimer = 0;
  var sequence = 0;

  function hostOf(target) {
    if (!target || target.nodeType !== 1 || !target.closest) return null;
    if (host && (host.contains(target) || tip.contains(target))) return host;
    var element = target.closest("[title]");
    if (!element || element === document.documentElement || !document.body.contains(element)) return null;
    return element.getAttribute("title").trim() ? element : null;
  }

  /* The text a screen reader reads as the element's name: its text outside aria-hidden parts. */
  function spoken(element) {
    var copy = element.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("[aria-hidden='true']"), function (e) { e.remove(); });
    return copy.textContent.trim();
  }

  function place() {
    var box = host.getBoundingClientRect();
    var style = tip.style;
    style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
    style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
    style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    style.setProperty("--md-tooltip-y", 8 + box.height + "px");
  }

  function show(element) {
    clearTimeout(hideTimer);
    if (element === host) return;
    hide();
    host = element;
    title = element.getAttribute("title");
    tip = document.createElement("div");
    tip.className = "md-tooltip2 md-tooltip2--bottom";
    tip.setAttribute("role", "tooltip");
    tip.id = "__briefing_tooltip_" + sequence++;
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.textContent = title;
    tip.appendChild(inner);
    named = !element.hasAttribute("aria-label") && !spoken(element);
    element.removeAttribute("title");  // the name it gave stays, by the tooltip (same text): labelled, not described
    element.setAttribute(named ? "aria-labelledby" : "aria-describedby", tip.id);
    document.body.appendChild(tip);
    place();
    tip.style.setProperty("--md-tooltip-width", inner.getBoundingClientRect().width + "px");
    tip.style.setProperty("--md-tooltip-tail", "0px");
    var shown = tip;
    window.requestAnimationFrame(function () { shown.classList.add("md-tooltip2--active"); });
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!tip) return;
    tip.remove();
    host.removeAttribute(named ? "aria-labelledby" : "aria-describedby");
    if (!host.hasAttribute("title")) host.setAttribute("title", title);
    tip = host = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  function leaves(event) {
    var to = event.relatedTarget;
    return !(to && (host.contains(to) || (tip && tip.contains(to))));
  }

  document.addEventListener("mouseover", function (event) {
    var element = hostOf(event.target);
    if (element) show(element);
  });
  document.addEventListener("mouseout", function (event) {
    if (host && leaves(event) && document.activeElement !== host) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var element = hostOf(event.target);
    if (element) show(element); else hide();
  });
  document.addEventListener("focusout", function (event) {
    if (host && leaves(event)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("scroll", function () { if (tip) place(); }, { passive: true });
  window.addEventListener("pagehide", hide);
})();
