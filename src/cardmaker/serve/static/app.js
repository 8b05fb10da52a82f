// cardmaker's teacher page: the table, filters, edits, preview and downloads over the local JSON API.
// Article text only ever goes into the page as text nodes (textContent), never as HTML; card previews
// are the library's escaped HTML inside sandboxed frames.
"use strict";

const TOKEN = document.querySelector('meta[name="cardmaker-token"]').content;
const UPLOAD_LIMIT = Number(document.querySelector('meta[name="cardmaker-upload-limit"]').content);
const $ = (selector) => document.querySelector(selector);
let state = null;
let selected = null;          // the row id whose cards are previewed
const drawn = new Map();      // row id → the JSON its <tr> was drawn from
let busy = Promise.resolve(); // requests run one after another, in the order they were made

function element(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") e.className = v;
    else if (k === "dataset") Object.assign(e.dataset, v);
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function redraw(id) {
  drawn.delete(id);
  draw(state);
}

function say(text, kind = "note") {
  $("#messages").replaceChildren(...(text ? [element("p", { class: kind, textContent: text })] : []));
}

async function request(method, path, body, contentType = "application/json") {
  const headers = { "X-Cardmaker-Token": TOKEN };
  if (body !== undefined) headers["Content-Type"] = contentType;
  const payload = body === undefined ? undefined : contentType === "application/json" ? JSON.stringify(body) : body;
  const response = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

// Every change goes through here: one request at a time, then the new state is drawn.
function act(method, path, body, contentType) {
  busy = busy.then(async () => {
    document.body.classList.add("busy");
    try {
      const response = await request(method, path, body, contentType);
      const next = await response.json();
      say("");
      draw(next);
    } catch (e) {
      say(e.message, "error");
      if (state) draw(state);
    } finally {
      document.body.classList.remove("busy");
    }
  });
  return busy;
}

// ── opening articles ────────────────────────────────────────────────────────

async function openFiles(files) {
  for (const file of files) {
    if (file.size > UPLOAD_LIMIT) {
      say(`${file.name}: too large for an article (the limit is ${(UPLOAD_LIMIT / 1e6).toFixed(0)} MB)`, "error");
      continue;
    }
    say(`Reading ${file.name} …`);
    await act("POST", `/api/articles/file?name=${encodeURIComponent(file.name)}`, await file.arrayBuffer(),
      "application/octet-stream");
  }
}

$("#file").addEventListener("change", (e) => { openFiles([...e.target.files]); e.target.value = ""; });
document.addEventListener("dragover", (e) => { e.preventDefault(); $("#drop").classList.add("over"); });
document.addEventListener("dragleave", () => $("#drop").classList.remove("over"));
document.addEventListener("drop", (e) => {
  e.preventDefault();
  $("#drop").classList.remove("over");
  openFiles([...e.dataTransfer.files]);
});
$("#paste-open").addEventListener("click", () => {
  const text = $("#paste").value;
  if (text.trim()) act("POST", "/api/articles/text", { text }).then(() => { $("#paste").value = ""; });
});
$("#url-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const url = $("#url").value.trim();
  if (url) { say(`Fetching ${url} …`); act("POST", "/api/articles/url", { url }); }
});
$("#list-file").addEventListener("change", async (e) => {
  const file = e.target.files[0];
  e.target.value = "";
  if (file) await act("POST", `/api/list?name=${encodeURIComponent(file.name)}`, await file.arrayBuffer(),
    "text/tab-separated-values");
});

// ── settings, filters, ticks ────────────────────────────────────────────────

const settings = (changes) => act("POST", "/api/settings", changes);
$("#level").addEventListener("change", (e) => settings({ level: Number(e.target.value) }));
$("#min-count").addEventListener("change", (e) => settings({ min_count: Number(e.target.value) || 1 }));
$("#budget").addEventListener("change", (e) => settings({ budget: e.target.value ? Number(e.target.value) : null }));
$("#script").addEventListener("change", (e) => settings({ script: e.target.value }));
$("#deck-name").addEventListener("change", (e) => settings({ deck_name: e.target.value }));
for (const box of document.querySelectorAll('input[name="cards"]')) {
  box.addEventListener("change", () => settings({
    cards: [...document.querySelectorAll('input[name="cards"]:checked')].map((b) => b.value),
  }));
}
$("#tick-all").addEventListener("click", () => act("POST", "/api/rows/tick", { ids: state.rows.map((r) => r.id), ticked: true }));
$("#untick-all").addEventListener("click", () => act("POST", "/api/rows/tick", { ids: state.rows.map((r) => r.id), ticked: false }));
for (const th of document.querySelectorAll("th[data-sort]")) {
  th.tabIndex = 0;
  const sort = () => {
    const same = state.settings.sort === th.dataset.sort;
    settings({ sort: th.dataset.sort, descending: same ? !state.settings.descending : th.dataset.sort === "count" });
  };
  th.addEventListener("click", sort);
  th.addEventListener("keydown", (e) => { if (e.key === "Enter") sort(); });
}
$("#add-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const word = $("#add-word").value.trim();
  if (!word) return;
  act("POST", "/api/words", { word, pinyin: $("#add-pinyin").value.trim() }).then(() => {
    $("#add-word").value = ""; $("#add-pinyin").value = "";
  });
});

