// newsweave web UI. Every piece of text from articles or briefs is untrusted: it is
// only ever inserted with textContent (through el()), never as HTML.
"use strict";

const TOKEN_KEY = "newsweave-token";

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function safeHref(url) {
  return /^https?:\/\//i.test(url || "") ? url : null;
}

class ApiError extends Error {
  constructor(status, body) {
    super(describeError(status, body));
    this.status = status;
    this.body = body;
  }
}

function describeError(status, body) {
  if (!body) return `request failed (${status})`;
  let detail = body.detail;
  if (Array.isArray(detail)) {
    detail = detail.map((d) => (d.where ? `${d.where}: ${d.reason}` : d.msg || JSON.stringify(d))).join("; ");
  }
  return `${body.error || "error"}${detail ? ": " + detail : ""}`;
}

async function api(method, url, body) {
  const headers = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const response = await fetch(url, { method, headers, body: payload });
  if (response.status === 204) return null;
  let data = null;
  try {
    data = await response.json();
  } catch (_) {
    data = null;
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

function formatDate(iso) {
  const d = new Date(iso);
  return isNaN(d) ? "" : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

// ---------------------------------------------------------------- start page

function pasteBlock(n) {
  return el("div", { class: "paste" },
    el("label", { for: `paste-title-${n}`, text: `Article ${n}: title (optional)` }),
    el("input", { type: "text", id: `paste-title-${n}`, class: "paste-title", autocomplete: "off" }),
    el("label", { for: `paste-text-${n}`, text: "Text" }),
    el("textarea", { id: `paste-text-${n}`, class: "paste-text", placeholder: "Paste the article text here" }),
  );
}

function renderHome(app) {
  const fileInput = el("input", {
    type: "file", id: "files", multiple: true,
    accept: ".txt,.text,.md,.html,.htm,.json,.jsonl,.gz",
  });
  const fileList = el("ul", { class: "filelist", "aria-live": "polite" });
  const drop = el("div", { class: "dropzone" },
    el("div", { text: "Drop article files here (text, HTML, JSON, JSONL), or choose them:" }),
    fileInput, fileList);
  let dropped = [];
  const showFiles = () => {
    fileList.replaceChildren(...selectedFiles().map((f) => el("li", { text: `${f.name} · ${Math.ceil(f.size / 1024)} KB` })));
  };
  const selectedFiles = () => [...fileInput.files, ...dropped];
  fileInput.addEventListener("change", showFiles);
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    dropped = dropped.concat([...e.dataTransfer.files]);
    showFiles();
  });

  const pastes = el("div", { id: "pastes" }, pasteBlock(1));
  const addPaste = el("button", {
    type: "button", class: "secondary", id: "add-paste", text: "Add another article",
    onclick: () => pastes.append(pasteBlock(pastes.children.length + 1)),
  });
  const words = el("input", { type: "number", id: "words", min: "10", max: "2000", value: "100" });
  const tokenRow = el("div", { id: "token-row", hidden: true },
    el("label", { for: "token", text: "API token (this server needs one for changes)" }),
    el("input", { type: "password", id: "token", autocomplete: "off" }));
  const status = el("p", { class: "status", role: "status", id: "status" });
  const submit = el("button", { type: "submit", id: "submit", text: "Make brief" });

  const form = el("form", { class: "card", id: "new-brief" },
    el("h1", { text: "New brief" }),
    el("p", { class: "muted", text: "Give several articles about the same event. newsweave picks the key sentences and cites every source, so each claim can be checked in its article." }),
    el("h2", { text: "Upload files" }), drop,
    el("h2", { text: "Or paste articles" }), pastes,
    el("div", { class: "row" }, addPaste),
    el("div", { class: "options" },
      el("div", {}, el("label", { for: "words", text: "Length (words)" }), words)),
    tokenRow,
    el("div", { class: "row" }, submit),
    status);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const tokenValue = document.getElementById("token").value.trim();
    if (tokenValue) sessionStorage.setItem(TOKEN_KEY, tokenValue);
    submit.disabled = true;
    status.className = "status";
    status.textContent = "Reading the articles…";
    try {
      const id = await createBrief(selectedFiles(), pastedArticles(pastes), Number(words.value) || 100, status);
      location.assign(`/clusters/${id}`);
    } catch (error) {
      status.className = "status error";
      status.textContent = error.message;
      if (error.status === 401) tokenRow.hidden = false;
      submit.disabled = false;
    }
  });

  app.replaceChildren(el("div", { class: "narrow" }, form, storedBriefs()));
}

