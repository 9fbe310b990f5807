#!/usr/bin/env python3
"""Checks that the installed headers (include/clearpath/*.hpp) keep the library's dependencies
private, so a program built against the installed library needs nothing but a C++20 compiler:
no header includes anything but the standard library and other public headers (no nlohmann,
Boost, Graphviz, libcsv or RE2, no src/ header) or names one of their types; and the umbrella header
clearpath/clearpath.hpp includes every public header. With --umbrella, only the second check.
Prints each problem as FILE:LINE and exits 1 if there is any."""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
# Types of the private dependencies that must not leak through a signature or a member.
FOREIGN = re.compile(r"\b(nlohmann::|boost::|re2::|csv_parser\b|(Agraph|Agnode|Agedge|Agsym|GVC|GVJ)_t\b)")
UMBRELLA = "clearpath.hpp"


def is_standard(name):
    # <vector>, <string_view>, <cstdint>: no directory and no extension
    return "/" not in name and "." not in name


def hygiene_problems(root, header, public):
    problems = []
    rel = header.relative_to(root)
    for n, line in enumerate(header.read_text(encoding="utf-8").splitlines(), 1):
        m = INCLUDE.match(line)
        if m:
            bracket, name = m.groups()
            if bracket == "<" and is_standard(name):
                continue
            if bracket == '"' and name.startswith("clearpath/") and name[len("clearpath/"):] in public:
                continue
            problems.append(f"{rel}:{n}: includes {bracket}{name}{'>' if bracket == '<' else bracket}, "
                            "neither the standard library nor a public header")
        code = line.split("//", 1)[0]
        f = FOREIGN.search(code)
        if f:
            problems.append(f"{rel}:{n}: names {f.group(1)}, a type of a private dependency")
    return problems


def umbrella_problems(root, public):
    umbrella = root / "include" / "clearpath" / UMBRELLA
    if not umbrella.exists():
        return [f"{umbrella.relative_to(root)}: missing"]
    included = set()
    for line in umbrella.read_text(encoding="utf-8").splitlines():
        m = INCLUDE.match(line)
        if m and m.group(2).startswith("clearpath/"):
            included.add(m.group(2)[len("clearpath/"):])
    rel = umbrella.relative_to(root)
    return [f"{rel}: does not include clearpath/{h}" for h in sorted(public - included - {UMBRELLA})]


def main(args):
    umbrella_only = "--umbrella" in args
    args = [a for a in args if a != "--umbrella"]
    root = pathlib.Path(args[0] if args else pathlib.Path(__file__).resolve().parent.parent)
    headers = sorted((root / "include" / "clearpath").glob("*.hpp"))
    public = {h.name for h in headers}
    problems = umbrella_problems(root, public)
    if not umbrella_only:
        for h in headers:
            problems += hygiene_problems(root, h, public)
    for p in problems:
        print(p)
    print(f"check_public_headers: {len(headers)} headers, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
