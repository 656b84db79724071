// Digest page: analyse pasted text or files, colour every sentence by its label, correct labels in place.
"use strict";

let selection = null; // {key, paragraph, sentence|null, node}

function labelTitle(name) {
  const found = tk.labels().find((l) => l.name === name);
  return found ? found.title : name;
}

function renderArticle(item) {
  const wrapper = tk.el("div", { class: "result" });
  const article = tk.el("article", { class: "article" });
  article.appendChild(tk.el("h2", {}, item.digest.title || item.article.title || item.name));
  for (const paragraph of item.article.paragraphs) {
    const p = tk.el("p", { class: `para lab-${paragraph.label}`, "data-paragraph": String(paragraph.index) });
    p.title = `${labelTitle(paragraph.label)} — ${tk.scores(paragraph.scores)}`;
    for (const sentence of paragraph.sentences) {
      const span = tk.el("span", {
        class: `sent lab-${sentence.label}`, id: `s-${item.key}-${paragraph.index}-${sentence.index}`,
        "data-sentence": String(sentence.index), tabIndex: 0,
      }, sentence.text);
      span.title = `${labelTitle(sentence.label)} — ${tk.scores(sentence.scores)}`;
      span.addEventListener("click", (event) => {
        event.stopPropagation();
        choose(item.key, paragraph.index, event.shiftKey ? null : sentence.index, event.shiftKey ? p : span);
      });
      p.appendChild(span);
      p.appendChild(document.createTextNode(" "));
    }
    article.appendChild(p);
  }
  wrapper.appendChild(article);
  wrapper.appendChild(renderDigest(item));
  return wrapper;
}

function renderDigest(item) {
  const digest = item.digest;
  const aside = tk.el("aside", { class: "digest" });
  aside.appendChild(tk.el("h3", {}, "Tóm tắt"));
  aside.appendChild(tk.el("p", {}, digest.summary || ""));
  const event = digest.event || {};
  const facts = tk.el("dl");
  const rows = [["Ngày", event.date], ["Địa điểm", event.location], ["Đơn vị tổ chức", event.organizer],
    ["Thành phần", event.participants], ["Kỳ", digest.period]];
  for (const [name, value] of rows) {
    if (!value) continue;
    facts.appendChild(tk.el("dt", {}, name));
    facts.appendChild(tk.el("dd", {}, String(value)));
  }
  aside.appendChild(facts);
  const sections = [["Kết quả đạt được", digest.achievements, "achievement"], ["Hạn chế, tồn tại", digest.limitations, "limitation"],
    ["Nhiệm vụ, giải pháp", digest.tasks, "task"]];
  for (const extra of digest.categories || []) sections.push([extra.title, extra.points, extra.name]);
  for (const [title, points, name] of sections) {
    aside.appendChild(tk.el("h3", { class: `lab-${name}` }, `${title} (${points.length})`));
    const list = tk.el("ul", { class: "points" });
    for (const point of points) {
      const li = tk.el("li", { class: "point", tabIndex: 0 }, point.text);
      li.addEventListener("click", () => {
        const target = document.getElementById(`s-${item.key}-${point.paragraph}-${point.sentence}`);
        if (!target) return;
        target.scrollIntoView({ behavior: "smooth", block: "center" });
        target.classList.add("flash");
        setTimeout(() => target.classList.remove("flash"), 1500);
      });
      list.appendChild(li);
    }
    aside.appendChild(list);
  }
  return aside;
}

function choose(key, paragraph, sentence, node) {
  document.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
  node.classList.add("selected");
  selection = { key, paragraph, sentence, node };
  const menu = document.getElementById("label-menu");
  menu.replaceChildren();
  menu.appendChild(tk.el("p", {}, sentence === null ? "Nhãn đúng của đoạn:" : "Nhãn đúng của câu:"));
  for (const label of tk.labels()) {
    const button = tk.el("button", { type: "button", class: `lab-${label.name}`, "data-label": label.name },
      `${label.key ? label.key + " · " : ""}${label.title}`);
    button.addEventListener("click", () => correct(label.name));
    menu.appendChild(button);
  }
  const box = node.getBoundingClientRect();
  menu.style.top = `${window.scrollY + box.bottom + 4}px`;
  menu.style.left = `${Math.max(8, box.left)}px`;
  menu.hidden = false;
}

async function correct(name) {
  if (!selection) return;
  const { key, paragraph, sentence, node } = selection;
  try {
    const data = await tk.post("/api/correct", { key, paragraph, sentence, label: name, annotator: tk.annotator() });
    const nodes = sentence === null ? [node, ...node.querySelectorAll(".sent")] : [node];
    for (const target of nodes) {
      target.className = target.className.replace(/lab-\S+/, `lab-${name}`);
      target.classList.add("corrected");
    }
    tk.say(`Đã lưu: ${labelTitle(name)} → ${data.file}`);
  } catch (error) {
    tk.say(error.message, true);
  }
  document.getElementById("label-menu").hidden = true;
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("digest-form");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    tk.say("Đang phân tích…");
    const body = new FormData();
    body.append("text", document.getElementById("text").value);
    for (const file of document.getElementById("files").files) body.append("files", file);
    try {
      const response = await fetch("/api/digest", { method: "POST", body });
      const data = await response.json();
      if (!response.ok) throw new Error(data.error || response.statusText);
      const results = document.getElementById("results");
      results.replaceChildren(...data.articles.map(renderArticle));
      tk.say(data.errors.length ? data.errors.join("; ") : `Đã phân tích ${data.articles.length} bài.`, data.errors.length > 0);
    } catch (error) {
      tk.say(error.message, true);
    }
  });
  document.addEventListener("keydown", (event) => {
    if (!selection || event.target.matches("input, textarea")) return;
    if (event.key === "Escape") {
      document.getElementById("label-menu").hidden = true;
      return;
    }
    const label = tk.labels().find((l) => l.key && l.key === event.key);
    if (label) {
      event.preventDefault();
      correct(label.name);
    }
  });
});
