/* Show a follow-up question only when its gate answer opens it (progressive enhancement).
 *
 * Without this script every follow-up is shown and the server ignores those that do not
 * apply. Rules come from data- attributes written by the server from the same conditions:
 *   data-followup-gate="name"  data-followup-values="yes unsure"
 *   data-followup-gate2 / data-followup-values2   (a second gate: either one opens it)
 *   data-followup-minor-dob="date_of_birth" data-followup-born-after="YYYY-MM-DD"
 *     (also opens when the date of birth typed in day/month/year is after that date)
 */
(function () {
  "use strict";

  function answers(form, name) {
    var values = [];
    form.querySelectorAll('[name="' + name + '"]').forEach(function (input) {
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) { values.push(input.value); }
      } else if (input.value) {
        values.push(input.value);
      }
    });
    return values;
  }

  function gateHidden(form, name) {
    var input = form.querySelector('[name="' + name + '"]');
    var wrapper = input ? input.closest(".followup") : null;
    return wrapper !== null && wrapper.hidden;
  }

  function opens(form, gate, wanted) {
    if (!gate || gateHidden(form, gate)) { return false; }
    var allowed = (wanted || "").split(" ");
    return answers(form, gate).some(function (value) { return allowed.indexOf(value) !== -1; });
  }

  function bornAfter(form, field, limit) {
    if (!field || !limit) { return false; }
    var day = answers(form, field + "_day")[0];
    var month = answers(form, field + "_month")[0];
    var year = answers(form, field + "_year")[0];
    if (!day || !month || !year || year.length !== 4) { return false; }
    var iso = year + "-" + ("0" + month).slice(-2) + "-" + ("0" + day).slice(-2);
    return iso > limit;
  }

  function update(form) {
    form.querySelectorAll(".followup").forEach(function (wrapper) {
      var data = wrapper.dataset;
      var show = opens(form, data.followupGate, data.followupValues) ||
        opens(form, data.followupGate2, data.followupValues2) ||
        bornAfter(form, data.followupMinorDob, data.followupBornAfter);
      wrapper.hidden = !show;
    });
  }

  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector(".followup")) { return; }
    form.classList.add("followups-enhanced");
    // Twice: a follow-up of a follow-up depends on its gate's visibility.
    var refresh = function () { update(form); update(form); };
    form.addEventListener("change", refresh);
    form.addEventListener("input", refresh);
    refresh();
  });
})();
