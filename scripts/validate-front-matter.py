#!/usr/bin/env python3
"""Validates incident files' front matter against the JSON Schema, as an editor does.

Usage: python3 scripts/validate-front-matter.py SCHEMA FILE.md...
Prints one line per problem (file: key path: message) and exits 1 if there is any.

YAML is read the way editors' YAML 1.2 language servers read it: 2024-02-15 and
yes/no stay text, true/false are booleans, 2022 is a number.
Needs PyYAML and jsonschema (scripts/install-dependencies.sh installs them).
"""
import json
import re
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    pass


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def front_matter(path):
    with open(path, encoding="utf-8-sig") as handle:
        text = handle.read().replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.find("\n---", 4)
    if end < 0:
        raise ValueError("front matter is never closed")
    return yaml.load(text[4:end], Loader=Yaml12Loader)


def main():
    schema_path, files = sys.argv[1], sys.argv[2:]
    with open(schema_path, encoding="utf-8") as handle:
        validator = jsonschema.Draft202012Validator(json.load(handle))
    problems = 0
    for path in files:
        try:
            document = front_matter(path)
        except (ValueError, yaml.YAMLError) as error:
            print(f"{path}: {error}")
            problems += 1
            continue
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            where = ".".join(str(part) for part in error.absolute_path) or "(front matter)"
            print(f"{path}: {where}: {error.message}")
            problems += 1
    print(f"{len(files)} files, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
