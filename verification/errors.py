"""Domain errors: services raise them, the API and the admin turn them into messages."""


class DomainError(Exception):
    """A request the desk understood but will not carry out; the message says why and what to do."""


class IngestError(DomainError):
    """A document could not be ingested; nothing of it was stored."""


class DocumentTooLarge(IngestError):
    """A document over the size limit; nothing of it was stored."""


class TransitionRefused(DomainError):
    """A ticket cannot move to the requested status now."""


class StaleEdit(DomainError):
    """The ticket changed after the reviewer opened it."""


class NotAllowed(DomainError):
    """The acting user lacks the permission the operation needs."""


class EvidenceInUse(DomainError):
    """The decision would leave a ticket's status without the evidence it rests on."""
