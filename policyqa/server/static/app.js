// The policyqa page: ask, read the answer with its places and [n] citations, open a citation in its document.
// Plain JavaScript, no framework, nothing fetched but this server's own /api. Text from the index is only ever
// set as textContent (never parsed as HTML).
"use strict";

const $ = (id) => document.getElementById(id);
const MESSAGES = {
  empty_question: "请输入问题（1–1000 个字）。",
  question_too_long: "问题太长了：最多 1000 个字。",
  no_index: "还没有可用的索引：请在服务器上运行 policyqa index 建立索引，建好后本页会自动使用它。",
  index_unusable: "索引无法使用，需要重新建立。",
  timeout: "处理时间过长，已中止。请换一个更具体的问题，或稍后再试。",
  invalid_parameter: "参数有误。",
  unknown_document: "索引中没有这份文件（索引可能刚刚更新，请重新提问）。",
  document_unreadable: "这份文件的原文已无法读取（文件被移动或删除），请更新索引。",
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

class ApiError extends Error {
  constructor(status, body) {
    const err = (body && body.error) || {};
    super(err.message || `HTTP ${status}`);
    this.status = status;
    this.code = err.code || "http_error";
    this.field = err.field;
  }
}

async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { headers: { "Accept": "application/json", "Content-Type": "application/json" }, ...options });
  } catch (e) {
    throw new ApiError(0, { error: { code: "network", message: "无法连接服务器：请确认 policyqa serve 仍在运行。" } });
  }
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function showError(error) {
  const box = $("error");
  if (!error) { box.hidden = true; box.textContent = ""; return; }
  const friendly = MESSAGES[error.code];
  box.replaceChildren(
    el("strong", {}, friendly || "出错了。"),
    el("span", { class: "detail" }, " ", error.message || ""),
  );
  box.hidden = false;
}

function filters() {
  const params = {};
  if ($("region").value) params.region = $("region").value;
  if ($("year").value) params.year = Number($("year").value);
  return params;
}

function setBusy(busy) {
  for (const id of ["ask-btn", "search-btn"]) $(id).disabled = busy;
  $("result").setAttribute("aria-busy", busy ? "true" : "false");
}

// ------------------------------------------------------------------ answer
function placeLabel(region) {
  if (!region) return "未知地区";
  if (region.county && region.city) return `${region.county}（${region.city}）`;
  return region.county || region.city || region.province || "未知地区";
}

function answerText(text) {
  // "[n]" becomes a link to citation n; everything else stays text.
  const parts = [];
  const re = /\[(\d+)\]/g;
  let last = 0, m;
  while ((m = re.exec(text)) !== null) {
    const n = m[1];
    parts.push(text.slice(last, m.index));
    parts.push(el("a", { class: "ref", href: `#cite-${n}`, "aria-label": `出处 ${n}`,
                         onclick: (ev) => { ev.preventDefault(); focusCitation(n); } }, `[${n}]`));
    last = re.lastIndex;
  }
  parts.push(text.slice(last));
  const out = [];
  for (const part of parts) {
    if (typeof part !== "string") { out.push(part); continue; }
    part.split("\n").forEach((line, i) => { if (i) out.push(el("br")); out.push(line); });
  }
  return out;
}

function focusCitation(n) {
  const item = $(`cite-${n}`);
  if (!item) return;
  document.querySelectorAll(".citations li.current").forEach((li) => li.classList.remove("current"));
  item.classList.add("current");
  item.scrollIntoView({ block: "center" });
  item.focus();
}

function quote(text, highlight) {
  if (!highlight) return [text];
  const [a, b] = highlight;
  return [text.slice(0, a), el("mark", {}, text.slice(a, b)), text.slice(b)];
}

function headingPath(headings) {
  return headings && headings.length ? headings.join(" › ") : "（无标题层级）";
}

