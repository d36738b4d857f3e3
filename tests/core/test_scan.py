from datetime import datetime, timezone

from stockdesk.core.scan import (STOP_ALL_RESOLVED, STOP_COMPLETE_INVENTORY, ScanTracker, boundary,
                                 month_windows, stop_boundary)


def ms(y, m, d=1):
    return int(datetime(y, m, d, tzinfo=timezone.utc).timestamp() * 1000)


def test_month_windows_cover_the_range_newest_first_without_gaps():
    windows = month_windows(ms(2025, 11, 15), ms(2026, 2, 10))
    assert windows == [(ms(2026, 2), ms(2026, 2, 10)), (ms(2026, 1), ms(2026, 2)),
                       (ms(2025, 12), ms(2026, 1)), (ms(2025, 11, 15), ms(2025, 12))]


def test_boundary_is_the_contiguous_done_prefix():
    assert boundary([(30, True), (20, True), (10, False), (0, True)]) == 20
    assert boundary([(30, False), (20, True)]) is None


def test_products_settle_once_their_newest_document_is_past_the_boundary():
    t = ScanTracker({"a": 0, "b": 0})
    t.see_movement("a", 25)
    assert t.stop_reason(20) is None and t.settled(20) == 1
    t.see_movement("b", 21)
    assert t.stop_reason(20) == STOP_ALL_RESOLVED
    # A document seen out of window order below the boundary does not settle a product.
    t2 = ScanTracker({"a": 0})
    t2.see_movement("a", 5)
    assert t2.stop_reason(20) is None


def test_complete_inventory_stops_the_scan_and_covers_older_products():
    t = ScanTracker({"old": 0, "new": 50})
    t.see_complete_inventory(30)
    assert t.newest == {"old": 30}
    assert t.stop_reason(40) is None
    assert t.stop_reason(30) == STOP_COMPLETE_INVENTORY


def test_stop_boundary_does_not_depend_on_how_far_reading_went():
    # Windows newest first: 30, 20, 10, 0. Product "a" settles at 20; "b" only further back.
    def tracker_after(read_windows):
        t = ScanTracker({"a": 0, "b": 0})
        docs = {30: [("a", 35)], 20: [("b", 25)], 10: [("a", 12)], 0: [("b", 5)]}
        for since in read_windows:
            for product, close in docs[since]:
                t.see_movement(product, close)
        return t

    windows = [30, 20, 10, 0]
    # An uninterrupted run may stop right at 20; a resumed one may have read 10 and 0 already.
    short = tracker_after([30, 20])
    long = tracker_after([30, 20, 10, 0])
    assert stop_boundary(short, [(w, w >= 20) for w in windows]) == 20
    assert stop_boundary(long, [(w, True) for w in windows]) == 20
    # A gap in the read windows: the rule is not known to hold yet.
    assert stop_boundary(tracker_after([30, 10]), [(30, True), (20, False), (10, True)]) is None
