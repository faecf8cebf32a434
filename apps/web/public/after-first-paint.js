/* global document, requestAnimationFrame */
/*
 * The pages the API sends with their first screen drawn (/ for a signed-in reader, /fund) hold the
 * dashboard's scripts and stylesheet back in <template id="after-first-paint">, so that the screen
 * paints from the HTML alone (apps/api/src/common/first-screen/first-screen.ts). Once the browser
 * has painted it, they are put in the head, where they load as they would have. A template's
 * elements never run when copied, so each is created anew from its attributes.
 */
(function () {
  var held = document.getElementById('after-first-paint');
  if (!held) return;
  var loaded = false;
  function load() {
    if (loaded) return;
    loaded = true;
    Array.prototype.forEach.call(held.content.children, function (element) {
      var copy = document.createElement(element.tagName.toLowerCase());
      Array.prototype.forEach.call(element.attributes, function (attribute) {
        copy.setAttribute(attribute.name, attribute.value);
      });
      document.head.appendChild(copy);
    });
  }
  // The frame after the next has been painted; a tab opened in the background paints no frame, so
  // it loads after a second all the same.
  requestAnimationFrame(function () {
    setTimeout(load, 0);
  });
  setTimeout(load, 1000);
})();