function citationItem(c, label) {
  const meta = [c.place || placeLabel(c.region), headingPath(c.headings)];
  if (c.page !== undefined && c.page !== null) meta.push(`第 ${c.page} 页`);
  if (c.kind === "toc") meta.push("目录");
  return el("li", { id: label ? `cite-${label}` : null, tabindex: "-1", dataset: { docId: c.doc_id } },
    el("div", { class: "cite-head" },
      label ? el("span", { class: "cite-num" }, `[${label}]`) : null,
      el("strong", {}, c.title || c.source),
      el("button", { type: "button", class: "open-doc secondary", "aria-label": `在原文中查看：${c.title || c.source}`,
                     onclick: () => openDocument(c) }, "查看原文")),
    el("p", { class: "meta" }, el("span", {}, meta[0]), " · ", el("span", { class: "path" }, meta.slice(1).join(" · "))),
    el("blockquote", {}, quote(c.text, c.highlight)));
}

function renderAnswer(answer) {
  const text = $("answer");
  text.replaceChildren(...answerText(answer.answer));
  text.classList.toggle("not-found", !answer.found);
  $("notices").replaceChildren(...(answer.notices || []).map((n) => el("li", {}, n)));
  $("notices").hidden = !(answer.notices || []).length;
  $("result-h").textContent = "回答";
  const places = $("places");
  places.replaceChildren();
  const aggregate = answer.kind === "aggregation";
  $("places-h").textContent = aggregate
    ? (answer.count !== null && answer.count !== undefined ? `涉及地方（${answer.count} 个）` : "涉及地方") : "来源";
  const notes = { toc_only: "（仅目录中提到）", other_level: "（上级文件，不计入）", unknown: "（地区不明，不计入）" };
  for (const g of answer.groups) {
    const label = aggregate ? g.label : `${g.label}《${(answer.citations[g.citations[0] - 1] || {}).title || ""}》`;
    const kind = g.kind || (g.toc_only ? "toc_only" : "place");
    places.append(el("li", { class: kind !== "place" ? "toc" : null },
      label, notes[kind] || "", " ",
      g.citations.map((n) => el("a", { class: "ref", href: `#cite-${n}`,
                                       onclick: (ev) => { ev.preventDefault(); focusCitation(n); } }, `[${n}]`))));
  }
  $("places-box").hidden = answer.groups.length === 0;
  $("cites-h").hidden = answer.citations.length === 0;
  $("citations").replaceChildren(...answer.citations.map((c) => citationItem(c, c.id)));
}

function renderHits(result) {
  $("result-h").textContent = `段落（${result.hits.length}）`;
  $("answer").replaceChildren(result.hits.length ? `与“${result.query}”最相关的段落：` : `没有找到与“${result.query}”相关的段落。`);
  $("answer").classList.toggle("not-found", result.hits.length === 0);
  $("notices").hidden = true;
  $("places-box").hidden = true;
  $("cites-h").hidden = true;
  $("citations").replaceChildren(...result.hits.map((h) => citationItem({ ...h, place: placeLabel(h.region) }, h.rank)));
}

async function submit(kind) {
  const question = $("q").value.trim();
  showError(null);
  setBusy(true);
  try {
    let result;
    if (kind === "ask") {
      result = await api("/api/ask", { method: "POST", body: JSON.stringify({ question, ...filters() }) });
      renderAnswer(result);
    } else {
      const params = new URLSearchParams({ q: question, k: "10", ...filters() });
      result = await api(`/api/search?${params}`);
      renderHits(result);
    }
    $("result").hidden = false;
    $("result-h").focus();
  } catch (error) {
    showError(error);
    if (error.code === "empty_question" || error.code === "question_too_long") $("q").focus();
  } finally {
    setBusy(false);
  }
}

// ------------------------------------------------------------------ document view
let opener = null;

