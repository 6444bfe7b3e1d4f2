window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || !window.PagefindUI) { return; }
  new window.PagefindUI({ element: "#search", showSubResults: false, showImages: false,
                          bundlePath: box.getAttribute("data-root") + "pagefind/" });
  // Pagefind's box has only a placeholder; screen readers need a name. Pagefind picks
  // the index of the page's <html lang> itself: each language is searched on its own.
  var input = box.querySelector("input");
  if (input) { input.setAttribute("aria-label", box.getAttribute("data-label") || "Search incidents"); }
});
