// Agreement page: pairwise agreement and Cohen's kappa between annotators who labelled the same units.
"use strict";

document.addEventListener("DOMContentLoaded", async () => {
  const data = await tk.get("/api/agreement");
  const body = document.querySelector("#pairs tbody");
  const list = document.getElementById("disagreements");
  for (const pair of data.pairs) {
    const row = tk.el("tr");
    const cells = [pair.first, pair.second, String(pair.units),
      pair.agreement === null ? "—" : `${(pair.agreement * 100).toFixed(1)}%`, pair.kappa === null ? "—" : pair.kappa.toFixed(3)];
    for (const text of cells) row.appendChild(tk.el("td", {}, text));
    body.appendChild(row);
    for (const item of pair.disagreements) {
      list.appendChild(tk.el("li", {}, `${item.article} #${item.index}: ${pair.first} → ${item[pair.first]}, ${pair.second} → ${item[pair.second]}`));
    }
  }
  if (!data.pairs.length) body.appendChild(tk.el("tr", {}, "Chưa có hai người cùng gán nhãn."));
});
