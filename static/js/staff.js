// Staff pages: a "Copy link" button next to a one-time invitation link (the link is
// selectable without JavaScript; the button only appears when it can work).
(function () {
  "use strict";
  // Django's JavaScript catalogue (/jsi18n/) gives the page's language; else English.
  var gettext = window.gettext || function (text) { return text; };
  document.querySelectorAll(".js-copy").forEach(function (button) {
    var target = document.getElementById(button.dataset.copyTarget);
    if (!target || !navigator.clipboard) { return; }
    button.classList.remove("d-none");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.value).then(function () {
        button.textContent = gettext("Copied");
      }, function () {
        target.select();
      });
    });
  });
})();
