/* briefing: prebuilt search index (hooks/briefing/search_prebuilt.py).
 *
 * Wraps Material's search worker, which is pasted between the two halves of this file. The worker
 * fetches the serialised lunr index (search/search_lunr.json, or .js from file://) as soon as it
 * starts. When the setup message carries `config.prebuilt`, the worker's
 * own `lunr(...)` call still configures a builder (tokenizer, fields, highlight table) but adds
 * no document: the index is loaded instead. References are positions in `docs`; they are mapped
 * back to locations, and the highlight positions Material reads are computed lazily, by the
 * worker's own tokenizer, for the documents a query returns. */
var __briefingSetup = null;
var __briefingIndex = null; /* the parsed index; false when it could not be loaded */
var __briefingPending = (function () {
  /* Fetched as soon as the worker starts, while the page still fetches and parses the documents. */
  var source = self.location.href;
  if (typeof document !== "undefined") { /* Material's iframe shim (offline export) runs us in an iframe */
    var script = document.querySelector('script[src*="/workers/"]');
    if (script) source = script.src;
  }
  var root = source.split("/assets/javascripts/workers/")[0] + "/search/search_lunr";
  try {
    if (root.indexOf("file:") === 0) { /* no fetch from file://: a script that sets a global */
      return Promise.resolve(importScripts(root + ".js")).then(function () { return self.__briefingLunr || false; });
    }
    return fetch(root + ".json").then(function (response) { return response.ok ? response.json() : false; });
  } catch (error) {
    return Promise.resolve(false);
  }
})().catch(function () { return false; });
self.addEventListener("message", function (event) {
  var message = event.data;
  if (!(message && message.type === 0 && message.data && message.data.config && message.data.config.prebuilt)) return;
  if (__briefingIndex === null) { /* hold the setup until the index is there, then hand it on */
    event.stopImmediatePropagation();
    __briefingPending.then(function (index) {
      __briefingIndex = index || false;
      self.dispatchEvent(new MessageEvent("message", { data: message }));
    });
    return;
  }
  __briefingSetup = message.data;
});
/* MATERIAL WORKER */
;(function () {
  var original = self.lunr;

  function positionsOf(builder, doc, field) {
    var byTerm = Object.create(null);
    var value = builder._fields[field].extractor(doc); /* starts this document's highlight table */
    var tokens = builder.tokenizer(value);
    for (var i = 0; i < tokens.length; i++) {
      var term = tokens[i].toString();
      (byTerm[term] || (byTerm[term] = [])).push(tokens[i].metadata.position);
    }
    return byTerm;
  }

  function complete(results, builder, docs) {
    results.forEach(function (result) {
      var doc = docs[+result.ref];
      var cache = Object.create(null);
      result.ref = doc.location;
      var metadata = result.matchData.metadata;
      Object.keys(metadata).forEach(function (term) {
        Object.keys(metadata[term]).forEach(function (field) {
          /* a fresh object: lunr may hand the same (empty) metadata object to several matches */
          metadata[term][field] = Object.defineProperty({}, "position", {
            enumerable: true,
            get: function () {
              if (!(field in cache)) cache[field] = positionsOf(builder, doc, field);
              return cache[field][term] || [];
            }
          });
        });
      });
    });
    return results;
  }

  /* The lunr.Index of the compact form written by search_prebuilt.build_index: what
   * lunr.Builder.build() computes, with the same arithmetic (lunr.idf, BM25 with k1 = 1.2 and
   * b = 0, boosts, scores rounded to three decimals). */
  function decode(data) {
    var fields = data.fields, total = data.documents, k1 = 1.2, none = {};
    var vectors = [], termIds = Object.create(null), built = Object.create(null);
    for (var f = 0; f < fields.length; f++) {
      vectors.push([]);
      for (var d = 0; d < total; d++) vectors[f].push([]);
    }
    for (var t = 0; t < data.terms.length; t++) {
      var lists = data.postings[t], count = 0, list, doc, i;
      termIds[data.terms[t]] = t;
      for (f = 0; f < fields.length; f++) {
        for (list = lists[f], i = 0; i < list.length; i++) if (list[i] > 0) count++;
      }
      var idf = Math.log(1 + Math.abs((total - count + 0.5) / (count + 0.5))); /* lunr.idf */
      for (f = 0; f < fields.length; f++) {
        list = lists[f]; doc = -1;
        for (i = 0; i < list.length; i++) {
          if (list[i] < 0) continue;
          doc += list[i];
          var tf = i + 1 < list.length && list[i + 1] < 0 ? -list[i + 1] : 1;
          var boost = data.boosts[f] * (data.documentBoosts[doc] || 1);
          var score = idf * ((k1 + 1) * tf) / (k1 + tf) * boost;
          vectors[f][doc].push(t, Math.round(score * 1000) / 1000);
        }
      }
    }
    /* A term's posting ({_index, field: {ref: metadata}}) is built when a query first reaches it. */
    function postingOf(t) {
      var posting = Object.create(null);
      posting._index = t;
      for (var f = 0; f < fields.length; f++) {
        var byDocument = Object.create(null), list = data.postings[t][f], doc = -1;
        for (var i = 0; i < list.length; i++) if (list[i] > 0) byDocument[doc += list[i]] = none;
        posting[fields[f]] = byDocument;
      }
      return posting;
    }
    var invertedIndex = new Proxy(built, {
      get: function (target, term) {
        if (typeof term === "string" && !(term in target) && term in termIds) target[term] = postingOf(termIds[term]);
        return target[term];
      },
      has: function (target, term) { return term in termIds; }
    });
    var fieldVectors = Object.create(null);
    for (d = 0; d < total; d++) {
      for (f = 0; f < fields.length; f++) fieldVectors[fields[f] + "/" + d] = new original.Vector(vectors[f][d]);
    }
    return new original.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: original.TokenSet.fromArray(data.terms),
      fields: fields,
      pipeline: new original.Pipeline()
    });
  }

  function prebuilt(configure) {
    var setup = __briefingSetup;
    if (!setup || !__briefingIndex) return original.apply(this, arguments);
    __briefingSetup = null;
    var builder = new original.Builder();
    builder.pipeline.add(original.trimmer, original.stopWordFilter, original.stemmer);
    builder.searchPipeline.add(original.stemmer);
    builder.add = function () {}; /* the documents are in the prebuilt index already */
    configure.call(builder, builder);
    var index = __briefingIndex;
    var query = index.query;
    index.query = function () {
      return complete(query.apply(index, arguments), builder, setup.docs);
    };
    return index;
  }

  /* Decode as soon as the index arrives, while the page still parses the documents. */
  __briefingPending = __briefingPending.then(function (data) {
    return data ? decode(data) : false;
  }).catch(function () { return false; });

  Object.keys(original).forEach(function (key) {
    prebuilt[key] = original[key];
  });
  self.lunr = prebuilt;
})();
