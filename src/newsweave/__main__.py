"""``python -m newsweave``."""

import sys

from newsweave.cli import main

sys.exit(main())
