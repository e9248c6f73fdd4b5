// Material starts its search worker and fetches the search index (about 50 KB gzip together) on
// every page view over http(s); only on file:// does it wait for the search to be opened. This
// script, run before Material's bundle, holds both back until the reader opens the search (the
// search toggle turns on, or the search field gets focus, which is what "/" and "s" do), or
// arrives from a search result (?h= highlights the words, ?q= reopens the search).
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[^/]*\.js$/;
  var opened = /[?&][hq]=/.test(location.search);
  var waiting = [];

  function whenOpened(start) {
    if (opened) start(); else waiting.push(start);
  }

  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }

  function path(url) {
    return new URL(url, location.href).pathname;
  }

  // The index: Material requests it with XMLHttpRequest; send it once the search opens.
  var held = new WeakSet();
  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (INDEX.test(path(url))) held.add(this);
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!held.has(request)) return xhrSend.apply(request, args);
    whenOpened(function () { xhrSend.apply(request, args); });
  };

  // The worker: Material only listens to it and posts to it, so a stand-in that starts the real
  // worker once the search opens, and passes on what was said to it meanwhile, is enough.
  var RealWorker = window.Worker;
  if (!RealWorker) return;
  window.Worker = function (url, options) {
    if (opened || !WORKER.test(path(url))) return new RealWorker(url, options);
    var worker = null, stopped = false, listeners = [], messages = [];
    var standIn = {
      addEventListener: function (type, listener, flags) {
        if (worker) worker.addEventListener(type, listener, flags);
        else listeners.push([type, listener, flags]);
      },
      removeEventListener: function (type, listener, flags) {
        if (worker) worker.removeEventListener(type, listener, flags);
        listeners = listeners.filter(function (entry) { return entry[0] !== type || entry[1] !== listener; });
      },
      postMessage: function (message) {
        if (worker) worker.postMessage(message); else messages.push(message);
      },
      terminate: function () {
        if (worker) worker.terminate(); else stopped = true;
      }
    };
    whenOpened(function () {
      if (stopped) return;
      worker = new RealWorker(url, options);
      listeners.forEach(function (entry) { worker.addEventListener(entry[0], entry[1], entry[2]); });
      messages.splice(0).forEach(function (message) { worker.postMessage(message); });
    });
    return standIn;
  };

  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) open();
  }, true);
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) open();
  }, true);
})();
