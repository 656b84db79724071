// Labelling queue: one uncertain corpus unit at a time; keys 1–9 label it, s skips, u undoes the last label.
"use strict";

let current = null;

function showStatus(status) {
  const box = document.getElementById("status");
  box.replaceChildren();
  const f1 = (value) => (value === null || value === undefined ? "—" : value.toFixed(3));
  box.appendChild(tk.el("p", {}, `Nhãn mới từ lần huấn luyện trước: ${status.new_labels}/${status.every}. ` +
    `Trạng thái: ${status.state === "training" ? "đang huấn luyện…" : status.state === "failed" ? "lỗi: " + status.error : "sẵn sàng"}.`));
  if (status.rounds) {
    box.appendChild(tk.el("p", { id: "f1" }, `Lần ${status.rounds}: macro-F1 (kiểm định chéo) trước ${f1(status.before)}, sau ${f1(status.after)}.`));
  }
}

async function next() {
  try {
    const data = await tk.get(`/api/queue/next?annotator=${encodeURIComponent(tk.annotator())}`);
    showStatus(data.status);
    current = data.unit;
    const fields = ["title", "before", "text", "after"];
    if (!current) {
      for (const name of fields) document.getElementById(`unit-${name}`).textContent = "";
      document.getElementById("unit-model").textContent = "";
      tk.say("Hàng đợi đã hết.");
      return;
    }
    for (const name of fields) document.getElementById(`unit-${name}`).textContent = current[name] || "";
    document.getElementById("unit-text").dataset.article = current.article;
    document.getElementById("unit-text").dataset.index = String(current.index);
    document.getElementById("unit-model").textContent =
      `Mô hình đoán: ${current.predicted} (độ phân vân ${current.uncertainty.toFixed(2)}) — ${tk.scores(current.scores)}`;
  } catch (error) {
    tk.say(error.message, true);
  }
}

async function label(name) {
  if (!current) return;
  try {
    await tk.post("/api/queue/label", { article: current.article, index: current.index, label: name, annotator: tk.annotator() });
    tk.say(`Đã gán: ${name}`);
    await next();
  } catch (error) {
    tk.say(error.message, true);
  }
}

async function skip() {
  if (!current) return;
  try {
    await tk.post("/api/queue/skip", { article: current.article, index: current.index, annotator: tk.annotator() });
    await next();
  } catch (error) {
    tk.say(error.message, true);
  }
}

async function undo() {
  try {
    const data = await tk.post("/api/queue/undo", { annotator: tk.annotator() });
    tk.say(data.removed ? `Đã hoàn tác nhãn ${data.removed.label} của ${data.removed.article}` : "Không còn gì để hoàn tác.");
    await next();
  } catch (error) {
    tk.say(error.message, true);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const buttons = document.getElementById("label-buttons");
  for (const item of tk.labels()) {
    const button = tk.el("button", { type: "button", class: `lab-${item.name}`, "data-label": item.name },
      `${item.key ? item.key + " · " : ""}${item.title}`);
    button.addEventListener("click", () => label(item.name));
    buttons.appendChild(button);
  }
  document.getElementById("skip").addEventListener("click", skip);
  document.getElementById("undo").addEventListener("click", undo);
  document.getElementById("retrain").addEventListener("click", async () => {
    try {
      const data = await tk.post("/api/retrain", {});
      showStatus(data.status);
    } catch (error) {
      tk.say(error.message, true);
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.target.matches("input, textarea")) return;
    const found = tk.labels().find((l) => l.key && l.key === event.key);
    if (found) label(found.name);
    else if (event.key === "s") skip();
    else if (event.key === "u") undo();
  });
  setInterval(async () => {
    try { showStatus(await tk.get("/api/status")); } catch (error) { /* the next action shows the error */ }
  }, 5000);
  next();
});
