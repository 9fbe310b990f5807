#!/usr/bin/env python3
"""Checks that no include in src/ runs upward through the library's layers
(docs/architecture.md): util -> model -> io -> synthetic -> analysis -> render -> report -> cli.
A public header (include/clearpath/X.hpp) belongs to the layer that implements it.
The synthetic generator is tooling beside io: it may use model and io, and only cli and the
tests use it. Prints each violation as FILE:LINE and exits 1 if there is any."""
import pathlib
import re
import sys

LAYERS = ["util", "model", "io", "synthetic", "analysis", "render", "report", "cli"]
PUBLIC = {
    "version": "util", "error": "util", "progress": "util", "entities": "model", "model": "model", "diagnostic": "model",
    "finding": "model", "stats": "model", "attributes": "model", "model_builder": "model",
    "load_result": "model",
    "load": "io", "save": "io", "schema": "io", "psplib": "io", "hr_import": "io",
    "export": "io", "mspdi": "io",
    "schedule": "analysis", "calendar": "analysis", "path_analysis": "analysis",
    "approval_rules": "analysis", "copilots": "analysis", "conflicts": "analysis",
    "levelling": "analysis", "analyze": "analysis", "diff": "analysis", "psplib_levelling": "analysis",
    "diagram": "render", "render": "render",
    "clearpath": "render",  # the umbrella header: every public header, the highest layer render
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of_include(name):
    parts = name.split("/")
    if parts[0] == "clearpath":
        return PUBLIC.get(pathlib.Path(parts[-1]).stem, "model" if parts[-1] == "clearpath.hpp" else None)
    return parts[0] if parts[0] in LAYERS else None


def main(root):
    root = pathlib.Path(root)
    problems = []
    files = sorted(root.glob("src/**/*.[ch]pp")) + sorted(root.glob("include/clearpath/*.hpp"))
    for f in files:
        rel = f.relative_to(root)
        own = rel.parts[1] if rel.parts[0] == "src" else PUBLIC.get(f.stem)
        if own not in LAYERS:
            if rel.parts[0] == "src" and len(rel.parts) == 2:
                continue  # src/version.cpp.in and the like
            problems.append(f"{rel}: not in a known layer")
            continue
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = layer_of_include(m.group(1))
            if target is None:
                problems.append(f"{rel}:{n}: unknown include \"{m.group(1)}\"")
            elif LAYERS.index(target) > LAYERS.index(own) or (target == "synthetic" and own != "synthetic" and own != "cli"):
                problems.append(f"{rel}:{n}: {own} includes \"{m.group(1)}\" of layer {target}")
    for p in problems:
        print(p)
    print(f"check_layers: {len(files)} files, {len(problems)} upward include(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent))
