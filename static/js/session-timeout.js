// Warn a staff member two minutes before the idle sign-out, and offer to stay signed in.
// Works with the markup in templates/screening/session_warning.html; without JavaScript the
// server still signs out idle sessions and says why on the sign-in page.
(function () {
  "use strict";
  // The words come from Django's JavaScript catalogue (/jsi18n/), in the page's language;
  // without it (a failed load) the English stands.
  var ngettext = window.ngettext || function (one, many, n) { return n === 1 ? one : many; };
  var interpolate = window.interpolate || function (text, values) {
    return text.replace("%(n)s", values.n);
  };
  var box = document.getElementById("session-warning");
  if (!box) { return; }
  var statusUrl = box.getAttribute("data-status-url");
  var keepaliveUrl = box.getAttribute("data-keepalive-url");
  var loginUrl = box.getAttribute("data-login-url");
  var warnBefore = 120;
  var countdown = box.querySelector("[data-countdown]");
  var stayButton = box.querySelector("[data-stay]");
  var csrf = (document.cookie.match(/(?:^|; )csrftoken=([^;]+)/) || [])[1] || "";

  function show(secondsLeft) {
    var minutes = Math.max(1, Math.ceil(secondsLeft / 60));
    countdown.textContent = interpolate(
      ngettext("%(n)s minute", "%(n)s minutes", minutes), { n: minutes }, true
    );
    box.hidden = false;
  }

  function check() {
    fetch(statusUrl, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (!data.signed_in || data.seconds_left <= 0) {
          window.location.href = loginUrl + "?next=" + encodeURIComponent(window.location.pathname);
          return;
        }
        if (data.seconds_left <= warnBefore) { show(data.seconds_left); } else { box.hidden = true; }
        window.setTimeout(check, Math.min(30000, Math.max(5000, (data.seconds_left - warnBefore) * 1000)));
      })
      .catch(function () { window.setTimeout(check, 30000); });
  }

  stayButton.addEventListener("click", function () {
    fetch(keepaliveUrl, { method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrf } })
      .then(function () { box.hidden = true; window.setTimeout(check, 5000); });
  });

  window.setTimeout(check, 5000);
})();
