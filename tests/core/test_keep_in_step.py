"""The keep-in-step rule (README, "Keeping in step"), one case per branch and its neighbours."""

from stockdesk.core.keep_in_step import BEHIND, DRIFT, IN_STEP, NO_VALUE, WAITING, classify, sends


def test_no_value_is_never_sent():
    for source in ("unresolved", "keep_cloud", "skip"):
        assert classify(None, source, 5000, 4000, has_known=True) == NO_VALUE
    assert not sends(NO_VALUE)


def test_the_cloud_holding_our_value_is_in_step_whatever_happened_before():
    assert classify(5000, "documents", 5000, 1000, has_known=True) == IN_STEP
    assert classify(5000, "manual", 5000, None, has_known=False) == IN_STEP
    assert not sends(IN_STEP)


def test_a_cloud_change_since_the_known_value_is_drift_and_written_back():
    assert classify(5000, "documents", 0, 5000, has_known=True) == DRIFT
    assert classify(5000, "manual", -1250, 5000, has_known=True) == DRIFT
    assert classify(5000, "documents", None, 5000, has_known=True) == DRIFT  # the value vanished
    assert classify(5000, "documents", 3000, None, has_known=True) == DRIFT  # known to be unknown, now a value
    assert sends(DRIFT)


def test_an_unchanged_cloud_behind_the_documents_gets_their_value():
    assert classify(4000, "documents", 5000, 5000, has_known=True) == BEHIND
    assert classify(4000, "documents", 5000, None, has_known=False) == BEHIND  # never known: no drift to see
    assert sends(BEHIND)


def test_a_value_the_owner_typed_waits_for_the_owners_push():
    assert classify(9000, "manual", 5000, 5000, has_known=True) == WAITING
    assert classify(9000, "manual", 5000, None, has_known=False) == WAITING
    assert not sends(WAITING)
