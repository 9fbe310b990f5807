#!/usr/bin/python3
"""Drives `clearpath analyze` HTML pages in Debian's headless chromium over the DevTools protocol
(python3-websocket), as a reader would use them.

Usage: check_html_interactive.py CLEARPATH SOURCE_DIR OUT_DIR

For graphs/churn-model.json (and the fraud example) it writes the report with its diagrams,
opens it at 1280 x 900 and checks:
  - the page's script runs, and nothing goes to the console (no error, no refused script or
    request: the Content-Security-Policy names the script by the SHA-256 of its text);
  - every diagram is drawn, visible and scaled to the page's width;
  - clicking a finding (a real mouse click) highlights exactly its subjects' nodes in the
    diagrams and scrolls one of them into view;
  - the search finds an entity by name, sorting a table orders it, the initiative filter hides
    the rows of other initiatives;
and saves screenshots to OUT_DIR for a person to look at. A model whose names are script
(<script>window.pwned=1</script>, an <img onerror>) shows them as text and never runs them.
Exit status 0 when all holds, 1 otherwise.
"""
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

FAILURES = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        FAILURES.append(what)


class Browser:
    """One headless chromium and one page, driven over the DevTools protocol."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="clearpath-devtools-")
        binary = shutil.which("chromium") or "/usr/bin/chromium"
        self.process = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--remote-debugging-port=0", "--user-data-dir=" + self.profile, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        pages = []
        for _ in range(100):
            pages = [t for t in json.load(urllib.request.urlopen("http://127.0.0.1:%s/json/list" % port))
                     if t.get("type") == "page"]
            if pages:
                break
            time.sleep(0.1)
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=60)
        self.next_id = 0
        self.console = []
        for domain in ("Runtime", "Log", "Page"):
            self.call(domain + ".enable")
        self.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)

    def _event(self, message):
        method = message.get("method", "")
        params = message.get("params", {})
        if method == "Runtime.consoleAPICalled":
            self.console.append(params.get("type", "") + ": " +
                                " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            self.console.append("exception: " + params["exceptionDetails"].get("text", "") + " " +
                                str(params["exceptionDetails"].get("exception", {}).get("description", "")))
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            self.console.append(entry.get("level", "") + ": " + entry.get("text", ""))
        return method

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(method + ": " + str(message["error"]))
                return message.get("result", {})
            self._event(message)

    def open(self, url):
        self.console = []
        self.call("Page.navigate", url=url)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self._event(json.loads(self.ws.recv())) == "Page.loadEventFired":
                break
        time.sleep(0.3)  # late console messages
        self.evaluate("1")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError("page script failed: " + json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def click(self, x, y):
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path, full=False):
        params = {"format": "png"}
        if full:
            params["captureBeyondViewport"] = True
            size = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": min(size[1], 16000), "scale": 1}
        data = self.call("Page.captureScreenshot", **params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.ws.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


def report(clearpath, model, folder):
    subprocess.run([clearpath, "analyze", model, "-o", folder, "--format", "html", "--fail-on", "never", "-q"], check=True)
    return os.path.join(folder, "report.html")


def check_page(browser, page, out_dir, name):
    text = open(page, encoding="utf-8").read()
    csp = re.search(r"script-src '(sha256-[^']+)'", text)
    scripts = re.findall(r"<script>(.*?)</script>", text, re.S)
    check(csp is not None and len(scripts) == 1, name + ": one script, named by its hash in the CSP")
    if csp and scripts:
        digest = "sha256-" + base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
        check(csp.group(1) == digest, name + ": the CSP's hash is the script's (" + digest[:20] + "...)")
    browser.open("file://" + os.path.abspath(page))
    check(browser.console == [], name + ": nothing on the console: " + repr(browser.console[:3]))
    check(browser.evaluate("typeof window.clearpathHighlight") == "function", name + ": the page's script ran")
    figures = browser.evaluate("""Array.from(document.querySelectorAll('figure[data-view]')).map(f => {
        f.scrollIntoView(); const s = f.querySelector('svg').getBoundingClientRect();
        return [f.dataset.view, s.width, s.height, f.querySelectorAll('g.node').length,
                document.documentElement.clientWidth]; })""")
    check(len(figures) == 5, name + ": five diagrams: " + ", ".join(f[0] for f in figures))
    for view, width, height, nodes, page_width in figures:
        check(nodes > 0 and height > 50, "%s: the %s diagram is drawn (%d nodes, %.0f px high)" % (name, view, nodes, height))
        check(0 < width <= page_width, "%s: the %s diagram fits the page (%.0f of %d px)" % (name, view, width, page_width))
    browser.evaluate("window.scrollTo(0, 0)")
    browser.screenshot(os.path.join(out_dir, name + "-top.png"))
    browser.screenshot(os.path.join(out_dir, name + "-page.png"), full=True)

    # A finding whose subjects are drawn: click its row, the right nodes light up.
    target = browser.evaluate("""(() => {
        const drawn = new Set(Array.from(document.querySelectorAll('g.node > title')).map(t => t.textContent));
        const index = JSON.parse(document.getElementById('cp-index').textContent);
        const node = Object.fromEntries(index.map(e => [e.id, e.node]));
        for (const [k, row] of Array.from(document.querySelectorAll('tr[data-subjects]')).entries()) {
          const names = JSON.parse(row.dataset.subjects).map(id => node[id] || id);
          if (names.some(n => drawn.has(n))) return [k, names.filter(n => drawn.has(n))];
        }
        return null; })()""")
    check(target is not None, name + ": some finding is about something drawn")
    if target:
        row, expected = target
        point = browser.evaluate("""(() => { const r = document.querySelectorAll('tr[data-subjects]')[%d];
            r.scrollIntoView({block: 'center'}); const b = r.getBoundingClientRect();
            return [b.left + 10, b.top + b.height / 2]; })()""" % row)
        browser.click(point[0], point[1])
        time.sleep(0.3)
        lit = browser.evaluate("Array.from(new Set(Array.from(document.querySelectorAll('g.cp-hit > title'))"
                               ".map(t => t.textContent))).sort()")
        check(lit == sorted(set(expected)), name + ": clicking finding row %d lights up %s (lit: %s)" % (row, sorted(set(expected)), lit))
        visible = browser.evaluate("""(() => { const g = document.querySelector('g.cp-hit');
            const b = g.getBoundingClientRect();
            return b.bottom > 0 && b.top < innerHeight && b.right > 0 && b.left < innerWidth; })()""")
        check(visible, name + ": a highlighted node is on screen after the click")
        browser.screenshot(os.path.join(out_dir, name + "-highlight.png"))

    # Search, sorting, the initiative filter.
    # The last word of the last gate's name, as a reader might type it.
    word, wanted = browser.evaluate("""(() => {
        const gates = JSON.parse(document.getElementById('cp-index').textContent).filter(e => e.kind === 'approval');
        const g = gates[gates.length - 1]; const words = g.name.split(' ');
        return [words[words.length - 1].toLowerCase(), g.id]; })()""")
    hits = browser.evaluate("""(() => { const s = document.getElementById('cp-search');
        s.value = %s; s.dispatchEvent(new Event('input'));
        return Array.from(document.querySelectorAll('#cp-results li')).map(l => l.textContent); })()""" % json.dumps(word))
    check(any("(" + wanted + ")" in h for h in hits), name + ": searching '%s' finds %s: %r" % (word, wanted, hits[:2]))
    ordered = browser.evaluate("""(() => { const t = document.querySelector('#findings table');
        const th = t.tHead.rows[0].cells[0]; th.click(); th.click();
        return Array.from(t.tBodies[0].rows).map(r => parseInt(r.cells[0].textContent)); })()""")
    check(ordered == sorted(ordered, reverse=True) and len(ordered) > 1, name + ": clicking '#' twice sorts the findings descending")
    initiatives = browser.evaluate("Array.from(document.querySelectorAll('#cp-filter option')).map(o => o.value).filter(v => v)")
    if len(initiatives) > 1:
        left = browser.evaluate("""(() => { const f = document.getElementById('cp-filter');
            f.value = %s; f.dispatchEvent(new Event('change'));
            const index = Object.fromEntries(JSON.parse(document.getElementById('cp-index').textContent).map(e => [e.id, e]));
            const shown = Array.from(document.querySelectorAll('tr[data-subjects]')).filter(r => !r.hidden);
            return shown.every(r => JSON.parse(r.dataset.subjects).some(id => id === f.value ||
                                   (index[id] && index[id].initiative === f.value))); })()""" % json.dumps(initiatives[-1]))
        check(left, name + ": filtering by %s leaves only its findings" % initiatives[-1])


def main():
    clearpath, source, out_dir = sys.argv[1:4]
    os.makedirs(out_dir, exist_ok=True)
    if not (shutil.which("chromium") or os.path.exists("/usr/bin/chromium")):
        print("FAIL chromium is not installed (scripts/setup.sh installs Debian's chromium)")
        return 1
    browser = Browser()
    try:
        for name in ("churn-model", "fraud-rollout"):
            folder = os.path.join(out_dir, name)
            check_page(browser, report(clearpath, os.path.join(source, "graphs", name + ".json"), folder), out_dir, name)
        # Names that are script must stay text.
        model = json.load(open(os.path.join(source, "graphs", "minimal.json")))
        model["name"] = "<script>window.pwned=1</script>"
        model["steps"][0]["name"] = "<img src=x onerror=\"window.pwned=2\">"
        model["initiatives"][0]["name"] = "</script><script>window.pwned=3</script>"
        hostile = os.path.join(out_dir, "hostile.json")
        with open(hostile, "w") as f:
            json.dump(model, f)
        page = report(clearpath, hostile, os.path.join(out_dir, "hostile"))
        browser.open("file://" + os.path.abspath(page))
        check(browser.evaluate("typeof window.pwned") == "undefined", "hostile: no name ran as script")
        check(browser.evaluate("document.querySelectorAll('script:not([type])').length") == 1, "hostile: one script element, clearpath's")
        check(browser.evaluate("document.title") == model["name"], "hostile: the title shows the name as text")
        check(browser.evaluate("document.body.innerText.includes('<img src=x')"), "hostile: the step's name shows as text")
        hits = browser.evaluate("""(() => { const s = document.getElementById('cp-search');
            s.value = 'onerror'; s.dispatchEvent(new Event('input'));
            return Array.from(document.querySelectorAll('#cp-results li')).map(l => l.textContent); })()""")
        check(any("<img" in h for h in hits) and browser.evaluate("typeof window.pwned") == "undefined",
              "hostile: the search lists the name as text, and it does not run")
        check(browser.console == [], "hostile: nothing on the console: " + repr(browser.console[:3]))
    finally:
        browser.close()
    print("screenshots in " + out_dir)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
