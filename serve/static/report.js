// Report page: run a report over a folder, follow its progress, then open or download the files.
"use strict";

async function follow(job) {
  const progress = document.getElementById("progress");
  progress.hidden = false;
  for (;;) {
    const data = await tk.get(`/api/report/${job}`);
    progress.max = Math.max(1, data.total);
    progress.value = data.done;
    if (data.state === "running") {
      tk.say(`Đang xử lý ${data.done}/${data.total || "?"} bài…`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    if (data.state === "failed") {
      tk.say(data.error, true);
      return;
    }
    const s = data.summary;
    tk.say(`Xong: ${s.in_report} bài trong báo cáo, ${s.set_aside} bài để riêng, ${s.skipped} bài bỏ qua (đọc ${s.read}).`);
    const list = document.getElementById("files");
    list.replaceChildren(...data.files.map((name) => {
      const li = tk.el("li");
      li.appendChild(tk.el("a", { href: `/files/${job}/${encodeURIComponent(name)}`, target: "_blank", rel: "noopener" },
        name.endsWith(".html") ? `Mở báo cáo (${name})` : `Tải về ${name}`));
      return li;
    }));
    return;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("report-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    document.getElementById("files").replaceChildren();
    try {
      const data = await tk.post("/api/report", {
        folder: document.getElementById("folder").value, title: document.getElementById("report-title").value,
      });
      await follow(data.job);
    } catch (error) {
      tk.say(error.message, true);
    }
  });
});
