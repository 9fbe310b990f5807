#!/usr/bin/python3
"""The NetworkX baseline for the CPM benchmark (issue 3, section 10; bench/path_scale.sh).

    bench/networkx_longest_path.py FILE [--expect DURATION]

Reads a clearpath model (docs/format.md) with the standard json module and builds a
networkx.DiGraph whose nodes are the steps and approval gates and whose edges are the
dependency links, dependency -> dependent. Node durations are computed as clearpath does
(remaining work, the default `clearpath path` options):
  approval: lead_time (default 0), or 0 when its status is "granted";
  step:     0 when its status is "done", else the number, or (o + 4m + p) / 6 for a
            three-point duration.
Node weights become edge weights the standard way: an edge u -> v weighs duration(u), and every
node without successors gets an edge to one extra sink node weighing its own duration. The
longest path to the sink is then the project duration (the largest earliest finish).

Prints one line of JSON: the longest path length, the node and edge counts, and the seconds
taken by json.load, by building the graph, and by nx.dag_longest_path_length alone.
With --expect D, exits 1 when |length - D| > 1e-6 (cpm_bench's duration, say).
Run with Debian's /usr/bin/python3 and python3-networkx (apt-get install python3-networkx).
"""
import argparse
import json
import sys
import time

import networkx as nx

SINK = ("__sink__",)  # a tuple, so that it cannot collide with any string id


def step_duration(step):
    if step.get("status", "not-started") == "done":
        return 0.0
    d = step["duration"]
    if isinstance(d, dict):
        return (d["optimistic"] + 4 * d["likely"] + d["pessimistic"]) / 6
    return float(d)


def approval_duration(approval):
    if approval.get("status", "pending") == "granted":
        return 0.0
    return float(approval.get("lead_time", 0))


def build_graph(model):
    duration = {}
    depends = []
    for a in model.get("approvals", []):
        duration[a["id"]] = approval_duration(a)
        depends.append((a["id"], a.get("depends_on", [])))
    for s in model.get("steps", []):
        duration[s["id"]] = step_duration(s)
        depends.append((s["id"], s.get("depends_on", [])))
    g = nx.DiGraph()
    g.add_nodes_from(duration)
    g.add_weighted_edges_from((dep, node, duration[dep]) for node, deps in depends for dep in deps)
    sinks = [v for v in duration if g.out_degree(v) == 0]
    g.add_weighted_edges_from((v, SINK, duration[v]) for v in sinks)
    return g, len(duration)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--expect", type=float, help="exit 1 unless the length is within 1e-6 of this")
    args = parser.parse_args()

    start = time.perf_counter()
    with open(args.file, encoding="utf-8") as f:
        model = json.load(f)
    load_s = time.perf_counter() - start

    start = time.perf_counter()
    g, activities = build_graph(model)
    build_s = time.perf_counter() - start
    del model

    start = time.perf_counter()
    length = nx.dag_longest_path_length(g, weight="weight", default_weight=0)
    longest_s = time.perf_counter() - start

    result = {
        "file": args.file,
        "networkx": nx.__version__,
        "python": sys.version.split()[0],
        "activities": activities,
        "links": g.number_of_edges() - (g.in_degree(SINK) if SINK in g else 0),
        "duration": float(length),
        "load_s": round(load_s, 4),
        "build_graph_s": round(build_s, 4),
        "dag_longest_path_length_s": round(longest_s, 4),
    }
    ok = True
    if args.expect is not None:
        result["expected"] = args.expect
        result["agrees"] = ok = abs(length - args.expect) <= 1e-6
    print(json.dumps(result))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
