/* briefing: prebuilt search index (hooks/briefing/search_prebuilt.py).
 *
 * Wraps Material's search worker, which is pasted between the two halves of this file. As soon as
 * the worker starts, it fetches the prebuilt index and the documents (search/search_lunr.json, or
 * the .js twin from file://) and the language scripts the setup will ask for. When the setup
 * message carries `config.prebuilt`, the worker gets the documents from that file, and its own
 * `lunr(...)` call configures a builder (tokenizer, fields, highlight table) but adds no document:
 * the index is loaded instead. Nothing is computed for every document: a term's postings are
 * decoded, and the vectors lunr scores with are built, for the terms a query reaches; highlight
 * positions are computed by the worker's own tokenizer for the documents a query returns. */
var __briefingSetup = null;
var __briefingIndex = null; /* {index, docs} once loaded; false when it could not be */
var __briefingSource = (function () {
  var source = self.location.href;
  if (typeof document !== "undefined") { /* Material's iframe shim (offline export) runs us in an iframe */
    var script = document.querySelector('script[src*="/workers/"]');
    if (script) source = script.src;
  }
  return source;
})();
var __briefingPending = (function () {
  var root = __briefingSource.split("/assets/javascripts/workers/")[0] + "/search/search_lunr";
  function script() { /* the offline export's: a script that sets a global, as file:// forbids fetching */
    return Promise.resolve(importScripts(root + ".js")).then(function () { return self.__briefingLunr || false; });
  }
  try {
    if (root.indexOf("file:") === 0) return script();
    return fetch(root + ".json").then(function (response) { return response.ok ? response.json() : script(); });
  } catch (error) {
    return Promise.resolve(false);
  }
})().catch(function () { return false; });
self.addEventListener("message", function (event) {
  var message = event.data;
  if (!(message && message.type === 0 && message.data && message.data.config && message.data.config.prebuilt)) return;
  if (__briefingIndex === null) { /* hold the setup until the index is there, then hand it on */
    event.stopImmediatePropagation();
    __briefingPending.then(function (loaded) {
      __briefingIndex = loaded || false;
      if (!loaded) console.warn("briefing: the prebuilt search index could not be loaded");
      self.dispatchEvent(new MessageEvent("message", { data: message }));
    });
    return;
  }
  if (__briefingIndex) message.data.docs = __briefingIndex.docs;
  __briefingSetup = message.data;
});
/* MATERIAL WORKER */
;(function () {
  var original = self.lunr;
  var languageScripts = /* LANGUAGE SCRIPTS */ [];

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

  /* The sorted terms as lunr's token set (the automaton a query's terms are expanded against),
   * each node's edges computed from the terms below it when a query first walks there. */
  function TermNode(terms, lo, hi, depth) {
    this.final = lo < hi && terms[lo].length === depth;
    this._terms = terms; this._lo = lo; this._hi = hi; this._depth = depth; this._edges = null;
  }
  TermNode.prototype = Object.create(original.TokenSet.prototype);
  Object.defineProperty(TermNode.prototype, "edges", {
    get: function () {
      if (this._edges) return this._edges;
      var edges = {}, terms = this._terms, depth = this._depth, hi = this._hi;
      for (var i = this.final ? this._lo + 1 : this._lo, j; i < hi; i = j) {
        var char = terms[i].charAt(depth);
        for (j = i + 1; j < hi && terms[j].charAt(depth) === char; j++);
        edges[char] = new TermNode(terms, i, j, depth + 1);
      }
      return (this._edges = edges);
    }
  });

  /* The lunr.Index of the form written by search_prebuilt.build_index: what lunr.Builder.build()
   * computes, with the same arithmetic (lunr.idf, BM25 with k1 = 1.2 and b = 0, boosts, scores
   * rounded to three decimals), for the terms a query reaches. */
  function decode(data) {
    var fields = data.fields, total = data.documents, terms = data.terms, k1 = 1.2;
    var digit = new Int8Array(128).fill(-1);
    for (var c = 0; c < data.digits.length; c++) digit[data.digits.charCodeAt(c)] = c;
    var decoded = new Array(terms.length), postings = new Array(terms.length);
    var reached = [], reachedSet = Object.create(null), vectors = null;

    function find(term) { /* terms are sorted as JavaScript compares strings */
      var lo = 0, hi = terms.length;
      while (lo < hi) {
        var mid = (lo + hi) >>> 1;
        if (terms[mid] < term) lo = mid + 1; else hi = mid;
      }
      return lo < terms.length && terms[lo] === term ? lo : -1;
    }

    /* Per field, the documents holding term t and their scores. */
    function entriesOf(t) {
      if (decoded[t]) return decoded[t];
      var parts = data.postings[t].split(" "), docs = [], counts = [], holding = 0;
      for (var f = 0; f < fields.length; f++) {
        var text = parts[f] || "", fieldDocs = [], fieldCounts = [], doc = -1, number = 0, pendingCount = false;
        for (var i = 0; i < text.length; i++) {
          var d = digit[text.charCodeAt(i)];
          if (d >= 32) { number = number * 32 + d - 32; continue; }
          number = number * 32 + d;
          if (pendingCount) {
            fieldCounts[fieldCounts.length - 1] = number + 2;
            pendingCount = false;
          } else {
            doc += Math.floor(number / 2) + 1;
            fieldDocs.push(doc);
            fieldCounts.push(1);
            pendingCount = number % 2 === 1;
          }
          number = 0;
        }
        docs.push(fieldDocs);
        counts.push(fieldCounts);
        holding += fieldDocs.length;
      }
      var idf = Math.log(1 + Math.abs((total - holding + 0.5) / (holding + 0.5))); /* lunr.idf */
      var scores = counts.map(function (fieldCounts, f) {
        var fieldBoost = data.boosts[f] || 1;
        return fieldCounts.map(function (tf, i) {
          var score = idf * ((k1 + 1) * tf) / (k1 + tf); /* k1 * (1 - b + b * length / average) + tf */
          score *= fieldBoost;
          score *= data.documentBoosts[docs[f][i]] || 1;
          return Math.round(score * 1000) / 1000;
        });
      });
      return (decoded[t] = { docs: docs, scores: scores });
    }

    /* A term's posting ({_index, field: {ref: metadata}}), as lunr reads it. The metadata is
     * empty (no position is stored); complete() gives each result its own. */
    var none = {};
    function postingOf(t) {
      var posting = Object.create(null), entries = entriesOf(t);
      posting._index = t;
      for (var f = 0; f < fields.length; f++) {
        var byDocument = Object.create(null), docs = entries.docs[f];
        for (var i = 0; i < docs.length; i++) byDocument[docs[i]] = none;
        posting[fields[f]] = byDocument;
      }
      return posting;
    }

    var invertedIndex = new Proxy(Object.create(null), {
      get: function (target, term) {
        var t = typeof term === "string" ? find(term) : -1;
        if (t < 0) return undefined;
        if (!(t in reachedSet)) { reachedSet[t] = true; reached.push(t); vectors = null; }
        return postings[t] || (postings[t] = postingOf(t));
      },
      has: function (target, term) { return typeof term === "string" && find(term) >= 0; }
    });

    /* A document's field vector restricted to the terms this query reached: lunr only takes its
     * dot product with the query vector, which holds no other term, so the scores are the same. */
    function vectorsOfQuery() {
      var byRef = Object.create(null);
      reached.slice().sort(function (a, b) { return a - b; }).forEach(function (t) {
        var entries = entriesOf(t);
        for (var f = 0; f < fields.length; f++) {
          var docs = entries.docs[f], scores = entries.scores[f];
          for (var i = 0; i < docs.length; i++) {
            var ref = fields[f] + "/" + docs[i];
            (byRef[ref] || (byRef[ref] = [])).push(t, scores[i]);
          }
        }
      });
      return byRef;
    }
    function allRefs() { /* lunr lists every field vector only for a query of prohibited terms only */
      var refs = [];
      for (var d = 0; d < total; d++) for (var f = 0; f < fields.length; f++) refs.push(fields[f] + "/" + d);
      return refs;
    }
    var fieldVectors = new Proxy(Object.create(null), {
      get: function (target, ref) {
        if (typeof ref !== "string") return undefined;
        if (!vectors) vectors = vectorsOfQuery();
        return new original.Vector(vectors[ref] || []);
      },
      ownKeys: allRefs,
      getOwnPropertyDescriptor: function () { return { value: null, writable: true, enumerable: true, configurable: true }; }
    });

    var index = new original.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: new TermNode(terms, 0, terms.length, 0),
      fields: fields,
      pipeline: new original.Pipeline()
    });
    var query = index.query;
    index.query = function () { /* the vectors are those of one query */
      reached = []; reachedSet = Object.create(null); vectors = null;
      var union = original.Set.prototype.union;
      original.Set.prototype.union = unionInPlace;
      try {
        return query.apply(index, arguments);
      } finally {
        original.Set.prototype.union = union;
      }
    };
    return { index: index, docs: data.docs };
  }

  /* lunr.Set's union, adding to the set itself instead of copying both into a new one. In
   * lunr.Index.query, every set a union is called on was made by that query and is only read
   * again as the union's result, so the results are the same; copying made a query whose terms
   * expand to a thousand (a required term's prefix, as in Material's suggestions) quadratic. */
  function unionInPlace(other) {
    if (other === original.Set.complete) return original.Set.complete;
    if (other === original.Set.empty || other === this) return this;
    var elements = this.elements, added = Object.keys(other.elements);
    for (var i = 0; i < added.length; i++) {
      if (!(added[i] in elements)) {
        elements[added[i]] = true;
        this.length++;
      }
    }
    return this;
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
    var index = __briefingIndex.index;
    var query = index.query;
    index.query = function () {
      return complete(query.apply(index, arguments), builder, setup.docs);
    };
    return index;
  }

  __briefingPending = __briefingPending.then(function (data) {
    return data ? decode(data) : false;
  }).catch(function () { return false; });

  Object.keys(original).forEach(function (key) {
    prebuilt[key] = original[key];
  });
  self.lunr = prebuilt;

  /* The language scripts the setup will import (it imports them only once the index is loaded):
   * fetched now, and not again. */
  var importOriginal = self.importScripts;
  var imported = Object.create(null), languages;
  var absolute = function (url) { return new URL(url, __briefingSource).href; };
  self.importScripts = function () {
    var urls = Array.prototype.map.call(arguments, absolute).filter(function (url) { return !(url in imported); });
    urls.forEach(function (url) { imported[url] = true; });
    return urls.length ? importOriginal.apply(self, urls) : languages;
  };
  var lunrBase = __briefingSource.split("/assets/javascripts/workers/")[0] + "/assets/javascripts/lunr/";
  if (languageScripts.length) {
    try {
      languages = self.importScripts.apply(self, languageScripts.map(function (path) { return lunrBase + path; }));
    } catch (error) {
      imported = Object.create(null); /* let the setup import them and report */
    }
  }
})();
