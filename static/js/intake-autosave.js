/* Keep what is typed on a question page as it is typed (issue 12, point 2): a refresh, a
 * dropped connection or a closed tab loses nothing. Each change posts the page with
 * action=autosave (the server keeps it aside, unvalidated, until the page is saved). Without
 * JavaScript, "Save and finish later" and "Back" keep the half page instead. */
(function () {
  "use strict";
  var form = document.querySelector("form.intake-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  // Not form.action: the buttons named "action" shadow that property.
  var target = form.getAttribute("action");
  var timer = null;

  function send() {
    timer = null;
    var data = new FormData(form);
    data.set("action", "autosave");
    fetch(target, { method: "POST", body: data, credentials: "same-origin" })
      .then(function () { form.dataset.autosaved = "yes"; })
      .catch(function () { /* offline: Next or "finish later" still keep it */ });
  }

  function later() {
    form.dataset.autosaved = "";
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(send, 600);
  }

  form.addEventListener("change", later);
  form.addEventListener("input", later);
  // Leaving with a change not sent yet: send it now (the browser finishes a keepalive fetch).
  window.addEventListener("pagehide", function () {
    if (!timer) { return; }
    window.clearTimeout(timer);
    var data = new FormData(form);
    data.set("action", "autosave");
    fetch(target, { method: "POST", body: data, credentials: "same-origin", keepalive: true });
  });
  form.addEventListener("submit", function () { if (timer) { window.clearTimeout(timer); timer = null; } });
})();
