"""A local Evotor cloud with a generated demo shop whose true stock is known.

Used by `stockdesk --demo`, `stockdesk sandbox`, the tests and the benchmarks.
"""

from stockdesk.sandbox.evotor_server import EvotorSandbox, Faults
from stockdesk.sandbox.evotor_shop import DEMO_TOKEN, Shop, ShopSpec, StoreData, generate_shop
from stockdesk.sandbox.runner import RunningSandbox, sandboxes_of, serve_forever, start_in_process, start_in_thread

__all__ = ["DEMO_TOKEN", "EvotorSandbox", "Faults", "RunningSandbox", "Shop", "ShopSpec", "StoreData",
           "generate_shop", "sandboxes_of", "serve_forever", "start_in_process", "start_in_thread"]
