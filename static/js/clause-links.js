// Copy-link actions on clauses. Without this file they are ordinary links to the clause's
// permalink or its anchor; with it, activating one copies its absolute address and says so
// in a live region. Where the clipboard is refused, the address is shown selected instead.
"use strict";

(() => {
  const SELECTOR = "a[data-copy-link]";

  // The live region exists before any announcement, so screen readers pick up its changes.
  const status = document.createElement("p");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.append(status);

  let clearTimer;
  function announce(message) {
    clearTimeout(clearTimer);
    status.textContent = message;
    clearTimer = setTimeout(() => { status.textContent = ""; }, 4000);
  }

  // A link that copies is an action: say so to assistive technology.
  function upgrade(root) {
    for (const link of root.querySelectorAll(SELECTOR)) link.setAttribute("role", "button");
  }

  function showAddress(link, url) {
    let field = link.parentElement.querySelector(".copy-fallback");
    if (!field) {
      field = document.createElement("input");
      field.className = "copy-fallback";
      field.readOnly = true;
      field.setAttribute("aria-label", "Link to copy");
      link.after(field);
    }
    field.value = url;
    field.focus();
    field.select();
  }

  async function copy(link) {
    const url = new URL(link.getAttribute("href"), document.baseURI).href;
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(url);
      link.classList.add("is-copied");
      setTimeout(() => link.classList.remove("is-copied"), 2000);
      announce("Link copied");
    } catch {
      showAddress(link, url);
      announce("Copying is not available here: the link is selected, copy it with Ctrl+C or ⌘C");
    }
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest(SELECTOR);
    // A modified or middle click still opens the link, as the reader asked.
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    copy(link);
  });

  // Buttons answer the space bar too; links only answer Enter, which arrives as a click.
  document.addEventListener("keydown", (event) => {
    const link = event.target.closest && event.target.closest(SELECTOR);
    if (link && event.key === " ") {
      event.preventDefault();
      copy(link);
    }
  });

  upgrade(document);
  document.addEventListener("htmx:load", (event) => upgrade(event.detail.elt));
})();
