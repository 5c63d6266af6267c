"""Care messages: placeholders, 先生/女士 with compound surnames, unknown placeholders kept."""

from __future__ import annotations

from camdesk.services.followups.templates import DEFAULT_TEMPLATES, Recipient, honorific, render


def test_the_greeting_addresses_people_as_they_expect():
    assert honorific(Recipient("王芳", "female")) == "王女士"
    assert honorific(Recipient("欧阳修", "male")) == "欧阳先生"
    assert honorific(Recipient("Ryan Walker", "male")) == "先生 Walker"
    assert honorific(Recipient("李想")) == "李想"  # gender unknown: the whole name
    assert honorific(Recipient("杭州茶业有限公司", person=False)) == "杭州茶业有限公司"


def test_a_template_fills_its_placeholders_and_keeps_unknown_ones():
    who = Recipient("司马光", "male", company="宋朝史馆")
    text = render("{honorific}，{holiday}快乐！{company} {nmae}", who, holiday="中秋节")
    assert text == "司马先生，中秋节快乐！宋朝史馆 {nmae}"
    assert render(DEFAULT_TEMPLATES["festival"], who, holiday="春节").startswith(
        "司马先生，春节快乐"
    )
