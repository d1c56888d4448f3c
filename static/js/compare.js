// The compare page's keyboard comfort. Without this file every change is still reachable
// through its "Previous change" / "Next change" links.
"use strict";

(() => {
  const NEXT = new Set(["j", "n"]);
  const PREVIOUS = new Set(["k", "p"]);

  // The change a step away from where the reader is: from the focused change if there is
  // one, otherwise from what is on screen, so the keys follow scrolling too.
  function target(step) {
    const changes = Array.from(document.querySelectorAll("[data-change]"));
    if (!changes.length) return null;
    const current = document.activeElement && document.activeElement.closest("[data-change]");
    if (current) return changes[changes.indexOf(current) + step] || null;
    const tops = changes.map((change) => change.getBoundingClientRect().top);
    if (step > 0) return changes.find((_, i) => tops[i] > 1) || null;
    return changes.findLast((_, i) => tops[i] < -1) || null;
  }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest("input, select, textarea, button, [contenteditable]")) return;
    const step = NEXT.has(event.key) ? 1 : PREVIOUS.has(event.key) ? -1 : 0;
    if (!step) return;
    const change = target(step);
    if (!change) return;
    event.preventDefault();
    change.focus({ preventScroll: true });
    change.scrollIntoView({ block: "start" });
  });

  // htmx replaces the control that was used (a view switch, the picker's button); put
  // focus back on its replacement so keyboard users keep their place.
  let returnFocusTo = null;
  document.addEventListener("htmx:beforeRequest", () => {
    const active = document.activeElement;
    returnFocusTo = active && active.id && active.closest("#comparison") ? active.id : null;
  });
  // A settle without a target (as after a history restore) is not the swap we wait for.
  document.addEventListener("htmx:afterSettle", (event) => {
    const swapped = event.detail && event.detail.target;
    if (!returnFocusTo || !swapped || swapped.id !== "comparison") return;
    const control = document.getElementById(returnFocusTo);
    returnFocusTo = null;
    if (control) control.focus();
  });
})();