// ── the table ───────────────────────────────────────────────────────────────

function exampleNode(example) {
  const cell = element("td", { class: "example", lang: "zh" });
  if (!example) return cell;
  let at = 0;
  for (const [a, b] of example.spans) {
    cell.append(example.text.slice(at, a), element("mark", { textContent: example.text.slice(a, b) }));
    at = b;
  }
  cell.append(example.text.slice(at));
  return cell;
}

function editable(row, column, text) {
  const td = element("td", {
    class: `editable ${column}${row.edited.includes(column) ? " edited" : ""}`,
    tabIndex: 0, title: "Click to edit", dataset: { column },
  });
  // a long meaning is folded to three lines; editing shows all of it
  td.append(column === "meaning" ? element("div", { class: "clamp", textContent: text }) : text);
  return td;
}

const REASONS = { level: "left out by the HSK filter", count: "seen too rarely", budget: "over the word budget",
  duplicate: "the same word as a row above" };

function rowNode(row, number) {
  const box = element("input", { type: "checkbox", checked: row.ticked, ariaLabel: `Put ${row.word} in the deck` });
  box.addEventListener("change", () => act("POST", "/api/rows/tick", { ids: [row.id], ticked: box.checked }));
  const tr = element("tr", { dataset: { id: row.id, simplified: row.simplified } },
    element("td", { class: "tick" }, box),
    element("td", { class: "num", textContent: String(number) }),
    element("td", { class: "word", lang: "zh", textContent: row.word },
      row.missing ? element("span", { class: "badge", textContent: "not in the article" }) : null),
    editable(row, "pinyin", row.pinyin),
    editable(row, "sense", row.sense),
    editable(row, "meaning", row.meaning),
    element("td", { class: "num", textContent: row.hsk }),
    element("td", { class: "num", textContent: String(row.count) }),
    exampleNode(row.example));
  tr.classList.toggle("unticked", !row.ticked);
  tr.classList.toggle("out", row.ticked && !row.chosen);
  if (row.out) tr.title = REASONS[row.out] || row.out;
  tr.classList.toggle("selected", row.id === selected);
  return tr;
}

function drawRows(rows) {
  const body = $("#words tbody");
  const existing = new Map([...body.children].map((tr) => [Number(tr.dataset.id), tr]));
  const wanted = [];
  rows.forEach((row, i) => {
    const json = JSON.stringify([row, i, row.id === selected]);
    let tr = existing.get(row.id);
    if (!tr || drawn.get(row.id) !== json) {
      tr = rowNode(row, i + 1);
      drawn.set(row.id, json);
    }
    wanted.push(tr);
  });
  // move or replace only what changed, so that focus and scrolling stay where the teacher is
  wanted.forEach((tr, i) => { if (body.children[i] !== tr) body.insertBefore(tr, body.children[i] || null); });
  while (body.children.length > wanted.length) body.lastElementChild.remove();
}

function draw(next) {
  state = next;
  const s = state.settings;
  $("#title").textContent = state.articles.length ? state.title : "Open an article to begin.";
  $("#articles").replaceChildren(...state.articles.map((a) => {
    const close = element("button", { type: "button", class: "close", textContent: "×", ariaLabel: `Close ${a.title}` });
    close.addEventListener("click", () => act("POST", `/api/articles/${a.id}/close`, {}));
    return element("li", { lang: "zh" }, element("span", { textContent: `${a.title} — ${a.words} words` }), close);
  }));
  const open = state.articles.length > 0;
  $("#choose").hidden = !open;
  $("#workspace").hidden = !open;
  $("#level").value = String(s.level);
  $("#min-count").value = String(s.min_count);
  $("#budget").value = s.budget === null ? "" : String(s.budget);
  $("#script").value = s.script;
  $("#deck-name-label").hidden = state.articles.length < 2;
  if (document.activeElement !== $("#deck-name")) $("#deck-name").value = s.deck_name;
  for (const box of document.querySelectorAll('input[name="cards"]')) box.checked = s.cards.includes(box.value);
  for (const th of document.querySelectorAll("th[data-sort]")) {
    th.ariaSort = th.dataset.sort === s.sort ? (s.descending ? "descending" : "ascending") : "none";
  }
  $("#summary").textContent = `${state.chosen} of ${state.rows.length} words in the deck`;
  drawRows(state.rows);
  if (state.notes.length) say(state.notes.join("\n"));
  if (selected !== null) showPreview(selected);
}

