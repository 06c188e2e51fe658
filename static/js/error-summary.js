/* The error summary (GOV.UK pattern): focus it when the page opens with errors, and let each
 * link put the focus in its question's first box (a fragment link alone only scrolls). */
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (!summary) { return; }
  if (document.activeElement !== summary) { summary.focus(); }
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var id = link.getAttribute("href").slice(1);
    // A group of boxes (a date, the body map) is reached through its first box.
    var target = document.getElementById(id) ||
      document.querySelector("[id^='" + id.replace(/_0$/, "") + "'] input, [id^='" + id.replace(/_0$/, "") + "']");
    if (!target) { return; }
    event.preventDefault();
    var question = target.closest("fieldset") || target;
    question.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  });
})();
