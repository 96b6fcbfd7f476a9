"""Offices: ``managing director of`` and ``spokesperson of`` facts from the roles :mod:`persons` found."""

from __future__ import annotations

import re

from clustergraph.extract.context import ORG_TYPES, Context
from clustergraph.extract.modality import blocked
from clustergraph.extract.names import clean_name
from clustergraph.extract.relations import _evidence, sentence_date
from clustergraph.extract.resolve import Referent
from clustergraph.extract.subjects import GENERIC_ORG

# "Sprecher Prof. X von der Universität Y", "Jane Roe of Z University": where the person works, not their office
_AFFILIATION = re.compile(r"^\s*,?\s*(?:von\s+der|von\s+dem|vom|von|aus\s+der|aus\s+dem|aus|an\s+der|am|"
                          r"of\s+the|of|from\s+the|from|at\s+the|at)\s+$")


def roles(ctx: Context) -> None:
    for info, role in ctx.roles:
        if not role.current:
            continue
        s, e = info.rel(role.person_span[0]), info.rel(role.person_span[1])
        if blocked(info.text, s, e, allow_prospect=True):
            continue
        org = None
        confidence = role.confidence
        if role.org_span is not None:
            os_, oe = role.org_span
            for m in info.mentions:
                if m.type in ORG_TYPES + ("Ministry", "Programme") and m.start < oe and os_ < m.end and m.start >= os_ - 1:
                    org = m.ref
                    break
            if org is None and role.org_text:
                text = role.org_text.strip()
                if GENERIC_ORG.match(text):
                    org = info.block or ctx.subject
                elif text.rstrip("-").lower() in {a.lower() for a in _names(ctx.subject)}:
                    org = ctx.subject
                else:
                    org = ctx.registry.known(clean_name(text))
        elif role.org_text is None:
            named = list(dict.fromkeys(m.ref for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                                       and not _AFFILIATION.match(info.text[e:info.rel(m.start)])))
            org = named[0] if len(named) == 1 and info.block is None else (info.block or ctx.subject)
            confidence = min(confidence, 0.7)
        if org is None or org.type not in ORG_TYPES:
            continue
        person = ctx.registry.get(role.person, "Person", use_gazetteer=False)
        date = sentence_date(info, s) or ctx.issued
        ctx.add(person, role.role, org, _evidence(info), confidence, date)


def _names(ref: Referent | None) -> list[str]:
    return [] if ref is None else [ref.name, *ref.aliases]