function pastedArticles(container) {
  const out = [];
  for (const block of container.querySelectorAll(".paste")) {
    const text = block.querySelector(".paste-text").value;
    const title = block.querySelector(".paste-title").value.trim();
    if (text.trim()) out.push({ text, title });
  }
  return out;
}

async function createBrief(files, articles, words, status) {
  if (!files.length && !articles.length) {
    throw new Error("Add at least one file or pasted article.");
  }
  let ids = [];
  let rejected = [];
  if (files.length) {
    const form = new FormData();
    for (const file of files) form.append("file", file, file.name);
    status.textContent = `Uploading ${files.length} file${files.length === 1 ? "" : "s"}…`;
    const created = await api("POST", "/api/articles", form);
    ids = created.articles.map((a) => a.id);
    rejected = created.rejected;
  }
  status.textContent = "Writing the brief…";
  const cluster = await api("POST", "/api/clusters", { article_ids: ids, articles, words });
  if (rejected.length) sessionStorage.setItem(`rejected-${cluster.id}`, JSON.stringify(rejected));
  return cluster.id;
}

// The list of stored briefs, with a search box above it. The query is kept in the
// address (?q=) so that a search can be bookmarked and survives a reload; it goes to
// the API as a URL parameter and is shown only as text.
const SEARCH_MAX = 200; // the API's limit
const SEARCH_DELAY_MS = 250;

function storedBriefs() {
  const initial = (new URLSearchParams(location.search).get("q") || "").slice(0, SEARCH_MAX);
  const input = el("input", {
    type: "search", id: "search", name: "q", maxlength: String(SEARCH_MAX), value: initial,
    autocomplete: "off", spellcheck: "false", placeholder: "Words to look for",
  });
  const results = el("div", { id: "stored-results", "aria-live": "polite" }, el("p", { class: "muted", text: "Loading…" }));
  const search = el("form", { class: "search", role: "search", id: "search-form" },
    el("label", { for: "search", text: "Search stored briefs" }),
    el("div", { class: "search-row" }, input, el("button", { type: "submit", class: "secondary", text: "Search" })));

  let latest = 0; // only the answer to the newest request is shown
  let timer = null;
  const run = async () => {
    clearTimeout(timer);
    const query = input.value;
    const request = ++latest;
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    try {
      const params = new URLSearchParams({ limit: "100" });
      if (query.trim()) params.set("q", query);
      const data = await api("GET", `/api/clusters?${params}`);
      if (request === latest) showClusterList(results, data, query.trim());
    } catch (error) {
      if (request === latest) results.replaceChildren(el("p", { class: "status error", text: error.message }));
    }
  };
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, SEARCH_DELAY_MS); });
  search.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  run();
  return el("section", { class: "card", id: "stored" }, el("h2", { text: "Stored briefs" }), search, results);
}

function showClusterList(results, data, query) {
  if (!data.clusters.length) {
    results.replaceChildren(el("p", { class: "muted", id: "stored-empty",
      text: query ? `No stored brief matches “${query}”.` : "No briefs yet." }));
    return;
  }
  const shown = data.clusters.length;
  const count = query
    ? el("p", { class: "muted", id: "stored-count",
      text: `${data.total} brief${data.total === 1 ? " matches" : "s match"} “${query}”` + (data.total > shown ? `; the newest ${shown} shown.` : ".") })
    : null;
  results.replaceChildren(...[count, el("ul", { class: "clusters" },
    data.clusters.map((c) => el("li", {},
      el("a", { href: c.links.page, text: c.title || `Cluster ${c.id}` }),
      el("span", { class: "muted", text: `${c.article_count} article${c.article_count === 1 ? "" : "s"} · ${formatDate(c.created)}` }))))].filter(Boolean));
}

