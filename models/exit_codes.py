"""Process exit codes of the command-line modes (``--print-summary``, ``--export-json``, ``--self-test``).

One table for every mode, so a script can tell a usage error from a full disk from a damaged install.
"""

OK = 0
FAILED = 1  # --self-test: at least one check failed
USAGE = 2  # bad or empty arguments (argparse also exits 2)
WRITE = 3  # the output file or report could not be written; an existing file is untouched
CONTENT = 4  # the content database is missing, of another schema or damaged inside (reinstall)
