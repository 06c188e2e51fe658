/* Body map: shows the picture and keeps it in sync with the checkbox list.
 *
 * The checkboxes are the real form control (they work without JavaScript). This script
 * reveals the picture, makes each region a toggle button (click, Enter, Space) and keeps
 * aria-pressed, the checkboxes, the "whole limb" checkboxes and shortcut buttons in step.
 * Safe to include twice: each widget is set up once.
 */
(function () {
  "use strict";

  function setUp(widget) {
    if (widget.dataset.bodymapReady) {
      return;
    }
    widget.dataset.bodymapReady = "true";

    var regionBoxes = Array.prototype.slice.call(
      widget.querySelectorAll('input[type="checkbox"][data-region]')
    );
    var limbBoxes = Array.prototype.slice.call(
      widget.querySelectorAll('input[type="checkbox"][data-limb]')
    );
    var shortcuts = Array.prototype.slice.call(widget.querySelectorAll("[data-shortcut]"));
    var regions = Array.prototype.slice.call(widget.querySelectorAll(".bodymap-region"));
    var busy = false;

    function regionsOf(element) {
      return (element.dataset.regions || "").split(" ").filter(Boolean);
    }

    function boxFor(code) {
      for (var i = 0; i < regionBoxes.length; i += 1) {
        if (regionBoxes[i].value === code) {
          return regionBoxes[i];
        }
      }
      return null;
    }

    function limbsContaining(code) {
      return limbBoxes.filter(function (box) {
        return regionsOf(box).indexOf(code) !== -1;
      });
    }

    function offered(code) {
      return boxFor(code) !== null || limbsContaining(code).length > 0;
    }

    function chosen() {
      var set = {};
      regionBoxes.forEach(function (box) {
        if (box.checked) {
          set[box.value] = true;
        }
      });
      limbBoxes.forEach(function (box) {
        if (box.checked) {
          regionsOf(box).forEach(function (code) {
            set[code] = true;
          });
        }
      });
      return set;
    }

    function setBox(box, checked) {
      if (box && box.checked !== checked) {
        box.checked = checked;
        busy = true;
        box.dispatchEvent(new Event("change", { bubbles: true }));
        busy = false;
      }
    }

    function refresh() {
      var set = chosen();
      regions.forEach(function (region) {
        var on = Boolean(set[region.dataset.region]);
        if (region.hasAttribute("aria-pressed")) {
          region.setAttribute("aria-pressed", on ? "true" : "false");
        }
        region.classList.toggle("is-selected", on);
      });
      shortcuts.forEach(function (button) {
        var all = regionsOf(button).every(function (code) {
          return Boolean(set[code]);
        });
        button.setAttribute("aria-pressed", all ? "true" : "false");
      });
    }

    function toggleRegion(code) {
      var box = boxFor(code);
      if (chosen()[code]) {
        setBox(box, false);
        // A ticked whole limb that holds this region becomes its other regions.
        limbsContaining(code).forEach(function (limb) {
          if (limb.checked) {
            setBox(limb, false);
            regionsOf(limb).forEach(function (other) {
              if (other !== code) {
                setBox(boxFor(other), true);
              }
            });
          }
        });
      } else if (box) {
        setBox(box, true);
      }
      refresh();
    }

    function onListChange(event) {
      if (busy) {
        return;
      }
      var box = event.target;
      if (box.dataset.limb) {
        regionsOf(box).forEach(function (code) {
          setBox(boxFor(code), box.checked);
        });
      } else if (box.dataset.region && !box.checked) {
        limbsContaining(box.value).forEach(function (limb) {
          setBox(limb, false);
        });
      }
      refresh();
    }

    regions.forEach(function (region) {
      if (!offered(region.dataset.region)) {
        // This question does not offer that area: show it, but not as a control.
        region.removeAttribute("role");
        region.removeAttribute("tabindex");
        region.removeAttribute("aria-pressed");
        region.removeAttribute("aria-label");
        region.classList.add("is-unavailable");
        return;
      }
      region.addEventListener("click", function () {
        toggleRegion(region.dataset.region);
      });
      region.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
          event.preventDefault();
          toggleRegion(region.dataset.region);
        }
      });
    });

    shortcuts.forEach(function (button) {
      button.addEventListener("click", function () {
        var codes = regionsOf(button);
        var set = chosen();
        var all = codes.every(function (code) {
          return Boolean(set[code]);
        });
        codes.forEach(function (code) {
          setBox(boxFor(code), !all);
        });
        refresh();
      });
    });

    // One Tab stop for the whole picture (a roving tabindex): the arrow keys move between its
    // areas, Home and End jump to the first and last; the list below stays the fallback.
    var stops = regions.filter(function (region) {
      // The server makes one drawing per area focusable (the front view when there is one).
      return region.getAttribute("role") === "button" && region.getAttribute("tabindex") === "0";
    });
    stops.forEach(function (stop) {
      stop.dataset.bodymapStop = "true";
    });
    function rove(index, focus) {
      stops.forEach(function (stop, i) {
        stop.setAttribute("tabindex", i === index ? "0" : "-1");
      });
      if (focus) {
        stops[index].focus();
      }
    }
    var NEXT = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    stops.forEach(function (stop, index) {
      stop.addEventListener("keydown", function (event) {
        var target = null;
        if (NEXT[event.key]) {
          target = (index + NEXT[event.key] + stops.length) % stops.length;
        } else if (event.key === "Home") {
          target = 0;
        } else if (event.key === "End") {
          target = stops.length - 1;
        }
        if (target !== null) {
          event.preventDefault();
          rove(target, true);
        }
      });
      stop.addEventListener("focus", function () {
        rove(index, false);
      });
    });
    if (stops.length) {
      var first = stops.findIndex(function (stop) {
        return Boolean(chosen()[stop.dataset.region]);
      });
      rove(first === -1 ? 0 : first, false);
    }

    widget.addEventListener("change", onListChange);
    // A ticked limb sent by the server: tick its regions too, so the list matches the picture.
    limbBoxes.forEach(function (limb) {
      if (limb.checked) {
        regionsOf(limb).forEach(function (code) {
          setBox(boxFor(code), true);
        });
      }
    });

    Array.prototype.forEach.call(
      widget.querySelectorAll("[data-bodymap-picture], [data-bodymap-shortcuts]"),
      function (element) {
        element.hidden = false;
      }
    );
    refresh();
    // Back/forward restores ticked boxes from the page cache: redraw the picture to match.
    window.addEventListener("pageshow", refresh);
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-bodymap]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
