#!/usr/bin/env python3
"""SIGTERM and SIGINT during a large `-o` write remove the temporary file and end clearpath by
the signal; after a SIGKILL the temporary stays, and the next write to the same destination
removes it (issue 20, row 7). A destination that already exists holds its old bytes after a
SIGKILL or SIGTERM mid-way through a large export (issue 19, point 6).
Usage: check_atomic_write_signals.py CLEARPATH WORK_DIR"""
import os
import shutil
import signal
import subprocess
import sys
import time

exe, work = sys.argv[1], sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
dest = os.path.join(work, "big.json")
failures = []


def temporaries(name="big.json"):
    return [n for n in os.listdir(work) if n.startswith("." + name + ".clearpath-tmp-")]


def interrupt(sig, command=None, name="big.json"):
    """Starts a write of a million steps (about 200 MB), or `command`, which writes `name`;
    signals it once its temporary holds data, and returns its exit status (negative: the
    signal that ended it)."""
    command = command or [exe, "generate", "--steps", "1000000", "--seed", "1", "-q", "-o", dest]
    p = subprocess.Popen(command)
    while p.poll() is None:
        names = temporaries(name)
        if names and os.path.getsize(os.path.join(work, names[0])) > 0:
            p.send_signal(sig)
            break
        time.sleep(0.001)
    return p.wait()


for sig in (signal.SIGTERM, signal.SIGINT):
    status = interrupt(sig)
    if status != -sig:
        failures.append(f"{sig.name}: status {status}, expected {-sig}")
    if temporaries() or os.path.exists(dest):
        failures.append(f"{sig.name}: left {os.listdir(work)}")

status = interrupt(signal.SIGKILL)
left = temporaries()
if status != -signal.SIGKILL or len(left) != 1:
    failures.append(f"SIGKILL: status {status}, temporaries {left}")
subprocess.run([exe, "generate", "--steps", "10", "--seed", "1", "-o", dest], check=True)
if temporaries() or not os.path.exists(dest):
    failures.append(f"the write after a SIGKILL left {os.listdir(work)}")

# An export over an existing file: killed mid-way, the old file is there, byte for byte.
model = os.path.join(work, "model.json")
subprocess.run([exe, "generate", "--steps", "100000", "--seed", "1", "-q", "-o", model], check=True)
export = os.path.join(work, "plan.graphml")
old = b"<graphml>the export of last week</graphml>\n"
for sig in (signal.SIGKILL, signal.SIGTERM):
    with open(export, "wb") as f:
        f.write(old)
    status = interrupt(sig, [exe, "export", "--format", "graphml", "-q", "-o", export, model], "plan.graphml")
    with open(export, "rb") as f:
        now = f.read()
    if status != -sig:
        failures.append(f"export, {sig.name}: status {status}, expected {-sig} (killed before it wrote?)")
    if now != old:
        failures.append(f"export, {sig.name}: the old file was changed ({len(now)} bytes now)")
    for t in temporaries("plan.graphml"):
        os.remove(os.path.join(work, t))
# ... and finished, it is the new export.
subprocess.run([exe, "export", "--format", "graphml", "-q", "-o", export, model], check=True)
if os.path.getsize(export) <= len(old) or temporaries("plan.graphml"):
    failures.append(f"the export after the kills left {os.listdir(work)}")

shutil.rmtree(work, ignore_errors=True)
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
