// Redline's shared behaviour. Every page works without this file; it only adds comfort.
"use strict";

// A form outside the part htmx swaps (the timeline's filters) would go on showing the
// choices it was loaded with. The part swapped in carries the form's fields as a fresh
// load of the new address renders them (<template data-form-state="FORM-ID">), and the
// form takes from it its values, its choices, its labels and its links. The menu the
// reader is on keeps its choices, so that they do not move under the keyboard.
function takeFormState(root) {
  const state = root && root.querySelector("template[data-form-state]");
  const form = state && document.getElementById(state.dataset.formState);
  if (!form) return;
  const fresh = state.content;
  for (const control of fresh.querySelectorAll("select[name], input[name]")) {
    const live = form.elements.namedItem(control.name);
    if (!live || live.tagName !== control.tagName) continue;
    let value = control.getAttribute("value") || "";
    if (control.tagName === "SELECT") {
      const chosen = control.querySelector("option[selected]") || control.querySelector("option");
      value = chosen ? chosen.value : "";
      if (live !== document.activeElement) {
        live.replaceChildren(...Array.from(control.children, (option) => option.cloneNode(true)));
      }
    }
    if (live.value !== value) live.value = value;
  }
  for (const label of fresh.querySelectorAll("label[for]")) {
    const live = form.querySelector(`label[for="${CSS.escape(label.htmlFor)}"]`);
    if (live && live.textContent !== label.textContent) live.textContent = label.textContent;
  }
  const actions = form.querySelector(".actions");
  const freshActions = fresh.querySelector(".actions");
  if (actions && freshActions) {
    actions.querySelectorAll("a").forEach((link) => link.remove());
    for (const link of freshActions.querySelectorAll("a")) {
      const copy = link.cloneNode(true);
      actions.append(copy);
      if (window.htmx) window.htmx.process(copy);
    }
  }
}

// Where the control used is gone with the swap (a "Clear filters" link that no longer
// applies), focus moves to the new part's heading (elements opt in with
// data-focus-after-swap), so that keyboard and screen-reader users land where the change
// happened. A menu or a field the reader is on keeps focus: changing a setting does not
// move the reader elsewhere.
function focusIfLost(part) {
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  const heading = part.querySelector("[data-focus-after-swap]");
  if (!heading) return;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: false });
}

// A settle without a target (as after a history restore) has no new part to read. After
// an outerHTML swap the target is the element replaced: its successor has its id.
document.addEventListener("htmx:afterSettle", (event) => {
  const target = event.detail.target;
  if (!target) return;
  const part = target.isConnected ? target : target.id && document.getElementById(target.id);
  if (!part) return;
  takeFormState(part);
  focusIfLost(part);
});
document.addEventListener("htmx:historyRestore", () => takeFormState(document.body));
