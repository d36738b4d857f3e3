from stockdesk.cli import main

raise SystemExit(main())
