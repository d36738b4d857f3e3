"""The StockDesk window (PySide6 + qasync): a thin layer over stockdesk.jobs, no business rules."""
