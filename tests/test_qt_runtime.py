"""The Qt binding must not corrupt the interpreter under the event loop the window uses."""

import sys

from PySide6 import QtCore


def test_socket_notifiers_and_timers_keep_none_alive(qapp):
    # PySide6 6.12.0 on CPython 3.11 dropped a reference to None on each call; qasync makes these
    # calls on every socket event, so the app crashed after a few thousand events.
    # (qapp: the one QApplication of the test session; a bare QCoreApplication would break widget tests.)
    notifier = QtCore.QSocketNotifier(0, QtCore.QSocketNotifier.Type.Read)
    timer_owner = QtCore.QObject()
    before = sys.getrefcount(None)
    for i in range(20_000):
        notifier.setEnabled(i % 2 == 0)
        timer_owner.killTimer(timer_owner.startTimer(1000))
    assert sys.getrefcount(None) - before > -1000
