"""The first-run wizard's navigation as data (after Electrum's navmap): no widgets here.

Each step names its successor as a function of the state, says when Next is allowed (``valid``),
when the step is busy (a job running: neither Next nor Back), and whether Back is allowed. The
dialog in stockdesk.ui.wizard renders whatever this says; tests walk it without a screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from stockdesk.i18n import QT_TRANSLATE_NOOP


@dataclass
class FlowState:
    evotor_connected: bool = False
    stores_selected: int = 0
    reconstruction_started: bool = False   # a scan exists (interrupted or done): reopen mid-way
    reconstruction_done: bool = False
    reconstruction_running: bool = False
    needs_review: int = 0
    push_running: bool = False
    push_finished: bool = False
    push_later: bool = False               # the owner chose to push from the main window later
    nothing_to_push: bool = False


def _always(_: FlowState) -> bool:
    return True


def _never(_: FlowState) -> bool:
    return False


@dataclass(frozen=True)
class Step:
    title: str                                   # English source; translate in context "Wizard"
    next: Callable[[FlowState], str | None]      # None: the last step (Finish)
    valid: Callable[[FlowState], bool] = _always
    busy: Callable[[FlowState], bool] = _never
    can_go_back: Callable[[FlowState], bool] = _always


NAVMAP: dict[str, Step] = {
    "welcome": Step(
        QT_TRANSLATE_NOOP("Wizard", "Welcome"),
        next=lambda s: "connect",
        can_go_back=_never,
    ),
    "connect": Step(
        QT_TRANSLATE_NOOP("Wizard", "Connect Evotor"),
        next=lambda s: "accounts",
        valid=lambda s: s.evotor_connected,
    ),
    "accounts": Step(
        QT_TRANSLATE_NOOP("Wizard", "Other accounts"),
        next=lambda s: "stores",
    ),
    "stores": Step(
        QT_TRANSLATE_NOOP("Wizard", "Stores and history"),
        next=lambda s: "reconstruct",
        valid=lambda s: s.stores_selected > 0,
    ),
    "reconstruct": Step(
        QT_TRANSLATE_NOOP("Wizard", "Rebuilding stock"),
        next=lambda s: "review" if s.needs_review > 0 else "push",
        valid=lambda s: s.reconstruction_done,
        busy=lambda s: s.reconstruction_running,
        can_go_back=lambda s: not s.reconstruction_running,
    ),
    "review": Step(
        QT_TRANSLATE_NOOP("Wizard", "Review"),
        next=lambda s: "push",   # always allowed: undecided products simply stay unpushed
    ),
    "push": Step(
        QT_TRANSLATE_NOOP("Wizard", "Send to Evotor"),
        next=lambda s: "done",
        valid=lambda s: s.push_finished or s.push_later or s.nothing_to_push,
        busy=lambda s: s.push_running,
        can_go_back=lambda s: not s.push_running,
    ),
    "done": Step(
        QT_TRANSLATE_NOOP("Wizard", "Done"),
        next=lambda s: None,
    ),
}

FIRST = "welcome"
PAGE_IDS = tuple(NAVMAP)


@dataclass
class WizardFlow:
    state: FlowState
    navmap: dict[str, Step] = field(default_factory=lambda: NAVMAP)
    history: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.history:
            self.history = self._start_path()

    def _start_path(self) -> list[str]:
        """Welcome, or - when a reconstruction was already started - the first step not yet
        complete, with the steps before it as the Back history."""
        path = [FIRST]
        if not self.state.reconstruction_started:
            return path
        while True:
            step = self.navmap[path[-1]]
            following = step.next(self.state)
            if following is None or not step.valid(self.state) or step.busy(self.state):
                return path
            if following in ("review", "push", "done"):
                # beyond the reconstruction: the wizard reopens on it, showing its summary
                return path
            path.append(following)

    @property
    def current(self) -> str:
        return self.history[-1]

    @property
    def step(self) -> Step:
        return self.navmap[self.current]

    def is_last(self) -> bool:
        return self.step.next(self.state) is None

    def can_next(self) -> bool:
        return (not self.is_last() and self.step.valid(self.state)
                and not self.step.busy(self.state))

    def can_finish(self) -> bool:
        return self.is_last() and not self.step.busy(self.state)

    def can_back(self) -> bool:
        return (len(self.history) > 1 and self.step.can_go_back(self.state)
                and not self.step.busy(self.state))

    def next(self) -> str:
        if not self.can_next():
            raise ValueError(f"cannot leave {self.current!r} now")
        following = self.step.next(self.state)
        assert following is not None
        self.history.append(following)
        return following

    def back(self) -> str:
        if not self.can_back():
            raise ValueError(f"cannot go back from {self.current!r} now")
        self.history.pop()
        return self.current

    def position(self) -> tuple[int, int]:
        """(1-based index of the current step, number of steps) for "Step 3 of 8"."""
        return PAGE_IDS.index(self.current) + 1, len(PAGE_IDS)
