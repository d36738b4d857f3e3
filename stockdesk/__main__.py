import multiprocessing

from stockdesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the frozen app starts its database process through itself
    raise SystemExit(main())
