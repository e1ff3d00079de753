"""``python -m shapedoctor.explain [FILE] [--json]``: the explain command on its own."""

import sys

from shapedoctor.explain.command import main

sys.exit(main())
