"""``python -m evdigest``: run the command line, then leave at once.

A build of a large digest leaves millions of objects behind; tearing the interpreter down would free
them one by one and walk them in a last garbage collection (over half a second at 1000 entries) after
the work is done. Everything the commands write is closed by then, so the process ends without it.
"""

import os
import sys

from .cli import main

code = main()
for stream in (sys.stdout, sys.stderr):
    try:
        stream.flush()
    except OSError:  # a reader that went away (``| head``): nothing more to say to it
        pass
os._exit(code)
