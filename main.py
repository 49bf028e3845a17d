from bomenplan.app import main

raise SystemExit(main())
