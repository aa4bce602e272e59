"""Run by the Windows CPython under wine (tools/windows/toolchain.sh): is the unpacked site-packages whole?

Arguments: the exact pins that were unpacked. Checks that each is installed at that version and that
every requirement of every installed distribution (markers evaluated here, on Windows) is satisfied,
as `pip check` would; exits 1 with the list of problems otherwise.
"""

import sys
from importlib import metadata

from packaging.requirements import Requirement

installed = {d.metadata["Name"].lower().replace("_", "-"): d for d in metadata.distributions()}
problems = []
for pin in sys.argv[1:]:
    name, version = pin.split("==")
    dist = installed.get(name.lower().replace("_", "-"))
    if dist is None or dist.version != version:
        problems.append(f"{pin}: found {dist.version if dist else 'nothing'}")
for dist in installed.values():
    for text in dist.requires or []:
        req = Requirement(text)
        if req.marker and not req.marker.evaluate({"extra": ""}):
            continue
        have = installed.get(req.name.lower().replace("_", "-"))
        if have is None or not req.specifier.contains(have.version, prereleases=True):
            problems.append(f"{dist.metadata['Name']} needs {req}: found {have.version if have else 'nothing'}")
if problems:
    sys.exit("site-packages incomplete:\n  " + "\n  ".join(problems))
print(f"site-packages ok: {len(installed)} distributions, every requirement satisfied on {sys.platform}")
