"""Views over objects that belong to a client: scoped to what the caller may see, 404 for the rest."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .permissions import OwnerOrOverseer

if TYPE_CHECKING:
    from rest_framework.permissions import _PermissionClass


class OwnerScopedMixin:
    """Serve only the caller's objects (or all, for an overseer); object-level permission on top."""

    permission_classes: Sequence["_PermissionClass"] = [OwnerOrOverseer]

    def visible_to(self, user):
        """Return the queryset of objects user may see."""
        raise NotImplementedError

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset  # the schema only needs the model
        return self.visible_to(self.request.user)
