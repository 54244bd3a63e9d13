"""Factories for documents, tickets, appearances and candidates, for tests that need many rows."""

import factory

from verification.choices import Stance
from verification.models import Appearance, CandidateSource, Document, Passage, Ticket

SENTENCE = "Officials said that troops destroyed {n} tanks near the river on Monday."


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Report {n}")
    publisher = "Wire"
    url = factory.Sequence(lambda n: f"https://news.example.org/report-{n}")
    text = factory.Sequence(lambda n: SENTENCE.format(n=n))
    original = factory.SelfAttribute("text")
    content_hash = factory.Sequence(lambda n: f"{n:064x}")


class PassageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Passage

    document = factory.SubFactory(DocumentFactory)
    ordinal = 0
    start = 0
    end = factory.LazyAttribute(lambda p: len(p.document.text))
    text = factory.LazyAttribute(lambda p: p.document.text)


class TicketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ticket

    claim_text = factory.Sequence(lambda n: SENTENCE.format(n=n))
    claim_key = factory.Sequence(lambda n: f"{n:064x}")
    claimant = "Officials"
    checkworthiness = 0.8


class AppearanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appearance

    ticket = factory.SubFactory(TicketFactory)
    document = factory.SubFactory(DocumentFactory)
    start = 0
    end = factory.LazyAttribute(lambda a: len(a.document.text))


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidateSource

    ticket = factory.SubFactory(TicketFactory)
    passage = factory.SubFactory(PassageFactory)
    score = 0.5
    stance = Stance.SUPPORTS


def ticket_with_evidence(*, supporting: int = 2, contradicting: int = 1) -> Ticket:
    """Return a ticket that appears in one document and has candidates from others."""
    ticket = TicketFactory()
    AppearanceFactory(ticket=ticket)
    CandidateFactory.create_batch(supporting, ticket=ticket, stance=Stance.SUPPORTS)
    CandidateFactory.create_batch(contradicting, ticket=ticket, stance=Stance.CONTRADICTS)
    return ticket
