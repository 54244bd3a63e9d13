"""Who may call what: reads are open (or need a login, by setting); writes need a token with rights."""

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS, BasePermission


class ReadAnyoneWriteReviewers(BasePermission):
    """Allow reads per VERIFICATION_API_ANONYMOUS_READ; writes only to users with the view's permission."""

    message = "Writing needs a token of a user with reviewer rights."

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return settings.VERIFICATION_API_ANONYMOUS_READ or bool(
                request.user and request.user.is_authenticated
            )
        required = getattr(view, "write_permission", "verification.change_ticket")
        return bool(request.user and request.user.is_authenticated and request.user.has_perm(required))