// ---------------------------------------------------------------- cluster page

function sentenceSpans(text) {
  // Rough sentence spans, only to point at the closest sentence in a supporting article.
  const spans = [];
  const re = /[^.!?\n]+(?:[.!?]+["'”’)\]]*|\n|$)/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m[0].trim()) spans.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return spans;
}

function wordSet(text) {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) || []));
}

function closestSpan(articleText, target) {
  const want = wordSet(target);
  let best = null;
  let bestScore = 0;
  for (const span of sentenceSpans(articleText)) {
    const words = wordSet(articleText.slice(span.start, span.end));
    let shared = 0;
    for (const w of words) if (want.has(w)) shared++;
    const score = shared / Math.sqrt((words.size || 1) * (want.size || 1));
    if (score > bestScore) { bestScore = score; best = span; }
  }
  return bestScore > 0.15 ? best : null;
}

function findSpan(article, target) {
  // An exact place if the text occurs as is, else the most similar sentence.
  if (!target) return null;
  const at = article.text.indexOf(target);
  if (at >= 0) return { start: at, end: at + target.length, exact: true };
  const span = closestSpan(article.text, target);
  return span ? { ...span, exact: false } : null;
}

function renderCluster(app, id) {
  app.replaceChildren(el("p", { class: "muted", text: "Loading…" }));
  api("GET", `/api/clusters/${id}`).then(
    (cluster) => showCluster(app, cluster),
    (error) => app.replaceChildren(el("div", { class: "card narrow" },
      el("h1", { text: error.status === 404 ? "No such brief" : "Could not load the brief" }),
      el("p", { class: "status error", text: error.message }),
      el("p", {}, el("a", { href: "/", text: "Back to the start page" })))),
  );
}

