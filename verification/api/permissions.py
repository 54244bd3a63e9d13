"""Who may call what: reads are open (or need a login, by setting); writes need a token with rights."""

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS, BasePermission

from verification import roles


class ReadAnyoneWriteReviewers(BasePermission):
    """Allow reads per VERIFICATION_API_ANONYMOUS_READ; writes only to users with the view's permission."""

    message = "Writing needs a token of a user with reviewer rights."

    @staticmethod
    def allows_anonymous(method: str) -> bool:
        """Return whether a caller without a token may make a request with this method."""
        return method in SAFE_METHODS and settings.VERIFICATION_API_ANONYMOUS_READ

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return self.allows_anonymous(request.method) or bool(
                request.user and request.user.is_authenticated
            )
        required = getattr(view, "write_permission", roles.REVIEW_TICKET)
        return bool(request.user and request.user.is_authenticated and request.user.has_perm(required))


class OwnerOrOverseer(BasePermission):
    """Allow a signed-in client its own objects; others' only with the view's oversight permission.

    The views also scope their querysets the same way, so another client's object is a 404, not a 403.
    """

    message = "This belongs to another client."

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj):
        owner_id = getattr(obj, view.owner_field)
        overseer = view.oversight_permission
        return owner_id == request.user.pk or request.user.has_perm(overseer)
