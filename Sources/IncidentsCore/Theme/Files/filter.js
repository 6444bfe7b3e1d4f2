(function () {
  "use strict";
  var form = document.getElementById("filter");
  var list = document.getElementById("incident-list");
  if (!form || !list || !window.fetch || !window.URLSearchParams) { return; }
  var root = form.getAttribute("data-root") || "./";
  var paged = document.querySelectorAll(".pagination, #incident-list");
  var results = document.getElementById("filter-results");
  var status = document.getElementById("filter-count");
  var data = null;
  // The page's words, from filter-index.json (in the page's language), else English.
  function text(key, fallback) { return (data && data.strings && data.strings[key]) || fallback; }

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function select(name, label, options) {
    var wrapper = element("div", { "class": "filter-field" });
    var id = "filter-field-" + name;
    wrapper.appendChild(element("label", { "for": id }, label));
    var control = element("select", { id: id, name: name });
    control.appendChild(element("option", { value: "" }, text("any", "Any")));
    options.forEach(function (option) { control.appendChild(element("option", { value: option[0] }, option[1])); });
    wrapper.appendChild(control);
    return wrapper;
  }

  function build() {
    var fields = element("div", { "class": "filter-fields" });
    var search = element("div", { "class": "filter-field filter-search" });
    search.appendChild(element("label", { "for": "filter-field-q" }, text("search", "Search titles and summaries")));
    search.appendChild(element("input", { id: "filter-field-q", name: "q", type: "search", autocomplete: "off" }));
    fields.appendChild(search);
    fields.appendChild(select("severity", text("severity", "Severity"), data.severities));
    data.facets.forEach(function (facet) { fields.appendChild(select(facet.key, facet.label, facet.values)); });
    fields.appendChild(select("tag", text("tag", "Tag"), data.tags));
    var years = {};
    data.incidents.forEach(function (incident) { years[incident[4]] = true; });
    fields.appendChild(select("year", text("year", "Year"), Object.keys(years).sort().reverse().map(function (year) { return [year, year]; })));
    var clear = element("button", { type: "reset" }, text("clear", "Clear"));
    fields.appendChild(clear);
    form.appendChild(fields);
    form.hidden = false;
  }

  function state() {
    var params = new URLSearchParams(location.search);
    var wanted = {};
    ["q", "severity", "tag", "year"].concat(data.facets.map(function (facet) { return facet.key; })).forEach(function (key) {
      var value = params.get(key);
      if (value) { wanted[key] = value; }
    });
    return wanted;
  }

  function show(wanted) {
    Array.prototype.forEach.call(form.elements, function (control) {
      if (control.name) { control.value = wanted[control.name] || ""; }
    });
    var active = Object.keys(wanted).length > 0;
    Array.prototype.forEach.call(paged, function (node) { node.hidden = active; });
    results.hidden = !active;
    while (results.firstChild) { results.removeChild(results.firstChild); }
    if (!active) { status.textContent = ""; return; }
    var words = (wanted.q || "").toLowerCase().split(/\s+/).filter(Boolean);
    var tag = wanted.tag ? data.tags.findIndex(function (pair) { return pair[0] === wanted.tag; }) : -1;
    var facetWanted = data.facets.map(function (facet) {
      var slug = wanted[facet.key];
      return slug ? facet.values.findIndex(function (pair) { return pair[0] === slug; }) : null;
    });
    var found = data.incidents.filter(function (incident) {
      if (wanted.severity && incident[3] !== wanted.severity) { return false; }
      if (wanted.year && String(incident[4]) !== wanted.year) { return false; }
      if (wanted.tag && incident[7].indexOf(tag) < 0) { return false; }
      for (var i = 0; i < facetWanted.length; i++) {
        if (facetWanted[i] !== null && incident[8][i] !== facetWanted[i]) { return false; }
      }
      var text = (incident[1] + " " + (incident[2] || "")).toLowerCase();
      return words.every(function (word) { return text.indexOf(word) >= 0; });
    });
    var forms = (data.strings && data.strings.matches) || { one: "{count} incident matches.", other: "{count} incidents match." };
    var category = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || "en").select(found.length) : (found.length === 1 ? "one" : "other");
    var count = window.Intl ? found.length.toLocaleString(document.documentElement.lang || "en") : String(found.length);
    status.textContent = (forms[category] || forms.other).replace("{count}", count);
    var labels = {};
    data.severities.forEach(function (pair) { labels[pair[0]] = pair[1]; });
    found.slice(0, 500).forEach(function (incident) {
      var item = element("li", { "class": "card" });
      var title = element("h2", { "class": "card-title" });
      title.appendChild(element("a", { href: root + incident[0] }, incident[1]));
      item.appendChild(title);
      var meta = element("p", { "class": "card-meta" });
      var badge = element("span", { "class": "badge severity-" + incident[3] });
      badge.appendChild(element("span", { "class": "visually-hidden" }, text("severity_prefix", "Severity: ")));
      badge.appendChild(document.createTextNode(labels[incident[3]]));
      meta.appendChild(badge);
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(element("time", { datetime: incident[5] }, incident[6]));
      item.appendChild(meta);
      if (incident[2]) { item.appendChild(element("p", { "class": "card-summary" }, incident[2])); }
      results.appendChild(item);
    });
    if (found.length > 500) { status.textContent += " The first 500 are shown; narrow the filter to see the rest."; }
  }

  function apply(push) {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (control) {
      if (control.name && control.value.trim()) { params.set(control.name, control.value.trim()); }
    });
    var query = params.toString();
    var address = location.pathname + (query ? "?" + query : "");
    if (push) { history.pushState(null, "", address); } else { history.replaceState(null, "", address); }
    show(state());
  }

  fetch(root + "filter-index.json").then(function (response) { return response.json(); }).then(function (loaded) {
    data = loaded;
    build();
    show(state());
    form.addEventListener("change", function (event) { if (event.target.name !== "q") { apply(true); } });
    form.addEventListener("input", function (event) { if (event.target.name === "q") { apply(false); } });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    window.addEventListener("popstate", function () { show(state()); });
  });
})();
