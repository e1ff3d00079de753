"""``python -m shapedoctor``: the same as the ``shapedoctor`` command."""

import sys

from shapedoctor.cli import main

sys.exit(main())
