#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus of N incidents.

    generate_corpus.py N OUT_DIR [--hugo HUGO_DIR]

OUT_DIR becomes an `incidents` site (site.yml, content/incidents/NNNN/*.md).
With --hugo, the same Markdown files are also written into an equivalent Hugo
site (benchmarks/hugo-site/ provides its config and layouts).

Realistic on purpose: front matter with every key, partial dates, 5-8 tags per
incident drawn from a Zipf distribution over ~300 tags (with non-ASCII names and
spelling variants that merge, e.g. AI_safety / ai-safety), and 3-8 KB GFM bodies
with headings, tables, lists, task lists, links, emphasis and footnotes.
"""
import os
import random
import shutil
import sys

SEED = 20261124
WORDS = ("model system data training output users review failure incident automated decision "
         "deployment vendor audit customer error bias accuracy report regulator safety policy "
         "algorithm prediction classifier chatbot response evidence court agency investigation "
         "harm risk mitigation monitoring oversight transparency accountability escalation "
         "threshold dataset benchmark latency rollback incident-response remediation").split()
SEVERITIES = ["critical", "high", "medium", "low"]
CATEGORIES = ["Misinformation", "Privacy", "Bias and Discrimination", "Safety Failure", "Security", "Fraud", "Reliability"]
INDUSTRIES = ["Aviation", "Healthcare", "Finance", "Government", "Transportation", "Retail", "Education", "Technology", "Legal"]
JURISDICTIONS = ["United States", "Canada", "European Union", "United Kingdom", "Australia", "Japan", "Brazil", "International"]
STATUSES = ["ongoing", "resolved", "monitoring"]
BASE_TAGS = [
    "chatbot", "liability", "privacy", "facial_recognition", "hiring", "autonomous_vehicles", "deepfake",
    "hallucination", "credit_scoring", "healthcare", "misinformation", "surveillance", "content_moderation",
    "recommendation", "fraud", "copyright", "children", "elections", "policing", "insurance",
    "données_personnelles", "sécurité", "Zürich", "São_Paulo", "東京", "Ελλάδα", "müller_case", "ñandú",
]


def tag_vocabulary(rng):
    tags = list(BASE_TAGS)
    while len(tags) < 300:
        tags.append("%s_%s" % (rng.choice(WORDS), rng.choice(WORDS)))
    # Spelling variants that merge into one tag slug.
    variants = {"AI_safety": "ai-safety", "Child Safety": "child-safety", "GPT-4": "gpt 4"}
    return tags, variants


def zipf_choice(rng, items, weights_cache={}):
    key = id(items)
    if key not in weights_cache:
        weights = [1.0 / (rank + 1) for rank in range(len(items))]
        total = sum(weights)
        cumulative, running = [], 0.0
        for weight in weights:
            running += weight / total
            cumulative.append(running)
        weights_cache[key] = cumulative
    cumulative = weights_cache[key]
    point = rng.random()
    low, high = 0, len(cumulative) - 1
    while low < high:
        middle = (low + high) // 2
        if cumulative[middle] < point:
            low = middle + 1
        else:
            high = middle
    return items[low]


def sentence(rng, words=None):
    count = words or rng.randint(8, 20)
    text = " ".join(rng.choice(WORDS) for _ in range(count))
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def date(rng, precision=None):
    year = rng.randint(2012, 2025)
    precision = precision or rng.choice(["day", "day", "day", "month", "year"])
    if precision == "year":
        return "%04d" % year
    month = rng.randint(1, 12)
    if precision == "month":
        return "%04d-%02d" % (year, month)
    return "%04d-%02d-%02d" % (year, month, rng.randint(1, 28))


def body(rng, number, total):
    target = rng.randint(1800, 5400)
    parts = []
    sections = ["Full Description", "Root Cause", "Mitigation Analysis", "Timeline", "Lessons Learned"]
    index = 0
    while sum(len(p) for p in parts) < target:
        parts.append("## %s\n" % sections[index % len(sections)])
        kind = index % 4
        parts.append(paragraph(rng) + " See *%s* and **%s**.\n\n" % (rng.choice(WORDS), rng.choice(WORDS)))
        if kind == 0:
            parts.append("| Date | Event | Impact |\n|:-----|:-----:|------:|\n" + "".join(
                "| %s | %s | %d |\n" % (date(rng, "day"), sentence(rng, 4), rng.randint(1, 1000)) for _ in range(rng.randint(3, 6))))
        elif kind == 1:
            parts.append("".join("- %s\n" % sentence(rng, 8) for _ in range(rng.randint(3, 6))))
            parts.append("".join("- [%s] %s\n" % (rng.choice("x "), sentence(rng, 6)) for _ in range(3)))
        elif kind == 2:
            other = rng.randint(1, total)
            parts.append("Compare [incident %d](../incident-%06d/) and the [report](https://example.org/reports/%d). "
                         "Claims were disputed.[^%d]\n\n[^%d]: %s\n" % (other, other, number, index, index, sentence(rng)))
        else:
            parts.append("1. %s\n2. %s\n3. ~~%s~~ %s\n\n> %s\n" % (sentence(rng), sentence(rng), sentence(rng, 3), sentence(rng), sentence(rng)))
        parts.append("\n" + paragraph(rng) + "\n\n")
        index += 1
    return "".join(parts)


def incident(rng, number, total, tags, variants):
    chosen = []
    while len(chosen) < rng.randint(5, 8):
        tag = zipf_choice(rng, tags)
        if tag not in chosen:
            chosen.append(tag)
    if rng.random() < 0.1:
        chosen.append(rng.choice(list(variants)))
    if rng.random() < 0.1:
        chosen.append(rng.choice(list(variants.values())))
    quote = lambda text: '"%s"' % text.replace('"', '\\"')
    lines = [
        "---",
        "title: %s" % quote("Incident %d: %s" % (number, sentence(rng, 6)[:-1])),
        "severity: %s" % rng.choice(SEVERITIES),
        "summary: %s" % quote(sentence(rng, 30)),
        "date_occurred: %s" % date(rng),
        "date_reported: %s" % date(rng, "day"),
        "status: %s" % rng.choice(STATUSES),
        "category: %s" % rng.choice(CATEGORIES),
        "industry: %s" % rng.choice(INDUSTRIES),
        "jurisdiction: %s" % rng.choice(JURISDICTIONS),
        "ai_provider: Other/Unknown",
        "application_type: %s" % rng.choice(["chatbot", "classifier", "vision", "recommender", "other"]),
        "harm_type: %s" % rng.choice(["financial", "physical", "legal", "reputational", "psychological"]),
        "human_review: %s" % rng.choice(["yes", "no"]),
        "litigation_filed: %s" % rng.choice(["true", "false"]),
        "tags: [%s]" % ", ".join(quote(tag) for tag in chosen),
    ]
    lines += database_keys(number)
    lines.append("sources:")
    for source in range(rng.randint(1, 3)):
        lines += [
            "  - title: %s" % quote(sentence(rng, 7)),
            "    publisher: %s" % rng.choice(["Example News", "The Daily Record", "Agency Bulletin", "Court Records"]),
            "    date: %s" % date(rng, "day"),
            "    type: %s" % rng.choice(["news", "report", "court_filing"]),
            "    url: https://example.org/sources/%d/%d" % (number, source),
        ]
    lines.append("---")
    return "\n".join(lines) + "\n" + body(rng, number, total)


ORGANISATIONS = ["%s %s" % (a, b) for a in ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne",
                                             "Tyrell", "Cyberdyne", "Soylent", "Aperture", "Massive", "Oscorp", "Wonka",
                                             "Monarch", "Gringotts", "Nakatomi", "Dunder", "Pied"]
                 for b in ["Labs", "Bank", "Airlines", "Health", "Motors", "Insurance", "Retail", "Media", "Systems", "Council"]]


def database_keys(number):
    """The database records' keys (ids, entities, timelines, outage times), from a
    random stream of their own, so the rest of the corpus stays as it was."""
    rng = random.Random(SEED * 1000003 + number)
    org = lambda: rng.choice(ORGANISATIONS[:20]) if rng.random() < 0.5 else rng.choice(ORGANISATIONS)
    lines = ["id: %d" % number]
    lines.append("deployers: [%s]" % org())
    lines.append("developers: [%s]" % ", ".join(sorted({org() for _ in range(rng.randint(1, 2))})))
    if rng.random() < 0.5:
        lines.append("harmed_parties: [%s]" % org())
    if rng.random() < 0.3:
        day, hour = rng.randint(1, 28), rng.randint(0, 20)
        lines.append("started: 2024-03-%02dT%02d:%02d:00Z" % (day, hour, rng.randint(0, 59)))
        lines.append("resolved: 2024-03-%02dT%02d:%02d:00Z" % (day, hour + rng.randint(1, 3), rng.randint(0, 59)))
        lines.append("timeline:")
        for step, status in enumerate(["investigating", "identified", "monitoring", "resolved"][:rng.randint(2, 4)]):
            lines += ["  - date: 2024-03-%02dT%02d:%02d:00Z" % (day, hour + step, rng.randint(0, 59)),
                      "    text: Update %d on the *%s* issue" % (step + 1, status),
                      "    status: %s" % status]
    return lines


FRENCH_WORDS = ["le", "système", "modèle", "décision", "données", "erreur", "client", "tribunal", "rapport", "risque",
                "algorithme", "contrôle", "personne", "service", "sécurité", "public", "enquête", "plainte", "réponse", "agent"]


def translation(number, total):
    """A French translation of incident `number` (title, summary, tags, body; every
    other key taken from the source), from a random stream of its own."""
    rng = random.Random(SEED * 7919 + number)
    words = lambda n: " ".join(rng.choice(FRENCH_WORDS) for _ in range(n))
    lines = [
        "---",
        'title: "Incident %d : %s"' % (number, words(6)),
        'summary: "%s."' % words(30).capitalize(),
        "tags: [%s]" % ", ".join(sorted({rng.choice(FRENCH_WORDS) for _ in range(rng.randint(3, 6))})),
        "---",
    ]
    paragraphs = ["## %s\n\n%s." % (words(2).capitalize(), words(rng.randint(60, 120)).capitalize()) for _ in range(rng.randint(3, 5))]
    return "\n".join(lines) + "\n" + "\n\n".join(paragraphs) + "\n"


def main():
    count = int(sys.argv[1])
    out = sys.argv[2]
    hugo = sys.argv[sys.argv.index("--hugo") + 1] if "--hugo" in sys.argv else None
    # --translated F: a French translation for that fraction of the incidents.
    translated = float(sys.argv[sys.argv.index("--translated") + 1]) if "--translated" in sys.argv else 0.0
    rng = random.Random(SEED)
    tags, variants = tag_vocabulary(rng)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, "site.yml"), "w") as config:
        config.write("title: Benchmark incidents\nper_page: 50\n" + ("languages: [en, fr]\n" if translated else ""))
    if hugo:
        if os.path.exists(hugo):
            shutil.rmtree(hugo)
        shutil.copytree(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hugo-site"), hugo)
        if translated:
            # Hugo's own multilingual mode: x.fr.md is the French translation of x.md.
            with open(os.path.join(hugo, "config.toml"), "a") as config:
                config.write('\ndefaultContentLanguage = "en"\n[languages]\n  [languages.en]\n    weight = 1\n  [languages.fr]\n    weight = 2\n')
    markdown_bytes = 0
    translations = 0
    for number in range(1, count + 1):
        text = incident(rng, number, count, tags, variants)
        data = text.encode("utf-8")
        markdown_bytes += len(data)
        folder = "%04d" % (number // 1000)
        name = "incident-%06d.md" % number
        for root in [out] + ([hugo] if hugo else []):
            directory = os.path.join(root, "content", "incidents", folder)
            os.makedirs(directory, exist_ok=True)
            with open(os.path.join(directory, name), "wb") as handle:
                handle.write(data)
        if translated and random.Random(SEED * 31 + number).random() < translated:
            french = translation(number, count).encode("utf-8")
            markdown_bytes += len(french)
            translations += 1
            for root in [out] + ([hugo] if hugo else []):
                with open(os.path.join(root, "content", "incidents", folder, name[:-3] + ".fr.md"), "wb") as handle:
                    handle.write(french)
    print("%d incidents, %d translated, %.1f MB of Markdown" % (count, translations, markdown_bytes / 1e6))


if __name__ == "__main__":
    main()