async function openDocument(target) {
  // target: a citation or hit (doc_id, start, end, highlight, headings) or a catalog entry (id).
  opener = document.activeElement;
  showError(null);
  let doc;
  try {
    doc = await api(`/api/documents/${encodeURIComponent(target.doc_id || target.id)}`);
  } catch (error) {
    showError(error);
    return;
  }
  $("doc-title").textContent = doc.title || doc.source;
  $("doc-meta").textContent = [doc.place, doc.issuer, doc.date, doc.doc_number, doc.source].filter(Boolean).join(" · ");
  const crumbs = target.headings && target.headings.length ? target.headings : [];
  $("breadcrumb").replaceChildren(...[doc.title || doc.source, ...crumbs].map((h) => el("li", {}, h)));
  const warning = $("doc-warning");
  warning.hidden = doc.text_matches_index;
  warning.textContent = doc.text_matches_index ? "" : "注意：这份文件在建立索引后被修改过，标出的位置可能不准确。请更新索引。";

  const body = $("doc-text");
  const text = doc.text;
  const start = target.start, end = target.end;
  if (Number.isInteger(start) && Number.isInteger(end) && end <= text.length) {
    const hl = target.highlight ? [start + target.highlight[0], start + target.highlight[1]] : null;
    const cited = el("span", { class: "cited", id: "cited" });
    if (hl) cited.append(text.slice(start, hl[0]), el("mark", { id: "doc-mark" }, text.slice(hl[0], hl[1])), text.slice(hl[1], end));
    else cited.append(text.slice(start, end));
    body.replaceChildren(text.slice(0, start), cited, text.slice(end));
  } else {
    body.replaceChildren(text);
  }
  $("doc-view").hidden = false;
  $("main").classList.add("with-doc");
  // Scroll only the text panel (not the page) so the cited span sits in its middle.
  const mark = $("doc-mark") || $("cited");
  body.scrollTop = mark ? Math.max(0, mark.offsetTop - body.clientHeight / 3) : 0;
  $("doc-title").focus({ preventScroll: true });
}

function closeDocument() {
  $("doc-view").hidden = true;
  $("main").classList.remove("with-doc");
  if (opener && document.body.contains(opener)) opener.focus();
}

// ------------------------------------------------------------------ catalog, filters, status
function optionsFor(select, items) {
  const keep = select.value;
  select.replaceChildren(select.options[0]);
  for (const [value, text] of items) select.append(el("option", { value }, text));
  select.value = keep;
}

function renderLibrary(list) {
  $("lib-count").textContent = `（${list.total} 份）`;
  const groups = new Map();
  for (const d of list.documents) {
    if (!groups.has(d.place)) groups.set(d.place, []);
    groups.get(d.place).push(d);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], "zh-CN"));
  $("library").replaceChildren(...sorted.map(([place, docs]) => {
    const id = `lib-${place}`;
    return el("div", { class: "place-group" },
      el("h3", { id }, `${place}（${docs.length}）`),
      el("ul", { "aria-labelledby": id }, docs.map((d) => el("li", {},
        el("button", { type: "button", class: "link-button", onclick: () => openDocument(d) }, d.title || d.source),
        el("span", { class: "meta" }, ` ${d.date || "日期不详"} · ${d.chunks} 段`)))));
  }));
  const indent = { province: "", city: "\u3000", county: "\u3000\u3000" };
  const places = [...list.counts.places].sort((a, b) =>
    (a.level === "province" ? a.name : a.parent || "").localeCompare(b.level === "province" ? b.name : b.parent || "", "zh-CN")
    || ["province", "city", "county"].indexOf(a.level) - ["province", "city", "county"].indexOf(b.level));
  optionsFor($("region"), places.map((p) => [p.name, `${indent[p.level] || ""}${p.name}（${p.count}）`]));
  optionsFor($("year"), list.counts.years.filter((y) => y.year !== null).map((y) => [String(y.year), `${y.year}年（${y.count}）`]));
}

let generation = null;

async function poll() {
  // The server picks up a newly published index by itself: the status line and the list follow it.
  let health;
  try {
    health = await api("/api/health");
  } catch (error) {
    $("status").textContent = MESSAGES[error.code] || `索引不可用：${error.message}`;
    generation = null;
    return;
  }
  $("status").textContent = `索引：${health.documents} 份文件 · ${health.chunks} 个段落 · 版本 ${health.generation.replace(/^gen-/, "")}`;
  if (health.generation !== generation) {
    generation = health.generation;
    await refreshLibrary();
  }
}

async function refreshLibrary() {
  try {
    renderLibrary(await api("/api/documents"));
  } catch (error) {
    $("library").replaceChildren(el("p", { class: "meta" }, MESSAGES[error.code] || error.message));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("ask-form").addEventListener("submit", (ev) => { ev.preventDefault(); submit("ask"); });
  $("search-btn").addEventListener("click", () => submit("search"));
  $("doc-close").addEventListener("click", closeDocument);
  $("doc-view").addEventListener("keydown", (ev) => { if (ev.key === "Escape") closeDocument(); });
  poll();
  setInterval(poll, 10000);
  $("q").focus();
});
