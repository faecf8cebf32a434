/* global document, requestAnimationFrame */
/*
 * The pages the API sends with their first screen drawn (/fund, /sign-in, the overview, a project) hold the
 * dashboard's scripts and stylesheet back in <template id="after-first-paint">, so that the screen
 * paints from the HTML alone (apps/api/src/common/first-screen/first-screen.ts). Once the browser
 * has painted it, they are put in the head: the stylesheet first (media="print": it holds nothing
 * back), then each script in a task of its own. A template's elements never run when copied, so
 * each is created anew from its attributes.
 */
(function () {
  var held = document.getElementById('after-first-paint');
  if (!held) return;
  var loaded = false;
  function put(element) {
    var copy = document.createElement(element.tagName.toLowerCase());
    Array.prototype.forEach.call(element.attributes, function (attribute) {
      copy.setAttribute(attribute.name, attribute.value);
    });
    // The dashboard waits for the stylesheet (src/app/prerendered-page.ts): the mark tells it that
    // this one has loaded or failed, should that happen before it looks.
    if (copy.rel === 'stylesheet') {
      var settled = function () {
        copy.setAttribute('data-settled', '');
      };
      copy.addEventListener('load', settled);
      copy.addEventListener('error', settled);
    }
    document.head.appendChild(copy);
  }
  // The stylesheets at once, so that the dashboard's script, however soon it runs, finds them to wait
  // for; the scripts each in a task of its own: the browser starts an element's request as it is put
  // in (some 8 ms apiece on a slowed phone), and the six together made one task of 65 ms. A message,
  // not a timer, starts the next: a tab in the background runs its timers once a second at most.
  function load() {
    if (loaded) return;
    loaded = true;
    var elements = Array.prototype.slice.call(held.content.children);
    var stylesheets = elements.filter(function (element) {
      return element.getAttribute('rel') === 'stylesheet';
    });
    var scripts = elements.filter(function (element) {
      return element.getAttribute('rel') !== 'stylesheet';
    });
    stylesheets.forEach(put);
    if (scripts.length === 0) return;
    var channel = new MessageChannel();
    var index = 0;
    channel.port1.onmessage = function () {
      put(scripts[index]);
      index += 1;
      if (index < scripts.length) channel.port2.postMessage(null);
      else channel.port1.close();
    };
    channel.port2.postMessage(null);
  }
  // Once the document's first frame after parsing (this script is deferred) is on the screen: the
  // first callback comes before that frame is painted, the second before the one after it. A script
  // requested earlier than the largest text's paint is counted as what that paint waited for. A tab
  // opened in the background paints no frame, so it loads after a second all the same.
  requestAnimationFrame(function () {
    requestAnimationFrame(function () {
      setTimeout(load, 0);
    });
  });
  setTimeout(load, 1000);
})();
