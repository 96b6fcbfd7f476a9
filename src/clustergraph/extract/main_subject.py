"""Which organisation and which programme an announcement is about.

The announcement's own cluster is what ``das Netzwerk``, ``der Cluster``, ``wir`` and ``the cluster``
stand for (see :mod:`clustergraph.extract.arguments`), so a wrong choice moves every such fact to
the wrong organisation. The cues, strongest first:

1. the subject of the headline's verb (``X wird go-cluster``), found in pass one;
2. the publisher's own box (``Über X``, ``About X``);
3. the cluster named most often, when it is the only one or named clearly more often than any
   other (junk names such as ``Trägervereins`` are kept out of the count by
   :func:`clustergraph.extract.names.organisation_name`).

When none applies (a digest of several clusters, a joint announcement of two) there is no main
subject and an anaphor is resolved only inside its item (:mod:`clustergraph.extract.discourse`).
"""

from __future__ import annotations

from collections import Counter

from clustergraph.extract.context import ORG_TYPES, Context
from clustergraph.extract.resolve import Referent, Registry


def _cluster_counts(ctx: Context) -> Counter:
    return Counter(m.ref for i in ctx.infos for m in i.mentions if m.type == "Cluster" and m.kind == "name")


def main_subject(ctx: Context, found: dict) -> Referent | None:
    """The organisation the announcement is about, or ``None`` when it is about several."""
    subject = found.get("title_subject")
    if subject is not None:
        subject = Registry.final(subject)
        if subject.type in ORG_TYPES:
            return subject
    for _, ref in found["about"]:
        ref = Registry.final(ref)
        if ref.type in ORG_TYPES:
            return ref
    counts = _cluster_counts(ctx)
    if not counts:
        return _title_organisation(ctx)
    ranked = counts.most_common(2)
    ref, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    # two clusters named about equally often (a joint announcement): "das Netzwerk" could be either
    if len(counts) == 1 or (count >= 3 and count >= 2 * runner_up):
        return ref
    return None


def main_programme(ctx: Context) -> Referent | None:
    """The programme the headline names, else the one named most often."""
    for info in ctx.infos:
        if info.is_title:
            progs = [m.ref for m in info.mentions if m.type == "Programme"]
            if progs:
                return progs[0]
    counts = Counter(m.ref for i in ctx.infos for m in i.mentions if m.type == "Programme" and m.kind == "name")
    return counts.most_common(1)[0][0] if counts else None


def _title_organisation(ctx: Context) -> Referent | None:
    """A headline that is only an organisation's name (a profile page or a social post under the
    poster's name: ``Cleantech Delta`` over ``We're proud to welcome ...``) names who speaks."""
    for info in ctx.infos:
        if not info.is_title:
            continue
        names = [m for m in info.mentions if m.kind == "name" and m.type in ORG_TYPES
                 and info.text.strip() == info.text[info.rel(m.start):info.rel(m.end)].strip()]
        if names:
            ref = Registry.final(names[0].ref)
            return ref if ref.entry is None else None
    return None