// ── editing cells ───────────────────────────────────────────────────────────

async function startEdit(td) {
  if (td.querySelector("input, select")) return;
  const id = Number(td.closest("tr").dataset.id);
  const row = state.rows.find((r) => r.id === id);
  const column = td.dataset.column;
  const save = (value) => act("POST", `/api/rows/${id}/edit`, { column, value });
  if (column === "pinyin") {
    const { readings } = await (await request("GET", `/api/rows/${id}/readings`)).json();
    const select = element("select", { ariaLabel: `Reading of ${row.word}` },
      ...readings.map((r) => element("option", { value: r.numbered, textContent: `${r.pinyin} — ${r.senses}` })),
      element("option", { value: "", textContent: "another reading…" }));
    select.value = row.pinyin_numbered;
    td.replaceChildren(select);
    select.focus();
    select.addEventListener("change", () => {
      if (select.value) { save(select.value); return; }
      inputEdit(td, row.pinyin, save, id);
    });
    select.addEventListener("keydown", (e) => { if (e.key === "Escape") redraw(id); });
    select.addEventListener("blur", () => setTimeout(() => { if (td.contains(select)) redraw(id); }, 150));
    return;
  }
  inputEdit(td, row[column], save, id);
}

function inputEdit(td, value, save, id) {
  const input = element("input", { type: "text", value, ariaLabel: "New value (empty: the dictionary's)" });
  td.replaceChildren(input);
  input.focus();
  input.select();
  let done = false;
  const finish = (keep) => {
    if (done) return;
    done = true;
    if (keep && input.value.trim() !== value) save(input.value.trim());
    else redraw(id);
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); finish(true); }
    if (e.key === "Escape") finish(false);
  });
  input.addEventListener("blur", () => finish(true));
}

$("#words tbody").addEventListener("click", (e) => {
  const td = e.target.closest("td");
  if (!td || e.target.closest("input, select")) return;
  const tr = td.closest("tr");
  if (td.classList.contains("editable")) startEdit(td);
  selected = Number(tr.dataset.id);
  for (const other of document.querySelectorAll("#words tr.selected")) other.classList.remove("selected");
  tr.classList.add("selected");
  showPreview(selected);
});
$("#words tbody").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && e.target.classList.contains("editable")) startEdit(e.target);
});

// ── preview ─────────────────────────────────────────────────────────────────

let previewing = 0;
async function showPreview(id) {
  const row = state.rows.find((r) => r.id === id);
  if (!row) { selected = null; $("#cards").replaceChildren(); $("#preview-word").textContent = ""; return; }
  const ticket = ++previewing;
  let cards;
  try {
    ({ cards } = await (await request("GET", `/api/rows/${id}/preview`)).json());
  } catch (e) { say(e.message, "error"); return; }
  if (ticket !== previewing) return;
  $("#preview-word").textContent = row.word;
  $("#cards").replaceChildren(...cards.map((card) => element("figure", { class: card.made ? "card" : "card none" },
    element("figcaption", { textContent: card.made ? card.name : `${card.name}: no card (no example)` }),
    frame(card.front, `${card.name}, front`), frame(card.back, `${card.name}, back`))));
}

function frame(html, title) {
  // no scripts run in a card (no allow-scripts); same origin only so that the page can fit its height
  const f = element("iframe", { title, srcdoc: html });
  f.setAttribute("sandbox", "allow-same-origin");
  f.addEventListener("load", () => {
    const doc = f.contentDocument;
    if (doc && doc.documentElement) f.style.height = `${Math.min(doc.documentElement.scrollHeight + 4, 600)}px`;
  });
  return f;
}

// ── downloads ───────────────────────────────────────────────────────────────

for (const button of document.querySelectorAll("button.download")) {
  button.addEventListener("click", () => {
    busy = busy.then(async () => {
      try {
        const response = await request("GET", `/download/${button.dataset.kind}`);
        const disposition = response.headers.get("Content-Disposition") || "";
        const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
        const name = match ? decodeURIComponent(match[1]) : `cardmaker-${button.dataset.kind}`;
        const url = URL.createObjectURL(await response.blob());
        const a = element("a", { href: url, download: name, hidden: true });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        say(`Downloaded ${name}`);
      } catch (e) { say(e.message, "error"); }
    });
  });
}

act("GET", "/api/state");