function showCluster(app, cluster) {
  const brief = cluster.brief;
  const articles = new Map(brief.articles.map((a) => [a.id, a]));
  const numbers = new Map(brief.sources.map((s) => [s.article_id, s.number]));
  const panel = el("aside", { class: "panel", id: "article-panel", hidden: true, tabindex: "-1", "aria-label": "Source article" });
  const layout = el("div", { class: "layout" });
  let activeMarker = null;

  function openArticle(articleId, span, marker, note) {
    const article = articles.get(articleId);
    if (!article) return;
    if (activeMarker) activeMarker.classList.remove("active");
    activeMarker = marker || null;
    if (activeMarker) activeMarker.classList.add("active");
    const number = numbers.get(articleId);
    const body = el("div", { class: "article-text", id: "article-text" });
    let mark = null;
    if (span && span.end > span.start) {
      mark = el("mark", { id: "cited", text: article.text.slice(span.start, span.end) });
      body.append(article.text.slice(0, span.start), mark, article.text.slice(span.end));
    } else {
      body.textContent = article.text;
    }
    const meta = [article.source, article.published, article.byline && `by ${article.byline}`].filter(Boolean).join(" · ");
    const url = safeHref(article.url);
    panel.replaceChildren(...[
      el("header", {},
        el("div", {},
          el("p", { class: "muted", text: `Source [${number}]` }),
          el("h2", { text: article.title || article.origin || "Article" })),
        el("button", { type: "button", class: "secondary close", text: "Close", "aria-label": "Close the article", onclick: closePanel })),
      meta ? el("p", { class: "meta", text: meta }) : null,
      url ? el("p", { class: "origin" }, el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: url })) : null,
      note ? el("p", { class: "hint", text: note }) : null,
      body].filter(Boolean));
    panel.hidden = false;
    layout.classList.add("with-panel");
    panel.focus({ preventScroll: true }); // keyboard and screen-reader users land in the article
    if (mark) mark.scrollIntoView({ block: "center", behavior: "instant" });
    else panel.scrollTop = 0;
  }

  function closePanel() {
    panel.hidden = true;
    layout.classList.remove("with-panel");
    if (activeMarker) { activeMarker.classList.remove("active"); activeMarker.focus(); }
    activeMarker = null;
  }

  function marker(articleId, locate, label) {
    const number = numbers.get(articleId);
    if (number === undefined) return null;
    const link = el("a", {
      class: "marker", href: `#source-${number}`, text: `[${number}]`,
      "aria-label": `${label || "Source"} ${number}: open the article`,
      "data-article": articleId,
    });
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const found = locate(articles.get(articleId));
      openArticle(articleId, found, link, found && found.note);
    });
    return link;
  }

  function markers(ids, locate) {
    const unique = [...new Set(ids)].filter((a) => numbers.has(a));
    unique.sort((a, b) => numbers.get(a) - numbers.get(b));
    return unique.map((a) => marker(a, locate));
  }

  // Summary: the cited span is exact in the sentence's own article, and in every other
  // article that reports the same fact its matching sentence is recorded in the brief
  // (support_spans); briefs stored before that point at the most similar sentence.
  const summary = el("div", { class: "summary", id: "summary" },
    brief.summary.map((s, i) => {
      const support = s.support && s.support.length ? s.support : [s.article_id];
      const spans = s.support_spans || [];
      const locate = (article) => {
        if (article.id === s.article_id) return { start: s.start, end: s.end };
        const at = support.indexOf(article.id);
        if (at >= 0 && spans[at]) {
          return { start: spans[at][0], end: spans[at][1], exact: true,
            note: "The sentence of this article that reports the same fact." };
        }
        const found = findSpan(article, s.text);
        if (found) found.note = "The closest sentence in this article to the summary sentence.";
        return found;
      };
      return el("p", { class: "sentence", "data-index": i },
        s.text, " ",
        el("span", { class: "refs" }, markers(support, locate),
          s.independent_sources <= 1 && brief.sources.length > 1 ? el("span", { class: "badge", text: "single source" }) : null));
    }));

  const sources = el("ol", { class: "sources", id: "sources" },
    brief.sources.map((src) => {
      const url = safeHref(src.url);
      const meta = [src.source, src.published, url ? null : src.origin].filter(Boolean).join(" · ");
      return el("li", { id: `source-${src.number}` },
        el("a", { href: `#source-${src.number}`, class: "linkish", text: src.title || src.origin || `Source ${src.number}`,
          onclick: (event) => { event.preventDefault(); openArticle(src.article_id, null, null); } }),
        el("div", { class: "origin" }, meta,
          url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: (meta ? " · " : "") + url }) : null));
    }));

  const byline = `${brief.sources.length} article${brief.sources.length === 1 ? "" : "s"}` +
    (brief.summarizer ? ` · summarizer ${brief.summarizer}` : "") +
    (brief.budget_words ? ` · ${brief.budget_words} words` : "") + ` · ${formatDate(cluster.created)}`;

  const actions = el("div", { class: "actions" },
    el("a", { class: "button secondary", href: `${cluster.links.brief_markdown}&download=true`, download: `brief-${cluster.id}.md`, text: "Download Markdown" }),
    el("a", { class: "button secondary", href: `${cluster.links.brief_json}&download=true`, download: `brief-${cluster.id}.json`, text: "Download JSON" }),
    el("button", { type: "button", class: "danger", id: "delete", text: "Delete", onclick: async () => {
      if (!confirm("Delete this brief?")) return;
      try {
        await api("DELETE", `/api/clusters/${cluster.id}`);
        location.assign("/");
      } catch (error) {
        alertBox.replaceChildren(el("p", { class: "status error", text: error.message }));
      }
    } }));
  const alertBox = el("div", {});

  const notes = [];
  const rejected = cluster.rejected.concat(JSON.parse(sessionStorage.getItem(`rejected-${cluster.id}`) || "[]"));
  if (rejected.length) {
    notes.push(el("div", { class: "notice" }, el("strong", { text: "Some inputs were skipped:" }),
      el("ul", {}, rejected.map((p) => el("li", { text: `${p.where}: ${p.reason}` })))));
  }
  if (brief.warnings && brief.warnings.length) {
    notes.push(el("div", { class: "notice" }, el("ul", {}, brief.warnings.map((w) => el("li", { text: w })))));
  }

  const main = el("article", { class: "card", id: "brief" },
    el("h1", { text: cluster.title }),
    el("p", { class: "meta", text: byline }),
    actions, alertBox, notes, summary,
    analysisSections(brief, markers),
    el("h2", { text: "Sources" }), sources);

  layout.replaceChildren(main, panel);
  app.replaceChildren(layout);
  document.title = `${cluster.title} · newsweave`;
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !panel.hidden) closePanel(); });
}

