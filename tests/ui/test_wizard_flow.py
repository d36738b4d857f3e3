"""The wizard's navigation, walked without any widget."""

import pytest

from stockdesk.ui.wizard_flow import NAVMAP, PAGE_IDS, FlowState, WizardFlow


def test_pages_in_issue_order():
    assert PAGE_IDS == ("welcome", "connect", "accounts", "stores", "reconstruct", "review",
                        "push", "done")
    assert all(step.title for step in NAVMAP.values())


def test_fresh_start_walk_to_the_end():
    state = FlowState()
    flow = WizardFlow(state)
    assert flow.current == "welcome" and not flow.can_back() and flow.can_next()
    assert flow.next() == "connect"
    assert not flow.can_next()                      # token not checked yet
    state.evotor_connected = True
    assert flow.next() == "accounts"
    assert flow.can_next()                          # other accounts are optional
    assert flow.next() == "stores"
    assert not flow.can_next()
    state.stores_selected = 2
    assert flow.next() == "reconstruct"
    state.reconstruction_running = True
    assert not flow.can_next() and not flow.can_back()
    state.reconstruction_running, state.reconstruction_done, state.needs_review = False, True, 3
    assert flow.can_back()
    assert flow.next() == "review"
    assert flow.can_next()                          # the owner may finish reviewing later
    assert flow.next() == "push"
    assert not flow.can_next()
    state.push_running = True
    assert not flow.can_back()
    state.push_running, state.push_finished = False, True
    assert flow.next() == "done"
    assert flow.is_last() and flow.can_finish() and not flow.can_next()
    assert flow.position() == (8, 8)


def test_review_skipped_when_everything_resolved():
    state = FlowState(evotor_connected=True, stores_selected=1, reconstruction_started=True,
                      reconstruction_done=True, needs_review=0)
    flow = WizardFlow(state)
    assert flow.current == "reconstruct"
    assert flow.next() == "push"


def test_push_later_or_nothing_to_push_allows_done():
    for changes in ({"push_later": True}, {"nothing_to_push": True}):
        state = FlowState(evotor_connected=True, stores_selected=1, reconstruction_started=True,
                          reconstruction_done=True)
        flow = WizardFlow(state)
        flow.next()
        assert flow.current == "push" and not flow.can_next()
        for key, value in changes.items():
            setattr(state, key, value)
        assert flow.next() == "done"


def test_back_returns_along_history():
    state = FlowState(evotor_connected=True)
    flow = WizardFlow(state)
    flow.next(), flow.next(), flow.next()
    assert flow.current == "stores"
    assert flow.back() == "accounts"
    assert flow.back() == "connect"
    assert flow.back() == "welcome"
    with pytest.raises(ValueError):
        flow.back()


def test_interrupted_reconstruction_reopens_on_its_page_with_history():
    state = FlowState(evotor_connected=True, stores_selected=1, reconstruction_started=True)
    flow = WizardFlow(state)
    assert flow.current == "reconstruct"
    assert flow.history == ["welcome", "connect", "accounts", "stores", "reconstruct"]
    assert flow.can_back() and not flow.can_next()


def test_reopen_without_token_starts_at_connect():
    flow = WizardFlow(FlowState(reconstruction_started=True))
    assert flow.current == "connect"


def test_not_started_always_begins_with_welcome():
    flow = WizardFlow(FlowState(evotor_connected=True, stores_selected=1))
    assert flow.current == "welcome"


def test_cannot_skip_an_invalid_step():
    flow = WizardFlow(FlowState())
    flow.next()
    with pytest.raises(ValueError):
        flow.next()
