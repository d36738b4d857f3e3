from hypothesis import given, settings
from hypothesis import strategies as st

from stockdesk.core import reconstruct as rules
from stockdesk.core.documents import STOCK_SIGN, Movement


def mv(doc_id, close, doc_type, s0, q, klass="", pid="p"):
    sign = STOCK_SIGN.get(doc_type)
    after = q if sign is None else s0 + sign * q
    return Movement(pid, doc_id, doc_type, close, "dev", None, s0, q, after, klass)


def test_newest_document_decides_not_the_order_given():
    seq = [mv("a", 1, "ACCEPT", 0, 10_000), mv("b", 2, "SELL", 10_000, 3_000)]
    o = rules.outcome(sorted(seq[::-1], key=lambda m: m.order_key), {})
    assert (o.status, o.value, o.rule, o.mismatches) == ("resolved", 7_000, "SELL", 0)


def test_no_documents_is_unresolved():
    assert rules.outcome([], {}).reason == rules.NO_DOCUMENTS


def test_mismatch_between_documents_is_recorded_but_newest_wins():
    seq = [mv("a", 1, "ACCEPT", 0, 10_000), mv("b", 2, "SELL", 8_000, 1_000)]  # 2 vanished off the books
    o = rules.outcome(seq, {})
    assert o.value == 7_000 and o.mismatches == 1
    assert o.mismatch_detail[0]["expected"] == 10_000 and o.mismatch_detail[0]["found"] == 8_000


def test_complete_inventory_zeroes_unlisted_products_created_before_it():
    inv = [("inv", 5)]
    older = rules.with_complete_inventories([mv("a", 1, "ACCEPT", 0, 4_000)], "p", created_ms=0, inventories=inv)
    o = rules.outcome(older, {})
    assert (o.value, o.rule) == (0, rules.UNLISTED_IN_INVENTORY)
    # Created after the inventory: untouched by it.
    newer = rules.with_complete_inventories([], "p", created_ms=9, inventories=inv)
    assert rules.outcome(newer, {}).reason == rules.NO_DOCUMENTS
    # Listed in it: its counted quantity stands, no synthetic zero.
    listed = rules.with_complete_inventories([mv("inv", 5, "INVENTORY", 3_000, 2_000)], "p", 0, inv)
    assert rules.outcome(listed, {}).value == 2_000
    # A sale after the inventory starts from its zero, consistently.
    after = rules.with_complete_inventories([mv("s", 7, "SELL", 0, 1_000)], "p", 0, inv)
    o = rules.outcome(after, {})
    assert (o.value, o.mismatches) == (-1_000, 0)


def test_uncertain_newest_receipt_goes_to_review_unless_history_teaches():
    seq = [mv("a", 1, "ACCEPT", 0, 5_000), mv("b", 2, "SELL", 5_000, 1_000, klass="settlement:PREPAYMENT_FULL")]
    o = rules.outcome(seq, {})
    assert (o.status, o.reason) == ("unresolved", rules.UNCERTAIN_EFFECT)
    assert rules.outcome(seq, {"settlement:PREPAYMENT_FULL": rules.STAYS}).value == 5_000
    moved = rules.outcome(seq, {"settlement:PREPAYMENT_FULL": rules.MOVES})
    assert (moved.value, moved.rule) == (4_000, "learned:settlement:PREPAYMENT_FULL")


def history(klass_effect_moves: bool, n: int) -> list[Movement]:
    """A product with n prepayment receipts, each followed by a full sale."""
    seq, stock, t = [], 100_000, 0
    for i in range(n):
        t += 1
        pre = mv(f"pre{i}", t, "SELL", stock, 1_000, klass="settlement:PREPAYMENT_FULL")
        seq.append(pre)
        stock = pre.after if klass_effect_moves else stock
        t += 1
        sale = mv(f"s{i}", t, "SELL", stock, 2_000)
        seq.append(sale)
        stock = sale.after
    return seq


def test_learning_from_the_shops_own_history():
    assert rules.learn(rules.evidence(history(False, 5))) == {"settlement:PREPAYMENT_FULL": rules.STAYS}
    assert rules.learn(rules.evidence(history(True, 5))) == {"settlement:PREPAYMENT_FULL": rules.MOVES}
    # Too little evidence, or contradicting evidence: no verdict.
    assert rules.learn(rules.evidence(history(False, 2))) == {"settlement:PREPAYMENT_FULL": None}
    mixed = rules.evidence(history(False, 3)) + rules.evidence(history(True, 3))
    assert rules.learn(mixed) == {"settlement:PREPAYMENT_FULL": None}


def test_learned_verdict_removes_false_mismatches():
    seq = history(False, 4)
    assert rules.outcome(seq, {}).mismatches == 0  # unknown: not checked
    assert rules.outcome(seq, {"settlement:PREPAYMENT_FULL": rules.STAYS}).mismatches == 0
    assert rules.outcome(seq, {"settlement:PREPAYMENT_FULL": rules.MOVES}).mismatches == 4


# --- property: any consistent history reconstructs the true final stock --------------------------

step = st.tuples(
    st.sampled_from(["ACCEPT", "PAYBACK", "BUY", "SELL", "WRITE_OFF", "RETURN", "BUYBACK", "INVENTORY", "EDIT"]),
    st.integers(min_value=0, max_value=50_000_000),  # thousandths, 3 decimals
)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-10_000_000, max_value=10_000_000), st.lists(step, min_size=1, max_size=40),
       st.randoms(use_true_random=False))
def test_random_histories_reconstruct_exactly(start, steps, rnd):
    truth, seq, t = start, [], 0
    for i, (kind, q) in enumerate(steps):
        t += rnd.randint(1, 10**6)
        if kind == "EDIT":  # a change outside the terminals: no document, shows as a mismatch only
            truth += q - 25_000_000
            continue
        m = mv(f"d{i}", t, kind, truth, q)
        seq.append(m)
        truth = m.after
    if not seq:
        return
    shuffled = sorted(seq, key=lambda m: rnd.random())
    o = rules.outcome(sorted(shuffled, key=lambda m: m.order_key), {})
    assert o.status == "resolved"
    assert o.value == seq[-1].after
    # With no out-of-band edits after the last document, that is the truth.
    last_doc_index = max(i for i, (kind, _) in enumerate(steps) if kind != "EDIT")
    if all(kind != "EDIT" for kind, _ in steps[last_doc_index:]):
        assert o.value == truth
