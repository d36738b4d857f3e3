"""StockDesk: rebuilds Evotor stock from terminal documents and keeps sales channels in step."""

__version__ = "0.1.0"
