import sys

from scjg.penalties.review import main

sys.exit(main())
