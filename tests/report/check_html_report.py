#!/usr/bin/python3
"""Loads `clearpath analyze --format html` pages in a real browser (Debian's headless chromium).

Usage: check_html_report.py CLEARPATH SOURCE_DIR OUT_DIR

For graphs/churn-model.json it writes the report with its diagrams to OUT_DIR/churn, then has
chromium load the page and checks the page as rendered (the DOM after loading):
  - the title is the model's name;
  - the summary shows the numbers of the JSON report (production, P80 and levelled dates,
    payback month, the missing co-pilots);
  - every view's diagram is there as inline SVG with drawn nodes;
  - nothing went to the console (the page's Content-Security-Policy turns any script or
    request into a console error, so none means the page is self-contained);
and takes a screenshot, OUT_DIR/churn/report.png, to look at.
A model whose names are markup (<script>alert(1)</script>) must render them as text: no script
element in the page but clearpath's own, the names visible. (check_html_interactive.py drives
the page's script.) Exit status 0 when all holds, 1 otherwise.
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

FAILURES = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        FAILURES.append(what)


class Page(html.parser.HTMLParser):
    """The parts of a rendered page the checks need."""

    def __init__(self):
        super().__init__()
        self.stack = []
        self.title = ""
        self.scripts = 0
        self.figures = {}          # view -> number of svg <g class="node"> inside
        self.figure_view = None
        self.summary_text = ""
        self.text = ""
        self.in_summary = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.stack.append(tag)
        if tag == "script" and not a.get("type"):  # executable (the search index is application/json)
            self.scripts += 1
        if tag == "section" and a.get("id") == "summary":
            self.in_summary = True
        if tag == "figure":
            self.figure_view = a.get("data-view")
            self.figures.setdefault(self.figure_view, 0)
        if tag == "g" and self.figure_view and "node" in (a.get("class") or "").split():
            self.figures[self.figure_view] += 1

    def handle_endtag(self, tag):
        while self.stack:
            t = self.stack.pop()
            if t == tag:
                break
        if tag == "section":
            self.in_summary = False
        if tag == "figure":
            self.figure_view = None

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title" and "svg" not in self.stack:
            self.title += data
        if self.in_summary:
            self.summary_text += data
        self.text += data


def chromium(url, extra):
    profile = tempfile.mkdtemp(prefix="clearpath-chromium-")
    try:
        cmd = [shutil.which("chromium") or "/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
               "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
               "--enable-logging=stderr", "--v=0"] + extra + [url]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
        return r
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def console_lines(stderr):
    return [l for l in stderr.splitlines() if ":CONSOLE" in l or "violates the following Content Security Policy" in l]


def load(clearpath, args, stdin=None):
    r = subprocess.run([clearpath] + args, input=stdin, capture_output=True, text=True, timeout=300)
    return r


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    clearpath, source, out = sys.argv[1:]
    if not (shutil.which("chromium") or os.path.exists("/usr/bin/chromium")):
        print("FAIL chromium is not installed (scripts/setup.sh installs Debian's chromium)")
        return 1
    graph = os.path.join(source, "graphs", "churn-model.json")
    folder = os.path.join(out, "churn")
    shutil.rmtree(folder, ignore_errors=True)
    common = ["--simulate", "2000", "--seed", "1", "--fail-on", "never"]
    r = load(clearpath, ["analyze", graph, "--format", "html", "-o", folder] + common)
    check(r.returncode == 0, "clearpath analyze --format html -o DIR exits 0 (" + r.stderr.strip()[:200] + ")")
    r = load(clearpath, ["analyze", graph, "--format", "json"] + common)
    summary = json.loads(r.stdout)["summary"]
    name = json.loads(r.stdout)["name"]

    page_url = "file://" + os.path.abspath(os.path.join(folder, "report.html"))
    r = chromium(page_url, ["--dump-dom"])
    check(r.returncode == 0, "chromium loads the page")
    page = Page()
    page.feed(r.stdout)
    check(page.title.strip() == name, "the title is the model's name: " + page.title.strip())
    for key in ("production_date", "p80_date", "levelled_date"):
        check(summary[key] is not None and summary[key] in page.summary_text,
              "the summary shows %s %s" % (key, summary[key]))
    check("month %d after production" % summary["payback_month"] in page.summary_text, "the summary shows the payback month")
    check("production-funding lacks a business-side executive" in page.summary_text, "the summary names the missing co-pilot")
    for view in ("org", "approvals", "deps", "conflicts", "timeline"):
        check(page.figures.get(view, 0) > 0, "the %s diagram is inline SVG with %d nodes" % (view, page.figures.get(view, 0)))
    check(page.scripts == 1, "one script element: clearpath's own (the CSP allows it alone)")
    lines = console_lines(r.stderr)
    check(not lines, "no console messages" + ("" if not lines else ": " + lines[0][:300]))

    shot = os.path.join(folder, "report.png")
    r = chromium(page_url, ["--window-size=1280,2000", "--screenshot=" + shot])
    check(os.path.exists(shot) and os.path.getsize(shot) > 20000, "screenshot " + shot)
    check(not console_lines(r.stderr), "no console messages while taking the screenshot")

    # Markup in names stays text.
    hostile = json.dumps({"format_version": 1, "name": "<script>alert(1)</script>",
                          "departments": [{"id": "it", "side": "it", "name": "<img src=x onerror=alert(2)>"}],
                          "people": [{"id": "p", "name": "<script>alert(3)</script>", "department": "it"}],
                          "initiatives": [{"id": "i", "name": "</title><b>bold</b>", "sponsors": ["p"]}],
                          "steps": [{"id": "s", "initiative": "i", "owner": "p", "duration": 2}]})
    hostile_page = os.path.join(out, "hostile.html")
    r = load(clearpath, ["analyze", "-", "--format", "html", "-o", hostile_page, "--fail-on", "never"], hostile)
    check(r.returncode == 0, "clearpath analyze of the hostile model exits 0")
    r = chromium("file://" + os.path.abspath(hostile_page), ["--dump-dom"])
    page = Page()
    page.feed(r.stdout)
    check(page.scripts == 1, "hostile names: no script element but clearpath's in the rendered page")
    check(page.title.strip() == "<script>alert(1)</script>", "hostile names: the title reads as text")
    check("<script>alert(3)</script>" in page.text, "hostile names: the person's name is shown as text")
    check("<b>bold</b>" in page.text or "</title><b>bold</b>" in page.text, "hostile names: the initiative's name is shown as text")
    check(not console_lines(r.stderr), "hostile names: no console messages")

    print("%d failure(s)" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
