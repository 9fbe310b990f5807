#!/usr/bin/python3
"""Checks `clearpath export --format graphml` with a real GraphML reader (networkx).

Usage:
  check_graphml.py CLEARPATH MODEL.json...

Each model is exported with CLEARPATH, read back with networkx.read_graphml, and compared with
what the JSON file itself says, worked out here independently of clearpath: one node per entity
with its kind, one edge per reference (source, target, relation, and rank / slot / amount),
attribute types (int, float, bool, str) and exact values. Prints one line per model:
  ok graphs/churn-model.json: 94 nodes, 312 edges
  FAIL tests/data/export/hostile.json: node 'x': capacity is 1 (int), expected float 0.25
Exit status: 0 all as expected, 1 some check failed, 2 usage error.

Uses Debian's python3-networkx.
"""
import collections
import json
import subprocess
import sys

try:
    import networkx
except ImportError:  # pragma: no cover
    print("error: python3-networkx is not installed (apt-get install python3-networkx)", file=sys.stderr)
    sys.exit(2)

KINDS = [("people", "person"), ("departments", "department"), ("systems", "system"),
         ("initiatives", "initiative"), ("approvals", "approval"), ("steps", "step")]

XML_INVALID = {c for c in range(0x20) if c not in (0x9, 0xA, 0xD)} | {0xFFFE, 0xFFFF}


def xml_safe(text):
    """Text as it survives XML: characters XML 1.0 cannot hold become U+FFFD."""
    return "".join("\ufffd" if ord(ch) in XML_INVALID else ch for ch in text)


def expected_edges(model):
    """(source, target, relation, data) for every reference in the file, in no particular order."""
    edges = []

    def add(src, dst, rel, **data):
        if dst is not None:
            edges.append((src, dst, rel, tuple(sorted(data.items()))))

    for p in model.get("people", []):
        add(p["id"], p.get("department"), "member_of")
        add(p["id"], p.get("reports_to"), "reports_to")
        for t in p.get("dotted_line_to", []):
            add(p["id"], t, "dotted_line_to")
    for d in model.get("departments", []):
        add(d["id"], d.get("head"), "head_of")
        for rank, t in enumerate(d.get("priorities", []), 1):
            add(d["id"], t, "prioritizes", rank=rank)
    for s in model.get("systems", []):
        add(s["id"], s.get("owner"), "owned_by")
    for i in model.get("initiatives", []):
        for t in i.get("sponsors", []):
            add(i["id"], t, "sponsored_by")
    for a in model.get("approvals", []):
        add(a["id"], a.get("initiative"), "part_of")
        for t in a.get("approvers", []):
            add(a["id"], t, "approved_by")
        for t in a.get("depends_on", []):
            add(a["id"], t, "depends_on")
        for k, slot in enumerate(a.get("rule", {}).get("slots", []), 1):
            add(a["id"], slot.get("department"), "requires_department", slot=k)
    for s in model.get("steps", []):
        add(s["id"], s.get("owner"), "owned_by")
        add(s["id"], s.get("initiative"), "part_of")
        for t in s.get("depends_on", []):
            add(s["id"], t, "depends_on")
        add(s["id"], s.get("system"), "runs_on")
        for t, amount in s.get("demands", {}).items():
            add(s["id"], t, "demands", amount=float(amount))
    return edges


