// Clicking a highlight selects the cards of every annotation it belongs to (codes, modality, source).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var text = document.getElementById("article-text");
  if (!text) { return; }
  function select(refs) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    refs.forEach(function (ref, i) {
      var card = document.getElementById("ann-" + ref);
      if (card) { card.classList.add("active"); if (i === refs.length - 1) { card.scrollIntoView({ block: "nearest" }); } }
      text.querySelectorAll("mark.hl").forEach(function (m) {
        if ((m.getAttribute("data-refs") || "").split(" ").indexOf(ref) >= 0) { m.classList.add("active"); }
      });
    });
  }
  text.addEventListener("click", function (ev) {
    var mark = ev.target.closest("mark.hl");
    if (mark) { select((mark.getAttribute("data-refs") || "").split(" ").filter(Boolean)); }
  });
  if (location.hash.indexOf("#ann-") === 0) { select([location.hash.slice(5)]); }
});
