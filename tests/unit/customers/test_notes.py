"""Notes are dated entries of the contact log: an old notes field is kept as the first one,
and a spreadsheet's notes cell adds a note instead of overwriting anything."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text, update

from camdesk.migrate import alembic_config
from camdesk.models import Customer
from camdesk.services.customers.files import get_customer
from camdesk.services.customers.interactions import list_interactions
from camdesk.services.customers.notes import NOTE_BREAK, new_notes, notes_of
from tests.factories import make_customer


def test_the_notes_field_of_an_older_database_becomes_the_first_note(db, actor):
    kept = make_customer(db, actor, name="王芳")
    blank = make_customer(db, actor, name="李雷")
    with db.write() as session:
        session.execute(update(Customer).where(Customer.id == kept.id)
                        .values(notes="展会上认识，对新品感兴趣\n  第二行"))  # fmt: skip
        session.execute(update(Customer).where(Customer.id == blank.id).values(notes="  "))
    config = alembic_config()
    with db.engine.begin() as conn:  # the database as revision 0010 left it, then upgraded
        config.attributes["connection"] = conn
        command.downgrade(config, "0010")
        command.upgrade(config, "head")
    entries = list_interactions(db, kept.id)
    assert [(e.kind, e.notes) for e in entries] == [("note", "展会上认识，对新品感兴趣\n  第二行")]
    assert entries[0].occurred_at == get_customer(db, kept.id).created_at
    assert list_interactions(db, blank.id) == []
    with db.read() as session:
        assert session.execute(text("SELECT COUNT(*) FROM customer WHERE notes IS NOT NULL")
                               ).scalar_one() == 0  # fmt: skip


def test_a_note_is_new_unless_the_customer_has_its_text(db, actor):
    from datetime import UTC, datetime

    from camdesk.services.customers.interactions import log_interaction

    wang = make_customer(db, actor, name="王芳").id
    for text_ in ("老客户", "喜欢绿茶"):
        log_interaction(db, wang, actor, kind="note", notes=text_,
                        occurred_at=datetime.now(UTC))  # fmt: skip
    with db.read() as session:
        assert notes_of(session, [wang]) == {wang: ["老客户", "喜欢绿茶"]}
        joined = NOTE_BREAK.join(["老客户", "喜欢绿茶"])  # as an export writes them
        assert new_notes(session, [(wang, "老客户"), (wang, joined), (wang, "新备注"),
                                   (wang, "新备注"), (wang, "")]) == [(wang, "新备注")]  # fmt: skip
