// Shared helpers: the label list, the annotator's name, JSON requests, and text-only DOM building.
"use strict";

const tk = {
  labels() {
    const template = document.getElementById("label-list");
    return Array.from(template.content.querySelectorAll("span")).map((s) => ({
      name: s.dataset.name, title: s.dataset.title, key: s.dataset.key,
    }));
  },
  annotator() {
    const input = document.getElementById("annotator");
    return input.value.trim();
  },
  el(tag, attributes = {}, text = null) {
    // Article text only ever enters the page as a text node, never as HTML.
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "class") node.className = value;
      else if (name.startsWith("data-")) node.setAttribute(name, value);
      else node[name] = value;
    }
    if (text !== null) node.textContent = text;
    return node;
  },
  async post(url, body) {
    const response = await fetch(url, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  },
  async get(url) {
    const response = await fetch(url);
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  },
  say(text, isError = false) {
    const message = document.getElementById("message");
    if (!message) return;
    message.textContent = text;
    message.classList.toggle("error", isError);
  },
  scores(scores) {
    return Object.entries(scores || {}).map(([name, value]) => `${name} ${value.toFixed(2)}`).join(" · ");
  },
};

document.addEventListener("DOMContentLoaded", () => {
  const input = document.getElementById("annotator");
  input.value = localStorage.getItem("tongket-annotator") || "nguoi-1";
  input.addEventListener("change", () => localStorage.setItem("tongket-annotator", input.value.trim()));
});
