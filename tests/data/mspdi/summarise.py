#!/usr/bin/env python3
"""Show what MS Project stored in MSPDI (MS Project XML) files.

Usage:
    summarise.py [--brief] [FILE_OR_DIR ...]

With no argument, every *.xml file next to this script is read.  For each
file it prints the project header (save version, start date, minutes per day,
project calendar), counts of the scheduling features present, a list of the
things that can make a day-granular CPM disagree with MS Project, and then
(unless --brief) one row per real task with the values MS Project computed:

    UID ID Name M S MS Dur ES EF LS LF TS FS Crit Constr Deadline % Preds

Units: Dur is shown in days of MinutesPerDay (suffix "e" = elapsed format).
TS and FS are the raw TotalSlack / FreeSlack values in tenths of a minute,
followed by the same value in days of MinutesPerDay.  Preds lists each
PredecessorLink as <predecessor UID><type><lag>, e.g. "3SS+1d", where the lag
is LinkLag (tenths of a minute) shown in days of MinutesPerDay, or in elapsed
days ("ed", 24 h) or percent when LagFormat says so.

"Real task" = not the project summary row (UID 0) and not a blank row
(IsNull=1).  Standard library only (xml.etree); the files are trusted test
data from a public repository, not user input.
"""
import datetime as dt
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter

NS = "{http://schemas.microsoft.com/project}"
LINK_TYPES = {"0": "FF", "1": "FS", "2": "SF", "3": "SS"}
CONSTRAINTS = {"0": "ASAP", "1": "ALAP", "2": "MSO", "3": "MFO",
               "4": "SNET", "5": "SNLT", "6": "FNET", "7": "FNLT"}
# DurationFormat / LagFormat codes (MSPDI schema).  The "estimated" variants
# (35..53) are the plain code + 32 (+ 32 again for percent/null).
FORMAT_NAMES = {"3": "m", "4": "em", "5": "h", "6": "eh", "7": "d", "8": "ed",
                "9": "w", "10": "ew", "11": "mo", "12": "emo", "19": "%",
                "20": "e%", "21": "null", "35": "m?", "36": "em?", "37": "h?",
                "38": "eh?", "39": "d?", "40": "ed?", "41": "w?", "42": "ew?",
                "43": "mo?", "44": "emo?", "51": "%?", "52": "e%?", "53": "null?"}
ELAPSED = {"4", "6", "8", "10", "12", "20", "36", "38", "40", "42", "44", "52"}
PERCENT = {"19", "20", "51", "52"}
DAY_NAMES = {1: "Sun", 2: "Mon", 3: "Tue", 4: "Wed", 5: "Thu", 6: "Fri", 7: "Sat"}


def txt(el, tag, default=None):
    c = el.find(NS + tag)
    if c is None or c.text is None:
        return default
    return c.text.strip()


