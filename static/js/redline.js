// Redline's shared behaviour. Every page works without this file; it only adds comfort.
"use strict";

// After htmx swaps new content in, move focus to its heading so keyboard and screen-reader
// users land where the change happened (elements opt in with data-focus-after-swap).
document.addEventListener("htmx:afterSettle", (event) => {
  const target = event.detail.target;
  const focusable = target && target.querySelector("[data-focus-after-swap]");
  if (focusable) {
    if (!focusable.hasAttribute("tabindex")) focusable.setAttribute("tabindex", "-1");
    focusable.focus({ preventScroll: false });
  }
});
