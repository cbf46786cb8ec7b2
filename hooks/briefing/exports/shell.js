/* briefing: the parts of the theme's page shell that only a script uses, written once for the whole
 * offline export (assets/briefing-shell.js, hooks/briefing/exports/shell.py) instead of in each page:
 * the search switch, button and dialog, the back-to-top button, the dialog for notices, the theme's runtime
 * configuration and storage helpers. Each page loads this script where its configuration was, just
 * before the theme's own script; it puts every part back where the theme's templates had it, so the
 * theme starts on the same document as in a page that carries them. Without scripts, a reader never
 * sees these parts work, and now does not see them. */
__md_scope = new URL("..", document.currentScript.src), /* MATERIAL HELPERS */ null;
(function (script, parts) {
  var root = new URL("..", script.src); /* this script is in assets/ */
  if (window.__briefingOffline) window.__briefingOffline.install(); /* the export's search worker */
  var drawer = document.getElementById("__drawer");
  if (drawer && !document.getElementById("__search")) drawer.insertAdjacentHTML("afterend", parts.toggle);
  var header = document.querySelector(".md-header__inner");
  if (header && !header.querySelector("[data-md-component=search]")) header.insertAdjacentHTML("beforeend", parts.search);
  var main = document.querySelector("main.md-main");
  if (main && !main.querySelector("[data-md-component=top]")) main.insertAdjacentHTML("beforeend", parts.top);
  script.insertAdjacentHTML("beforebegin", parts.dialog);
  var config = parts.config;
  config.base = root.href;
  config.search = new URL(parts.worker, root).href;
  var element = document.createElement("script");
  element.id = "__config";
  element.type = "application/json";
  element.textContent = JSON.stringify(config);
  script.parentNode.insertBefore(element, script);
  /* MATERIAL CONTENT SCRIPT */
})(document.currentScript, /* PARTS */ null);
