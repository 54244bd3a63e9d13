"""Settings for production: real servers named by the environment, never the embedded ones."""

import os

from django.core.exceptions import ImproperlyConfigured

# Checked before base is imported, so production never falls back to embedded servers.
_missing = [name for name in ("DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL") if not os.environ.get(name)]
if _missing:
    raise ImproperlyConfigured(f"Production needs {', '.join(_missing)} in the environment.")

from .base import *  # noqa: E402,F403

DEBUG = False
# The ledger (reviewers, rationales, evidence) is not public unless an operator says so.
VERIFICATION_API_ANONYMOUS_READ = env_bool("VERIFICATION_API_ANONYMOUS_READ", False)  # noqa: F405
# Payloads carry the desk's verdicts and are signed; they travel over TLS unless an operator says so.
VERIFICATION_WEBHOOK_REQUIRE_HTTPS = env_bool("VERIFICATION_WEBHOOK_REQUIRE_HTTPS", True)  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
