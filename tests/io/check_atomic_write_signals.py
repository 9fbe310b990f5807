#!/usr/bin/env python3
"""SIGTERM and SIGINT during a large `-o` write remove the temporary file and end clearpath by
the signal; after a SIGKILL the temporary stays, and the next write to the same destination
removes it (issue 20, row 7). Usage: check_atomic_write_signals.py CLEARPATH WORK_DIR"""
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


def temporaries():
    return [n for n in os.listdir(work) if n.startswith(".big.json.clearpath-tmp-")]


def interrupt(sig):
    """Starts a write of a million steps (about 200 MB), signals it once its temporary holds
    data, and returns its exit status (negative: the signal that ended it)."""
    p = subprocess.Popen([exe, "generate", "--steps", "1000000", "--seed", "1", "-q", "-o", dest])
    while p.poll() is None:
        names = temporaries()
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

shutil.rmtree(work, ignore_errors=True)
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