// The brief's JSON carries the timeline's data (date, precision, reference, origin), not
// its display labels, so they are worded here as render/_common.py words them.
// A date known only to the month ("Dec. 2015") is shown as such, not as its first day.
function timelineDate(entry) {
  return entry.precision === "month" ? String(entry.date).slice(0, 7) : entry.date;
}

// Where an assumed date came from: "date assumed: 2016-12-07, from article 2's publication
// date", said once per article (at its first entry); its later entries are only marked.
function assumedNotes(entries) {
  const told = new Set();
  return entries.map((entry) => {
    if (!entry.assumed_reference) return "";
    const article = entry.article_id || (entry.sources || [])[0] || "";
    if (told.has(article)) return "date assumed";
    told.add(article);
    if (!entry.reference) return "date assumed";
    return `date assumed: ${entry.reference}` + (entry.reference_origin ? `, from ${entry.reference_origin}` : "");
  });
}

function analysisSections(brief, markers) {
  const out = [];
  const byText = (text) => (article) => findSpan(article, text);

  if (brief.quotes && brief.quotes.length) {
    out.push(el("section", { id: "quotes" }, el("h2", { text: "Quotes" }),
      brief.quotes.map((q) => el("div", { class: "quote" },
        el("blockquote", { text: `“${q.text}”` }),
        el("div", { class: "who" },
          q.speaker ? `— ${q.speaker}${q.role ? ", " + q.role : ""} ` : "— unattributed ",
          markers(q.sources || [], byText(q.text)))))));
  }
  if (brief.disagreements && brief.disagreements.length) {
    out.push(el("section", { id: "disagreements" }, el("h2", { text: "Where sources disagree" }),
      el("ul", { class: "claims" }, brief.disagreements.map((c) => el("li", {},
        el("strong", { text: c.subject }),
        el("ul", {}, (c.values || []).map((v) => el("li", {},
          v.text || `${v.value} ${v.unit}`, " ",
          markers(v.sources && v.sources.length ? v.sources : [v.article_id], byText(v.sentence || v.text))))))))));
  }
  if (brief.timeline && brief.timeline.length) {
    const notes = assumedNotes(brief.timeline);
    out.push(el("section", { id: "timeline" }, el("h2", { text: "Timeline" }),
      el("dl", { class: "timeline" }, brief.timeline.flatMap((t, i) => [
        el("dt", { text: timelineDate(t) }),
        el("dd", {}, t.text, notes[i] ? el("span", { class: "badge", text: notes[i] }) : null, " ",
          markers(t.sources || [], byText(t.text)))]))));
  }
  if (brief.people && brief.people.length) {
    out.push(el("section", { id: "people" }, el("h2", { text: "People and organisations" }),
      el("ul", { class: "people" }, brief.people.map((p) => el("li", {},
        el("strong", { text: p.name }),
        p.roles && p.roles.length ? `, ${p.roles.join(", ")}` : "",
        el("span", { class: "muted", text: ` · ${p.kind}${p.mentions ? ` · in ${p.mentions} article${p.mentions === 1 ? "" : "s"}` : ""}` }))))));
  }
  return out;
}

// ---------------------------------------------------------------- routing

function route() {
  const app = document.getElementById("app");
  const match = location.pathname.match(/^\/clusters\/(\d+)\/?$/);
  if (match) renderCluster(app, match[1]);
  else renderHome(app);
  if (!match && location.hash === "#stored") {
    setTimeout(() => document.getElementById("stored")?.scrollIntoView(), 0);
  }
}

document.addEventListener("DOMContentLoaded", route);
