"""python -m geodata: see geodata.cli."""

import sys

from geodata.cli import main

sys.exit(main())
