/* briefing: the offline export's search worker (hooks/briefing/search/offline.js).
 *
 * From file://, browsers refuse `new Worker(file)` and any fetch, so Material's offline plugin
 * loads the iframe-worker shim, which runs the worker in a hidden frame on the page's own thread:
 * reading the prebuilt index there (megabytes at 10,000 events) blocks the page, and the keys a
 * reader types wait for it. A worker made from a `blob:` URL is allowed from file://, but it can
 * read no file either. So this script, written to search/search_offline.js with the wrapped worker's
 * code as a string (search/prebuilt.offline_loader), is loaded by every page of the export before
 * the shim; it:
 *
 * 1. starts that code as a real worker at once, and, once the page has loaded, loads
 *    search/search_lunr.js (the index as one string literal, which the browser parses off the page's
 *    thread), then posts the string to the worker, which parses it there (search/worker.js,
 *    `briefingLunr` message). A script added before the page's `load` event holds that event back
 *    until it has loaded (0.1–0.15 s for the index of 10,000 events); added after it, the index is
 *    still there before a reader has typed a word;
 * 2. once the shim has replaced `Worker` (`install`, called from the page after the shim), hands
 *    this worker to Material when it asks for its search worker, and anything else to the shim.
 *
 * Where no blob worker can be made, it does nothing and the shim runs the worker as before. */
var __briefingOffline = (function (workerPath, workerSource) {
  var Native = typeof Worker === "function" ? Worker : null, script = document.currentScript;
  var early = null, workerHref = null;
  if (location.protocol === "file:" && Native && workerSource && script && typeof Blob === "function") {
    try {
      var root = new URL("..", script.src).href; /* this script is in search/ */
      workerHref = new URL(workerPath, root).href;
      var code = "self.__briefingWorkerUrl = " + JSON.stringify(workerHref) + ";\n" + workerSource;
      early = new Native(URL.createObjectURL(new Blob([code], { type: "text/javascript" })));
      var index = new URL("search/search_lunr.js", root).href, started = early;
      if (document.readyState === "complete") loadIndex(index, started);
      else addEventListener("load", function () { loadIndex(index, started); });
    } catch (error) {
      early = null;
    }
  }

  function loadIndex(src, worker) {
    var load = document.createElement("script");
    load.async = true;
    load.src = src;
    load.onload = function () {
      var text = self.__briefingLunrText;
      delete self.__briefingLunrText;
      load.remove();
      worker.postMessage({ briefingLunr: typeof text === "string" ? text : null });
    };
    load.onerror = function () { worker.postMessage({ briefingLunr: null }); };
    document.head.appendChild(load);
  }

  function withoutQuery(url) {
    var parsed = new URL(url, location.href);
    parsed.search = parsed.hash = "";
    return parsed.href;
  }

  return {
    install: function () {
      if (!early) return;
      var Fallback = window.Worker;
      window.Worker = function (url, options) {
        if (early && withoutQuery(url) === withoutQuery(workerHref)) {
          var worker = early;
          early = null;
          return worker;
        }
        return new Fallback(url, options);
      };
      window.Worker.prototype = Fallback.prototype;
    }
  };
})(/* WORKER PATH */ null, /* WORKER SOURCE */ null);