def parse_dt(s):
    if not s:
        return None
    try:
        return dt.datetime.strptime(s[:19], "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return None


def iso_minutes(s):
    """ISO 8601 duration as MS Project writes it (PT8H0M0S, P1DT2H...) -> minutes."""
    if not s:
        return None
    s = s.strip()
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    if not s.startswith("P"):
        return None
    total = 0.0
    num = ""
    in_time = False
    for ch in s[1:]:
        if ch == "T":
            in_time = True
        elif ch.isdigit() or ch == ".":
            num += ch
        else:
            v = float(num or 0)
            num = ""
            if ch == "Y":
                total += v * 365 * 1440
            elif ch == "M" and not in_time:
                total += v * 30 * 1440
            elif ch == "W":
                total += v * 7 * 1440
            elif ch == "D":
                total += v * 1440
            elif ch == "H":
                total += v * 60
            elif ch == "M":
                total += v
            elif ch == "S":
                total += v / 60.0
    return -total if neg else total


def hm(s):
    """'08:00:00' -> minutes after midnight; '00:00:00' as an end means 24:00."""
    h, m = s.split(":")[:2]
    return int(h) * 60 + int(m)


def ranges_of(el):
    out = []
    for wt in el.findall(NS + "WorkingTimes/" + NS + "WorkingTime"):
        f, t = txt(wt, "FromTime"), txt(wt, "ToTime")
        if f is None or t is None:
            continue
        a, b = hm(f), hm(t)
        if b == 0:
            b = 1440
        out.append((a, b))
    return out


class Calendar:
    """Weekly working time plus dated exceptions of one MSPDI calendar.

    Exceptions are read from the WeekDay DayType=0 TimePeriod entries, which
    2002/2003 write as the only form and 2007+ write as an expanded copy of
    <Exceptions> (recurring exceptions already expanded).  Base-calendar
    inheritance is followed for week days that a derived calendar omits.
    """

    def __init__(self, el, by_uid):
        self.uid = txt(el, "UID")
        self.name = txt(el, "Name")
        self.base_uid = txt(el, "BaseCalendarUID")
        self.is_base = txt(el, "IsBaseCalendar") == "1"
        self.week = {}          # 1..7 -> list of (from, to) minutes
        self.exceptions = []    # (from_date, to_date, [ranges])
        self.n_exceptions_new = len(el.findall(NS + "Exceptions/" + NS + "Exception"))
        self.n_week_variants = len(el.findall(NS + "WorkWeeks/" + NS + "WorkWeek"))
        for wd in el.findall(NS + "WeekDays/" + NS + "WeekDay"):
            dtype = int(txt(wd, "DayType", "-1"))
            working = txt(wd, "DayWorking") == "1"
            r = ranges_of(wd) if working else []
            if dtype == 0:
                tp = wd.find(NS + "TimePeriod")
                if tp is None:
                    continue
                f, t = parse_dt(txt(tp, "FromDate")), parse_dt(txt(tp, "ToDate"))
                if f and t:
                    self.exceptions.append((f.date(), t.date(), r))
            elif 1 <= dtype <= 7:
                self.week[dtype] = r
        self.by_uid = by_uid

    def day_ranges(self, d):
        for f, t, r in self.exceptions:
            if f <= d <= t:
                return r
        # Python: Monday=0 ... Sunday=6; MSPDI: Sunday=1 ... Saturday=7
        dtype = (d.weekday() + 1) % 7 + 1
        if dtype in self.week:
            return self.week[dtype]
        base = self.by_uid.get(self.base_uid)
        if base is not None and base is not self:
            return base.day_ranges(d)
        return []

    def week_text(self):
        parts = []
        for k in (2, 3, 4, 5, 6, 7, 1):
            r = self.week.get(k)
            if r is None:
                base = self.by_uid.get(self.base_uid)
                r = base.week.get(k) if base is not None else None
                if r is None:
                    parts.append("%s:?" % DAY_NAMES[k])
                    continue
            if not r:
                continue
            mins = sum(b - a for a, b in r)
            spans = ",".join("%02d:%02d-%02d:%02d" % (a // 60, a % 60, b // 60, b % 60)
                             for a, b in r)
            parts.append("%s %s (%gh)" % (DAY_NAMES[k], spans, mins / 60.0))
        return "; ".join(parts)

    def working_minutes(self, start, finish):
        """Working minutes of this calendar in [start, finish)."""
        if start is None or finish is None or finish <= start:
            return 0
        total = 0
        d = start.date()
        while d <= finish.date():
            day0 = dt.datetime.combine(d, dt.time())
            lo = max(0, int((start - day0).total_seconds() // 60))
            hi = min(1440, int((finish - day0).total_seconds() // 60))
            for a, b in self.day_ranges(d):
                x, y = max(a, lo), min(b, hi)
                if y > x:
                    total += y - x
            d += dt.timedelta(days=1)
        return total

    def is_day_start(self, t):
        """True if t is the first working minute of its day (or not a working day)."""
        r = self.day_ranges(t.date())
        if not r:
            return False
        return t.hour * 60 + t.minute == min(a for a, _ in r)

    def is_day_end(self, t):
        r = self.day_ranges(t.date())
        if not r:
            return False
        return t.hour * 60 + t.minute == max(b for _, b in r)


def differs(cal, pcal):
    """True if cal has other weekly hours than pcal, or dated exceptions."""
    if cal is None or pcal is None or cal is pcal:
        return False
    if cal.exceptions:
        return True
    monday = dt.date(2001, 1, 1)
    return any(cal.day_ranges(monday + dt.timedelta(days=i)) !=
               pcal.day_ranges(monday + dt.timedelta(days=i)) for i in range(7))


def writer_guess(path):
    with open(path, "rb") as f:
        head = f.read(4000).decode("utf-8", "replace").lstrip("\ufeff")
    lines = head.splitlines()
    if "Aspose" in head:
        return "Aspose.Tasks (not MS Project)"
    if 'standalone="yes"' in lines[0] and len(lines) > 2 and lines[2].startswith("\t"):
        return "MS Project 2007 or later (tab indented, standalone=yes)"
    if lines and lines[0].strip() == '<?xml version="1.0"?>' and len(lines) <= 3:
        return "MS Project 2002/2003 (one long line)"
    if len(lines) > 2 and lines[2].startswith("  "):
        return "space indented: probably not MS Project (MPXJ/JAXB or hand written)"
    return "unknown"


def fmt_days(tenths_min, mpd):
    if tenths_min is None:
        return "-"
    return "%gd" % round(tenths_min / 10.0 / mpd, 3)


def lag_text(lag, fmt, mpd):
    if lag == 0:
        return ""
    if fmt in PERCENT:
        return "%+g%%" % (lag / 10.0)
    if fmt in ELAPSED:
        return "%+ged" % round(lag / 10.0 / 1440, 3)
    return "%+gd" % round(lag / 10.0 / mpd, 3)


def short(s):
    return s[:16].replace("T", " ") if s else "-"


def analyse(path):
    root = ET.parse(path).getroot()
    if root.tag != NS + "Project":
        raise ValueError("root element is %s, not MSPDI Project" % root.tag)
    p = {}
    for k in ("SaveVersion", "BuildNumber", "Name", "Title", "LastSaved", "StartDate",
              "FinishDate", "StatusDate", "CurrentDate", "MinutesPerDay", "MinutesPerWeek",
              "DaysPerMonth", "ScheduleFromStart", "CalendarUID", "HonorConstraints",
              "MultipleCriticalPaths", "CriticalSlackLimit", "NewTasksAreManual",
              "DefaultStartTime", "DefaultFinishTime"):
        p[k] = txt(root, k)
    mpd = int(p["MinutesPerDay"] or 480)
    by_uid = {}
    cals = []
    for c in root.findall(NS + "Calendars/" + NS + "Calendar"):
        cal = Calendar(c, by_uid)
        by_uid[cal.uid] = cal
        cals.append(cal)
    pcal = by_uid.get(p["CalendarUID"]) or (cals[0] if cals else None)

    all_tasks = root.findall(NS + "Tasks/" + NS + "Task")
    tasks = [t for t in all_tasks if txt(t, "UID") != "0" and txt(t, "IsNull") != "1"]
    null_rows = sum(1 for t in all_tasks if txt(t, "IsNull") == "1")
    uid_task = {txt(t, "UID"): t for t in tasks}
    summary_uids = {txt(t, "UID") for t in tasks if txt(t, "Summary") == "1"}

    res_cal = {}
    for r in root.findall(NS + "Resources/" + NS + "Resource"):
        res_cal[txt(r, "UID")] = txt(r, "CalendarUID")
    task_res = {}
    for a in root.findall(NS + "Assignments/" + NS + "Assignment"):
        ru = txt(a, "ResourceUID")
        if ru is None or ru == "-65535":
            continue
        task_res.setdefault(txt(a, "TaskUID"), []).append(ru)

    c = Counter()
    links = Counter()
    lag_formats = Counter()
    constraints = Counter()
    quirks = {}

    def quirk(kind, uid):
        quirks.setdefault(kind, []).append(uid)

    rows = []
    for t in tasks:
        uid = txt(t, "UID")
        manual = txt(t, "Manual") == "1"
        summary = uid in summary_uids
        milestone = txt(t, "Milestone") == "1"
        c["tasks"] += 1
        c["summary"] += summary
        c["milestone"] += milestone
        c["manual"] += manual
        dfmt = txt(t, "DurationFormat")
        dur = iso_minutes(txt(t, "Duration"))
        crit = txt(t, "Critical") == "1"
        if not summary:
            c["critical"] += crit
            c["leaf"] += 1
        ts = txt(t, "TotalSlack")
        fs = txt(t, "FreeSlack")
        ts = int(float(ts)) if ts is not None else None
        fs = int(float(fs)) if fs is not None else None
        if ts is not None and not summary:
            c["ts_nonzero"] += ts != 0
            c["ts_negative"] += ts < 0
        ctype = txt(t, "ConstraintType", "0")
        if ctype != "0":
            constraints[CONSTRAINTS.get(ctype, ctype)] += 1
        if txt(t, "Deadline"):
            c["deadline"] += 1
        pct = int(float(txt(t, "PercentComplete", "0") or 0))
        if pct:
            c["progress"] += 1
        if txt(t, "ActualStart") or txt(t, "ActualFinish"):
            quirk("has actual dates", uid)
        if dfmt in ELAPSED:
            c["elapsed_dur"] += 1
            quirk("elapsed duration", uid)
        if manual:
            quirk("manually scheduled (Manual=1)", uid)
        if txt(t, "Recurring") == "1":
            quirk("recurring task", uid)
        if txt(t, "Estimated") == "1" and not summary:
            c["estimated"] += 1
        ld = int(float(txt(t, "LevelingDelay", "0") or 0))
        if ld:
            quirk("resource levelling delay (LevelingDelay)", uid)
        tcal = txt(t, "CalendarUID", "-1")
        if tcal not in ("-1", None) and differs(by_uid.get(tcal), pcal):
            quirk("task calendar (CalendarUID) other than the project calendar", uid)
        rlist = task_res.get(uid, [])
        if rlist and not summary and txt(t, "IgnoreResourceCalendar") != "1":
            if any(differs(by_uid.get(res_cal.get(r)), pcal) for r in rlist):
                quirk("assigned resource's calendar differs from the project calendar", uid)
        if ctype != "0" and not summary:
            cdate = txt(t, "ConstraintDate")
            name = CONSTRAINTS.get(ctype, ctype)
            if cdate and cdate == txt(t, "EarlyStart"):
                quirk("%s whose date equals the task's EarlyStart" % name, uid)
            else:
                quirk("%s whose date differs from the task's EarlyStart" % name, uid)
        if dur is not None and dfmt not in ELAPSED and not milestone and dur % mpd:
            quirk("duration not a whole number of days", uid)
        es = parse_dt(txt(t, "EarlyStart"))
        ef = parse_dt(txt(t, "EarlyFinish"))
        start = parse_dt(txt(t, "Start"))
        finish = parse_dt(txt(t, "Finish"))
        if pcal is not None and es is not None and not summary and not milestone:
            if not pcal.is_day_start(es):
                quirk("EarlyStart not at the start of a working day", uid)
        pstart = parse_dt(p["StartDate"])
        if es is not None and pstart is not None and es < pstart and not summary:
            quirk("EarlyStart before the project StartDate", uid)
        if (pcal is not None and start and finish and dur is not None and not summary
                and not milestone and dfmt not in ELAPSED and pct == 0):
            span = pcal.working_minutes(start, finish)
            if span > dur + 1:
                quirk("Start..Finish spans more project-calendar time than Duration "
                      "(split task, or a task/resource calendar)", uid)
            elif span < dur - 1:
                quirk("Start..Finish spans less project-calendar time than Duration "
                      "(task/resource calendar with other working time)", uid)
        if summary and (t.findall(NS + "PredecessorLink")):
            quirk("summary task with a link", uid)
        if ts is not None and not summary and (ts != 0) == crit and pcal is not None:
            # Critical normally means TotalSlack <= CriticalSlackLimit.
            quirk("Critical flag and TotalSlack disagree (completed tasks are not critical)", uid)
        preds = []
        for pl in t.findall(NS + "PredecessorLink"):
            ptype = LINK_TYPES.get(txt(pl, "Type", "1"), "?")
            links[ptype] += 1
            lag = int(float(txt(pl, "LinkLag", "0") or 0))
            lf = txt(pl, "LagFormat", "7")
            if lag:
                lag_formats[FORMAT_NAMES.get(lf, lf)] += 1
                if lag < 0:
                    c["negative_lag"] += 1
                if lf in ELAPSED:
                    quirk("elapsed lag", uid)
                elif lf in PERCENT:
                    quirk("percent lag", uid)
                elif lag % (mpd * 10):
                    quirk("lag not a whole number of days", uid)
            pu = txt(pl, "PredecessorUID")
            if pu in summary_uids:
                quirk("summary task with a link", pu)
            if txt(pl, "CrossProject") == "1":
                quirk("cross-project link", uid)
            preds.append("%s%s%s" % (pu, ptype, lag_text(lag, lf, mpd)))
        rows.append([
            uid, txt(t, "ID", ""), (txt(t, "Name") or "")[:28],
            "M" if manual else "-", "S" if summary else "-", "MS" if milestone else "-",
            ("%g" % round(dur / mpd, 3) if dur is not None else "?") + ("e" if dfmt in ELAPSED else ""),
            short(txt(t, "EarlyStart")), short(txt(t, "EarlyFinish")),
            short(txt(t, "LateStart")), short(txt(t, "LateFinish")),
            "%s=%s" % (ts, fmt_days(ts, mpd)) if ts is not None else "-",
            "%s=%s" % (fs, fmt_days(fs, mpd)) if fs is not None else "-",
            "1" if crit else "0",
            CONSTRAINTS.get(ctype, ctype) + ("@" + short(txt(t, "ConstraintDate")) if ctype not in ("0", "1") else ""),
            short(txt(t, "Deadline")) if txt(t, "Deadline") else "-",
            str(pct),
            " ".join(preds) or "-",
        ])
    has_succ = set()
    for t in tasks:
        for pl in t.findall(NS + "PredecessorLink"):
            has_succ.add(txt(pl, "PredecessorUID"))
    leaf = [t for t in tasks if txt(t, "UID") not in summary_uids]
    efs = [parse_dt(txt(t, "EarlyFinish")) for t in leaf]
    efs = [x for x in efs if x is not None]
    if efs and pcal is not None:
        pf = max(efs)
        for t in leaf:
            uid = txt(t, "UID")
            lf = parse_dt(txt(t, "LateFinish"))
            if uid in has_succ or lf is None:
                continue
            lo, hi = min(lf, pf), max(lf, pf)
            if pcal.working_minutes(lo, hi) != 0:
                quirk("no successor, but LateFinish is not the latest EarlyFinish", uid)
    if pcal is not None:
        wk = [sum(b - a for a, b in r) for r in
              (pcal.day_ranges(dt.date(2001, 1, 1) + dt.timedelta(days=i)) for i in range(7)) if r]
        if wk and any(m != mpd for m in wk):
            quirk("MinutesPerDay (%d) differs from the calendar's working minutes per day (%s)"
                  % (mpd, "/".join(str(m) for m in sorted(set(wk)))), "project")
        ps = parse_dt(p["StartDate"])
        if ps is not None and not pcal.is_day_start(ps):
            quirk("project StartDate is not the start of a working day", "project")
    cal_exc = sum(len(cal.exceptions) for cal in cals)
    cal_exc_new = sum(cal.n_exceptions_new for cal in cals)
    return {
        "path": path, "size": os.path.getsize(path), "writer": writer_guess(path),
        "project": p, "mpd": mpd, "calendar": pcal, "calendars": cals,
        "counts": c, "links": links, "lag_formats": lag_formats,
        "constraints": constraints, "quirks": quirks, "rows": rows,
        "null_rows": null_rows, "resources": len(res_cal) - (1 if "0" in res_cal else 0),
        "assignments": sum(len(v) for v in task_res.values()),
        "cal_exc": cal_exc, "cal_exc_new": cal_exc_new,
    }


HEAD = ["UID", "ID", "Name", "Man", "Sum", "MS", "Dur(d)", "EarlyStart", "EarlyFinish",
        "LateStart", "LateFinish", "TotalSlack", "FreeSlack", "Crit", "Constraint",
        "Deadline", "%", "Preds"]


def d(counter):
    return ", ".join("%s %d" % kv for kv in sorted(counter.items())) or "none"


def report(a, brief):
    p, c = a["project"], a["counts"]
    out = []
    out.append("== %s (%d bytes)" % (os.path.basename(a["path"]), a["size"]))
    out.append("  writer: %s; SaveVersion %s, BuildNumber %s, LastSaved %s"
               % (a["writer"], p["SaveVersion"] or "- (2002/2003 writes none)",
                  p["BuildNumber"] or "-", p["LastSaved"]))
    out.append("  StartDate %s  FinishDate %s  StatusDate %s  ScheduleFromStart %s"
               % (p["StartDate"], p["FinishDate"], p["StatusDate"] or "-", p["ScheduleFromStart"]))
    out.append("  MinutesPerDay %s  MinutesPerWeek %s  DaysPerMonth %s  HonorConstraints %s  "
               "MultipleCriticalPaths %s  CriticalSlackLimit %s"
               % (p["MinutesPerDay"], p["MinutesPerWeek"], p["DaysPerMonth"], p["HonorConstraints"],
                  p["MultipleCriticalPaths"], p["CriticalSlackLimit"]))
    cal = a["calendar"]
    if cal is not None:
        out.append("  project calendar %s '%s': %s" % (cal.uid, cal.name, cal.week_text()))
    out.append("  calendars %d; dated exceptions (WeekDay DayType=0) %d; <Exception> definitions %d"
               % (len(a["calendars"]), a["cal_exc"], a["cal_exc_new"]))
    out.append("  tasks %d (leaf %d, summary %d, milestones %d, manual %d, blank rows %d); "
               "critical leaf tasks %d; leaf TotalSlack!=0: %d (negative %d)"
               % (c["tasks"], c["leaf"], c["summary"], c["milestone"], c["manual"], a["null_rows"],
                  c["critical"], c["ts_nonzero"], c["ts_negative"]))
    out.append("  links: %s; non-zero lags by LagFormat: %s (negative %d)"
               % (d(a["links"]), d(a["lag_formats"]), c["negative_lag"]))
    out.append("  constraints: %s; deadlines %d; tasks with %% complete > 0: %d; "
               "elapsed durations %d; resources %d, assignments %d"
               % (d(a["constraints"]), c["deadline"], c["progress"], c["elapsed_dur"],
                  a["resources"], a["assignments"]))
    if a["quirks"]:
        out.append("  may differ from a day-granular CPM:")
        for k in sorted(a["quirks"]):
            uids = sorted(set(a["quirks"][k]), key=lambda x: int(x) if x.isdigit() else 0)
            if uids == ["project"]:
                out.append("    - %s" % k)
                continue
            more = " ..." if len(uids) > 12 else ""
            out.append("    - %s: %d task(s), UID %s%s" % (k, len(uids), ",".join(uids[:12]), more))
    else:
        out.append("  may differ from a day-granular CPM: nothing detected")
    if not brief and a["rows"]:
        rows = [HEAD] + a["rows"]
        w = [max(len(r[i]) for r in rows) for i in range(len(HEAD))]
        for r in rows:
            out.append("    " + "  ".join(r[i].ljust(w[i]) for i in range(len(HEAD))).rstrip())
    return "\n".join(out)


def main(argv):
    brief = "--brief" in argv
    args = [x for x in argv[1:] if x != "--brief"]
    if not args:
        args = [os.path.dirname(os.path.abspath(__file__))]
    files = []
    for x in args:
        if os.path.isdir(x):
            files += sorted(os.path.join(x, f) for f in os.listdir(x) if f.lower().endswith(".xml"))
        else:
            files.append(x)
    status = 0
    for f in files:
        try:
            print(report(analyse(f), brief))
        except (ET.ParseError, ValueError, OSError) as e:
            print("== %s: ERROR %s" % (f, e))
            status = 1
        print()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
