#!/usr/bin/python3
"""Checks graph files against the clearpath JSON Schema with a real validator.

Usage:
  check_schema.py SCHEMA [--valid FILE...] [--invalid FILE...]   (each option may be repeated)

Every --valid file must validate and every --invalid file must be rejected (a file that is not
even JSON counts as rejected). Prints one line per file and exits 0 only if all expectations hold:
  ok valid graphs/minimal.json
  ok invalid tests/data/wrong-type.json: /steps/0/duration: 'three' is not valid under any ...
  FAIL valid graphs/x.json: /people/3/capacity: 2 is greater than the maximum of 1
Exit status: 0 all as expected, 1 some expectation failed, 2 usage error or unusable schema.

Uses Debian's python3-jsonschema (4.x, Draft 2020-12).
"""
import argparse
import json
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    print("error: python3-jsonschema is not installed (apt-get install python3-jsonschema)",
          file=sys.stderr)
    sys.exit(2)


def pointer(path):
    """JSON pointer of an error's instance path."""
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "/" + "/".join(parts) if parts else "/"


def one_line(text, limit=160):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def first_error(validator, path):
    """None if the file validates, else a one-line description of the first error."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        return "cannot read: %s" % e.strerror
    try:
        instance = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        return "not JSON: %s" % one_line(e)
    try:
        errors = sorted(validator.iter_errors(instance),
                        key=lambda e: (list(map(str, e.absolute_path)), e.message))
    except RecursionError:
        return "nested too deeply to validate"
    if not errors:
        return None
    best = jsonschema.exceptions.best_match(errors)
    return "%s: %s" % (pointer(best.absolute_path), one_line(best.message))


def main(argv):
    parser = argparse.ArgumentParser(
        description="Check files against the clearpath JSON Schema.")
    parser.add_argument("schema", help="the schema file (schema/clearpath.schema.json)")
    parser.add_argument("--valid", action="extend", nargs="+", default=[], metavar="FILE",
                        help="files that must validate")
    parser.add_argument("--invalid", action="extend", nargs="+", default=[], metavar="FILE",
                        help="files that must be rejected")
    args = parser.parse_args(argv)
    if not args.valid and not args.invalid:
        parser.error("give at least one --valid or --invalid file")

    try:
        with open(args.schema, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError) as e:
        print("FAIL schema %s: %s" % (args.schema, one_line(e)))
        return 2
    except jsonschema.exceptions.SchemaError as e:
        print("FAIL schema %s: not a valid draft 2020-12 schema: %s"
              % (args.schema, one_line(e.message)))
        return 2
    validator = jsonschema.Draft202012Validator(schema)

    failures = 0
    for path in args.valid:
        err = first_error(validator, path)
        if err is None:
            print("ok valid %s" % path)
        else:
            failures += 1
            print("FAIL valid %s: %s" % (path, err))
    for path in args.invalid:
        err = first_error(validator, path)
        if err is None:
            failures += 1
            print("FAIL invalid %s: accepted by the schema" % path)
        else:
            print("ok invalid %s: %s" % (path, err))

    total = len(args.valid) + len(args.invalid)
    print("%d of %d files as expected" % (total - failures, total))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
