"""Checks that the locks agree with the declared requirements, offline (run by `make test`).

Declared (edited by hand)  ->  lock (written by `make lock`)
    requirements.in        ->  requirements.txt       (runtime; the Dockerfile installs it)
    requirements-dev.in    ->  requirements-dev.txt   (runtime + tests and tools; `make` installs it)

It fails when a declared file changed since its lock was made (the lock's header keeps a digest of
the declared requirements), when a declared requirement is missing from its lock or pinned at a
version outside its specifier, when an entry is not pinned with `==` and hashes, when the two locks
pin a package differently, or when a package installed here from the lock needs a package (extras
included: justext asks for lxml[html_clean]) that the lock leaves out.

    python scripts/check_lock.py          check
    python scripts/check_lock.py --stamp  write the digests into the locks (`make lock` does)
"""

import hashlib
import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCKS = {"requirements.txt": "requirements.in", "requirements-dev.txt": "requirements-dev.in"}
STAMP = "# inputs-digest: "
FIX = "Run `make lock` (it needs PyPI) and commit the requirements*.txt files it rewrites."


def logical_lines(path):
    """The lines of a requirements file, continuations joined, comments dropped."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    for line in text.splitlines():
        line = re.sub(r"(^|\s)#.*", "", line).strip()
        if line:
            yield line


def declared(name):
    """The requirements of a declared file, following `-r` includes, in order."""
    found = []
    for line in logical_lines(ROOT / name):
        if line.startswith(("-r ", "--requirement ")):
            found += declared(line.split(None, 1)[1])
        elif line.startswith("-"):
            continue
        else:
            found.append((name, Requirement(line)))
    return found


def digest(requirements):
    """Comments, order, spacing and name spelling don't count; names, extras, specifiers and markers do."""
    canonical = sorted(
        "{}[{}]{};{}".format(
            canonicalize_name(req.name),
            ",".join(sorted(canonicalize_name(e) for e in req.extras)),
            ",".join(sorted(str(s) for s in req.specifier)),
            req.marker or "",
        )
        for _, req in requirements
    )
    return "sha256:" + hashlib.sha256("\n".join(canonical).encode()).hexdigest()


def read_lock(name, problems):
    """{canonical name: [(version, marker)]} and the stamped digest of one lock."""
    pins, stamp = {}, None
    for raw in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if raw.startswith(STAMP):
            stamp = raw[len(STAMP) :].split()[0]
    for line in logical_lines(ROOT / name):
        if line.startswith("-"):
            continue
        hashes = re.findall(r"--hash=\S+", line)
        req = Requirement(re.sub(r"--hash=\S+", "", line).strip())
        spec = list(req.specifier)
        if len(spec) != 1 or spec[0].operator != "==" or not hashes:
            problems.append(f"{name}: `{req}` is not pinned with `==` and hashes")
            continue
        pins.setdefault(canonicalize_name(req.name), []).append((Version(spec[0].version), req.marker))
    return pins, stamp


def check_declared(lock, pins, requirements, problems):
    for source, req in requirements:
        entries = pins.get(canonicalize_name(req.name))
        if not entries:
            problems.append(f"{source} declares {req}, which {lock} does not pin")
        for version, _ in entries or ():
            if not req.specifier.contains(version, prereleases=True):
                problems.append(f"{source} declares {req}, but {lock} pins {req.name}=={version}")


def check_same_pins(runtime, dev, problems):
    for name, entries in runtime.items():
        if sorted(v for v, _ in entries) != sorted(v for v, _ in dev.get(name, [])):
            problems.append(f"requirements.txt and requirements-dev.txt pin {name} differently")


def applies(marker, extras=("",)):
    return marker is None or any(marker.evaluate({"extra": extra}) for extra in extras)


def check_closed(lock, pins, requirements, problems):
    """Every dependency that a locked package installed here declares (with the extras it is asked
    for, markers evaluated for this machine) is pinned too, at a version that satisfies it."""
    here = {name: [v for v, m in entries if applies(m)] for name, entries in pins.items()}
    wanted = {name: {""} for name, versions in here.items() if versions}
    for _, req in requirements:
        if applies(req.marker):
            wanted.setdefault(canonicalize_name(req.name), {""}).update(
                canonicalize_name(e) for e in req.extras
            )
    pending = list(wanted)
    while pending:
        name = pending.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # not installed here: only what this environment holds can be read offline
        if Version(dist.version) not in here.get(name, []):
            continue  # installed at another version than this lock's: its metadata would mislead
        for text in dist.requires or []:
            dep = Requirement(text)
            if not applies(dep.marker, wanted[name]):
                continue
            dep_name = canonicalize_name(dep.name)
            if not any(dep.specifier.contains(v, prereleases=True) for v in here.get(dep_name, [])):
                wants = f"{dep.name}{dep.specifier}"
                problems.append(
                    f"{lock} lacks {wants}, which {dist.metadata['Name']} {dist.version} requires"
                )
                continue
            new_extras = {canonicalize_name(e) for e in dep.extras} - wanted.setdefault(dep_name, {""})
            if new_extras:  # read that package again, now with these extras asked for
                wanted[dep_name] |= new_extras
                pending.append(dep_name)


def main(argv):
    if argv == ["--stamp"]:
        for lock, source in LOCKS.items():
            path = ROOT / lock
            lines = [x for x in path.read_text(encoding="utf-8").splitlines() if not x.startswith(STAMP)]
            at = next(i for i, x in enumerate(lines) if not x.startswith("#"))
            lines.insert(at, f"{STAMP}{digest(declared(source))} of {source} (scripts/check_lock.py)")
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return 0
    problems, pins = [], {}
    for lock, source in LOCKS.items():
        requirements = declared(source)
        pins[lock], stamp = read_lock(lock, problems)
        if stamp != digest(requirements):
            problems.append(f"{source} has changed since {lock} was locked")
        check_declared(lock, pins[lock], requirements, problems)
        check_closed(lock, pins[lock], requirements, problems)
    check_same_pins(pins["requirements.txt"], pins["requirements-dev.txt"], problems)
    if problems:
        print(
            "The locks disagree with the declared requirements:",
            *dict.fromkeys(problems),
            FIX,
            sep="\n  ",
            file=sys.stderr,
        )
        return 1
    print(
        f"Locks agree with the declared requirements ({len(pins['requirements-dev.txt'])} packages pinned)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