def expected_node(kind, e):
    """The attributes (name -> typed value) the export must give an entity of this kind."""
    out = {"labels": ":" + kind.capitalize(), "kind": kind, "label": xml_safe(e.get("name", e["id"]))}
    if "name" in e:
        out["name"] = xml_safe(e["name"])
    if "attributes" in e:
        out["attributes"] = e["attributes"]  # compared as parsed JSON

    def words(key):
        if e.get(key):
            out[key] = sorted(xml_safe(w) for w in e[key])

    if kind == "person":
        if e.get("title"):
            out["title"] = xml_safe(e["title"])
        words("roles")
        words("skills")
        out["capacity"] = float(e.get("capacity", 1))
        out["available"] = bool(e.get("available", True))
    elif kind == "department":
        if "side" in e:
            out["side"] = e["side"]
        if "capacity" in e:
            out["capacity"] = float(e["capacity"])
    elif kind == "system":
        out["legacy"] = bool(e.get("legacy", False))
    elif kind == "initiative":
        for key in ("value_per_month", "build_cost", "run_cost_per_month"):
            out[key] = float(e.get(key, 0))
        if "momentum_days" in e:
            out["momentum_days"] = float(e["momentum_days"])
    elif kind == "approval":
        rule = e.get("rule", {})
        out["lead_time"] = float(e.get("lead_time", 0))
        out["status"] = e.get("status", "pending")
        out["min_approvers"] = int(rule.get("min_approvers", 1))
        out["distinct_departments"] = bool(rule.get("distinct_departments", False))
        out["independent"] = bool(rule.get("independent", False))
        if rule.get("slots"):
            out["slots"] = rule["slots"]  # compared as parsed JSON
    elif kind == "step":
        d = e["duration"]
        if isinstance(d, dict):
            out["duration"] = (d["optimistic"] + 4 * d["likely"] + d["pessimistic"]) / 6
            for key in ("optimistic", "likely", "pessimistic"):
                out[key] = float(d[key])
        else:
            out["duration"] = float(d)
        out["status"] = e.get("status", "not-started")
        words("skills")
    return out


def same(expected, actual):
    if isinstance(expected, float):
        return isinstance(actual, float) and abs(expected - actual) <= 1e-9 * max(1.0, abs(expected))
    if isinstance(expected, bool) or isinstance(expected, int) or isinstance(expected, str):
        return type(actual) is type(expected) and actual == expected
    return expected == actual


def check(clearpath, path):
    with open(path, encoding="utf-8") as f:
        model = json.load(f)
    exported = subprocess.run([clearpath, "export", path, "--format", "graphml"],
                              check=True, capture_output=True).stdout
    graph = networkx.parse_graphml(exported.decode("utf-8"), force_multigraph=True)
    problems = []
    if not graph.is_directed():
        problems.append("the graph is not directed")

    entities = [(kind, e) for array, kind in KINDS for e in model.get(array, [])]
    if graph.number_of_nodes() != len(entities):
        problems.append("%d nodes, expected %d" % (graph.number_of_nodes(), len(entities)))
    for kind, e in entities:
        if e["id"] not in graph.nodes:
            problems.append("no node %r" % e["id"])
            continue
        actual = dict(graph.nodes[e["id"]])
        for key in ("roles", "skills", "slots", "attributes"):  # JSON text in the GraphML
            if key in actual:
                actual[key] = json.loads(actual[key])
        expected = expected_node(kind, e)
        if set(actual) != set(expected):
            problems.append("node %r: attributes %s, expected %s" % (e["id"], sorted(actual), sorted(expected)))
        for key, value in expected.items():
            if key in actual and not same(value, actual[key]):
                problems.append("node %r: %s is %r (%s), expected %s %r" % (
                    e["id"], key, actual[key], type(actual[key]).__name__, type(value).__name__, value))

    expected = collections.Counter(expected_edges(model))
    actual = collections.Counter()
    for src, dst, data in graph.edges(data=True):
        extra = {k: v for k, v in data.items() if k not in ("relation", "label", "id")}
        for k in ("rank", "slot"):
            if k in extra and type(extra[k]) is not int:
                problems.append("edge %r -> %r: %s is not an int" % (src, dst, k))
        if "amount" in extra and type(extra["amount"]) is not float:
            problems.append("edge %r -> %r: amount is not a float" % (src, dst))
        if data.get("label") != data.get("relation", "").upper():
            problems.append("edge %r -> %r: label %r" % (src, dst, data.get("label")))
        actual[(src, dst, data.get("relation"), tuple(sorted(extra.items())))] += 1
    if graph.number_of_edges() != sum(expected.values()):
        problems.append("%d edges, expected %d" % (graph.number_of_edges(), sum(expected.values())))
    for edge in (expected - actual):
        problems.append("missing edge %r" % (edge,))
    for edge in (actual - expected):
        problems.append("unexpected edge %r" % (edge,))

    if "name" in model and graph.graph.get("name") != xml_safe(model["name"]):
        problems.append("graph name %r" % graph.graph.get("name"))

    if problems:
        for p in problems[:20]:
            print("FAIL %s: %s" % (path, p))
        return False
    print("ok %s: %d nodes, %d edges" % (path, graph.number_of_nodes(), graph.number_of_edges()))
    return True


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    results = [check(argv[0], path) for path in argv[1:]]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
