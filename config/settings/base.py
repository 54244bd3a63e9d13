"""Settings shared by every environment; everything that differs comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from kombu import Exchange, Queue

from config import embedded
from verification import logcontext

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# The sentence encoder of the `semantic` extra ships inside its package: never reach for a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean from the environment ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-local-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "health_check",
    "django_celery_beat",
    "verification",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A lost database or Redis answers 503 with Retry-After, never a 500.
    "verification.api.unavailable.ServiceUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# PostgreSQL everywhere: a real server from DATABASE_URL, else the embedded one. The embedded
# servers are started by the entry points (config.embedded.start_for_settings), never here, so
# importing the settings starts nothing.
DATABASE_URL = os.environ.get("DATABASE_URL")
VERIFICATION_EMBEDDED_POSTGRES = not DATABASE_URL
DATABASES = {
    "default": (
        dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
        if DATABASE_URL
        else embedded.postgres_placeholder()
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / ".local" / "static"

# Redis: a real server from REDIS_URL, else the embedded one.
VERIFICATION_EMBEDDED_REDIS = not os.environ.get("REDIS_URL")
REDIS_URL = os.environ.get("REDIS_URL") or embedded.redis_socket_url()

# The cache (API throttling counts) lives in the same Redis, so every web process shares it.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": embedded.redis_client_url(REDIS_URL),
        "KEY_PREFIX": "verification",
    }
}

CELERY_BROKER_URL = REDIS_URL
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
# Every task is idempotent: one whose worker died mid-run goes back to the queue at once.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The longest task may run VERIFICATION_TASK_TIME_LIMIT seconds; the broker hands an unacknowledged
# message to another worker after the visibility timeout, so it sits just above that limit: a
# worker killed outright has its tasks back within minutes, never while they still run.
CELERY_TASK_TIME_LIMIT = int(os.environ.get("VERIFICATION_TASK_TIME_LIMIT", "300"))
CELERY_TASK_SOFT_TIME_LIMIT = max(1, CELERY_TASK_TIME_LIMIT * 4 // 5)
VERIFICATION_VISIBILITY_TIMEOUT = int(
    os.environ.get("VERIFICATION_VISIBILITY_TIMEOUT", str(CELERY_TASK_TIME_LIMIT + 60))
)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": VERIFICATION_VISIBILITY_TIMEOUT,
    # Look for abandoned messages several times per timeout rather than every hundred seconds.
    "unacked_restore_interval": max(1, min(10, VERIFICATION_VISIBILITY_TIMEOUT // 6)),
    "unacked_restore_throttle": 1,
}
# Beat's sweep re-queues (or fails, with the reason) runs still running this long after they
# started, when even the broker's redelivery did not finish them, or queued this long.
VERIFICATION_STUCK_RUNNING_AFTER = timedelta(
    seconds=int(os.environ.get("VERIFICATION_STUCK_RUNNING_AFTER", str(2 * VERIFICATION_VISIBILITY_TIMEOUT)))
)
# Generous: a bulk backlog of thousands of re-checks legitimately waits hours.
VERIFICATION_STUCK_QUEUED_AFTER = timedelta(
    seconds=int(os.environ.get("VERIFICATION_STUCK_QUEUED_AFTER", str(6 * 3600)))
)
# One queue per kind of wait (verification/services/dispatch.py): ingest and extraction,
# webhooks, interactive re-runs and the outbox relay, bulk corroboration; a prefix keeps two
# desks (or the test suite) on one Redis apart.
VERIFICATION_QUEUE_PREFIX = os.environ.get("VERIFICATION_QUEUE_PREFIX", "")
# Each queue has its own exchange and key: left to Celery's defaults, all four would be bound to
# the default queue's key, and a message sent to one would be copied into every one of them.
_QUEUES = [f"{VERIFICATION_QUEUE_PREFIX}{name}" for name in ("ingest", "webhooks", "interactive", "bulk")]
CELERY_TASK_QUEUES = [Queue(name, Exchange(name, type="direct"), routing_key=name) for name in _QUEUES]
CELERY_TASK_DEFAULT_QUEUE = f"{VERIFICATION_QUEUE_PREFIX}bulk"
CELERY_TASK_ROUTES = {
    f"verification.tasks.{task}": {"queue": f"{VERIFICATION_QUEUE_PREFIX}{queue}"}
    for task, queue in (
        ("document_extract", "ingest"),
        ("document_recheck_open_tickets", "ingest"),
        ("webhook_delivery_attempt", "webhooks"),
        ("source_poll", "ingest"),
        ("page_ingest", "ingest"),
        ("outbox_relay", "interactive"),
        ("job_runs_reap_stuck", "interactive"),
    )
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The schedule lives in the database, editable in the admin; its defaults are defined once in
# verification/schedule.py and written by the migrations.
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Log lines as text, or as one JSON object per line for a log collector ("json").
VERIFICATION_LOG_FORMAT = os.environ.get("VERIFICATION_LOG_FORMAT", "plain")
# The worker's own lines carry the job and ticket too; JSON logging keeps the settings' handler.
CELERY_WORKER_LOG_FORMAT = "[%(asctime)s: %(levelname)s/%(processName)s]%(context)s %(message)s"
CELERY_WORKER_TASK_LOG_FORMAT = (
    "[%(asctime)s: %(levelname)s/%(processName)s] %(task_name)s[%(task_id)s]%(context)s: %(message)s"
)
CELERY_WORKER_HIJACK_ROOT_LOGGER = VERIFICATION_LOG_FORMAT != "json"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "verification.api.authentication.CachedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["verification.api.permissions.ReadAnyoneWriteReviewers"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Cursor pages over the primary key: stable while rows are added, no COUNT over the table.
    "DEFAULT_PAGINATION_CLASS": "verification.api.pagination.IdCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "verification.api.schema.DeskAutoSchema",
    # The API speaks JSON (document submissions also take text/plain and text/html).
    "DEFAULT_PARSER_CLASSES": ["verification.api.parsers.LimitedJSONParser"],
    "EXCEPTION_HANDLER": "verification.api.exceptions.domain_exception_handler",
    # Per client: anonymous callers by address, token holders by user; scoped rates on top for
    # the expensive calls (lookup by text, document submissions, writes).
    # One class counts every applicable rate (anon or user, and the view's scope) in one Redis round
    # trip; see verification/api/throttling.py for what it does when Redis is down.
    "DEFAULT_THROTTLE_CLASSES": ["verification.api.throttling.DeskThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("VERIFICATION_API_ANON_RATE", "120/minute"),
        "user": os.environ.get("VERIFICATION_API_USER_RATE", "1200/minute"),
        "lookup": os.environ.get("VERIFICATION_API_LOOKUP_RATE", "300/minute"),
        "documents": os.environ.get("VERIFICATION_API_DOCUMENT_RATE", "60/minute"),
        "writes": os.environ.get("VERIFICATION_API_WRITE_RATE", "300/minute"),
    },
}

# Content-Security-Policy: scripts only from the desk itself, never inline, so injected text cannot
# run. Styles may be inline: the admin's templates and Swagger UI set some, and a style cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Verification Desk API",
    "DESCRIPTION": "Status of verification tickets, looked up by id or by the claim's own words.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from the installed package, not a CDN: the docs work offline and stay pinned.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "verification.api.schema.complete_schema",
    ],
    # One schema enum per domain choice set, however many fields use it.
    "ENUM_NAME_OVERRIDES": {
        "TicketStatusEnum": "verification.choices.TicketStatus",
        "StanceEnum": "verification.choices.Stance",
        "DecisionEnum": "verification.choices.Decision",
        "EventKindEnum": "verification.choices.EventKind",
        "WebhookEventEnum": "verification.choices.WebhookEvent",
        "DeliveryStatusEnum": "verification.choices.DeliveryStatus",
        "JobKindEnum": "verification.choices.JobKind",
        "JobStatusEnum": "verification.choices.JobStatus",
        "SourceKindEnum": "verification.choices.SourceKind",
    },
}

# Every log record carries the job run, ticket and document it is about (verification/logcontext.py):
# in plain lines as " job_id=… ticket_id=…", and as fields of their own in JSON lines
# (VERIFICATION_LOG_FORMAT=json, one object per line for a log collector).
logcontext.install()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s%(context)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": VERIFICATION_LOG_FORMAT}
    },
    # The root logger prints; a Celery worker replaces its handler with its own, so lines appear once.
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"verification": {"level": os.environ.get("VERIFICATION_LOG_LEVEL", "INFO")}},
}

# The desk's own knobs, each a flat VERIFICATION_* setting.
# Sentences scoring at or above this open a ticket.
VERIFICATION_CHECKWORTHINESS_THRESHOLD = float(
    os.environ.get("VERIFICATION_CHECKWORTHINESS_THRESHOLD", "0.35")
)
# A claim whose word stems overlap an existing ticket's this much (Dice), with the same
# numbers and polarity, is a rewording: it becomes an appearance of that ticket.
VERIFICATION_SAME_CLAIM_MIN_OVERLAP = float(os.environ.get("VERIFICATION_SAME_CLAIM_MIN_OVERLAP", "0.8"))
# How many candidate sources a ticket keeps from one corroboration run.
VERIFICATION_CANDIDATES_PER_TICKET = 8
# Below this relevance a passage is not worth a reviewer's time.
VERIFICATION_MIN_CANDIDATE_SCORE = 0.12
# Beat re-runs corroboration for open tickets last checked longer ago than this, at most
# VERIFICATION_STALE_BATCH per run, so a backlog drains without piling duplicate messages into Redis.
VERIFICATION_STALE_BATCH = 500
VERIFICATION_STALE_AFTER = timedelta(hours=int(os.environ.get("VERIFICATION_STALE_AFTER_HOURS", "24")))
# Finished job runs are kept this long for the admin's job list, then pruned daily by beat; every
# queued corroboration leaves one, so without a limit the table grows by thousands a day.
VERIFICATION_JOB_RUN_RETENTION = timedelta(
    days=int(os.environ.get("VERIFICATION_JOB_RUN_RETENTION_DAYS", "30"))
)
# Semantic search (pgvector) runs when this is on, the `semantic` extra is installed and the
# database has pgvector; otherwise full-text search works alone.
VERIFICATION_SEMANTIC_SEARCH = env_bool("VERIFICATION_SEMANTIC_SEARCH", True)
# Larger documents are refused with a clear error rather than slowing the desk down.
VERIFICATION_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

# A request may carry one document at the size limit, plus its JSON envelope.
DATA_UPLOAD_MAX_MEMORY_SIZE = VERIFICATION_MAX_DOCUMENT_BYTES + 1024 * 1024

# Corroboration reads each candidate with the stance model when it is installed; off, the event
# check and the rules decide alone (faster, and what runs where the model's runtime is missing).
VERIFICATION_STANCE_USE_MODEL = env_bool("VERIFICATION_STANCE_USE_MODEL", True)

# Whether the API answers status lookups without a token.
VERIFICATION_API_ANONYMOUS_READ = env_bool("VERIFICATION_API_ANONYMOUS_READ", True)
# API writes other than documents (decisions, transitions, webhook endpoints) are small.
VERIFICATION_API_MAX_BODY_BYTES = 64 * 1024
# No request object nests deeper than a few levels; far deeper JSON is refused before it can drive
# the decoder or a serializer into recursion.
VERIFICATION_API_MAX_JSON_DEPTH = 32

# The API's hot path (status cache, token owners, throttle counts) talks to this Redis with short
# timeouts, so a Redis outage costs a read milliseconds, not seconds.
VERIFICATION_HOT_REDIS_URL = os.environ.get("VERIFICATION_HOT_REDIS_URL") or CACHES["default"]["LOCATION"]
VERIFICATION_HOT_REDIS_TIMEOUT = float(os.environ.get("VERIFICATION_HOT_REDIS_TIMEOUT", "0.2"))
# A cached status read is invalidated by every change; the TTL bounds staleness only when an
# invalidation was lost to a Redis outage. Clients may reuse a read this long (Cache-Control max-age).
VERIFICATION_STATUS_CACHE_TTL = int(os.environ.get("VERIFICATION_STATUS_CACHE_TTL", "120"))
VERIFICATION_STATUS_MAX_AGE = int(os.environ.get("VERIFICATION_STATUS_MAX_AGE", "10"))
# Re-check by reverse search: each passage of a new document queues at most this many open
# tickets, a document at most RECHECK_MAX_TICKETS, however many tickets are open.
VERIFICATION_RECHECK_PER_PASSAGE = int(os.environ.get("VERIFICATION_RECHECK_PER_PASSAGE", "5"))
VERIFICATION_RECHECK_MAX_TICKETS = int(os.environ.get("VERIFICATION_RECHECK_MAX_TICKETS", "50"))
# A token's owner is cached this long; deleting the token (or saving its user) forgets it at once.
VERIFICATION_TOKEN_CACHE_TTL = int(os.environ.get("VERIFICATION_TOKEN_CACHE_TTL", "60"))

# Webhook deliveries: a Celery task posts each one, retrying with exponential backoff
# (VERIFICATION_WEBHOOK_RETRY_BACKOFF seconds, doubling, at most ..._RETRY_BACKOFF_MAX) up to
# VERIFICATION_WEBHOOK_MAX_ATTEMPTS tries.
VERIFICATION_WEBHOOK_TIMEOUT = float(os.environ.get("VERIFICATION_WEBHOOK_TIMEOUT", "10"))
VERIFICATION_WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("VERIFICATION_WEBHOOK_MAX_ATTEMPTS", "8"))
VERIFICATION_WEBHOOK_RETRY_BACKOFF = int(os.environ.get("VERIFICATION_WEBHOOK_RETRY_BACKOFF", "30"))
VERIFICATION_WEBHOOK_RETRY_BACKOFF_MAX = int(os.environ.get("VERIFICATION_WEBHOOK_RETRY_BACKOFF_MAX", "3600"))
# Production refuses plain-http endpoints unless an operator allows them.
VERIFICATION_WEBHOOK_REQUIRE_HTTPS = env_bool("VERIFICATION_WEBHOOK_REQUIRE_HTTPS", False)

# Host names the desk may reach although they resolve inside its own network (webhooks, fetched
# pages); everything else must resolve to public addresses only, which stops request forgery.
VERIFICATION_FETCH_ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("VERIFICATION_FETCH_ALLOWED_HOSTS", "").split(",") if h.strip()
]

# Host names the desk may reach although they resolve inside its own network (webhooks, fetched
# pages); everything else must resolve to public addresses only, which stops request forgery.
VERIFICATION_FETCH_ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("VERIFICATION_FETCH_ALLOWED_HOSTS", "").split(",") if h.strip()
]

# ClaimReview JSON-LD: who publishes the reviews, and where a review of ticket N lives.
VERIFICATION_PUBLISHER_NAME = os.environ.get("VERIFICATION_PUBLISHER_NAME", "Verification Desk")
VERIFICATION_SITE_URL = os.environ.get("VERIFICATION_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
VERIFICATION_REVIEW_URL = os.environ.get(
    "VERIFICATION_REVIEW_URL", "{site_url}/api/tickets/{ticket_id}/claimreview/"
)

# Sources the desk watches (feeds, sitemaps, pages) and pages fetched by URL.
# A slow server must not hold a worker: seconds to connect and between bytes.
VERIFICATION_FETCH_TIMEOUT = float(os.environ.get("VERIFICATION_FETCH_TIMEOUT", "10"))
# A page or feed larger than this is refused, not truncated (a cut page would be archived as if whole).
VERIFICATION_FETCH_MAX_BYTES = int(os.environ.get("VERIFICATION_FETCH_MAX_BYTES", str(5 * 1024 * 1024)))
# Politeness: at least this many seconds between two requests to one host, across all workers.
VERIFICATION_FETCH_HOST_INTERVAL = float(os.environ.get("VERIFICATION_FETCH_HOST_INTERVAL", "1.0"))
# Sent with every fetch, so a publisher can tell who reads them and write robots.txt rules for it.
VERIFICATION_FETCH_USER_AGENT = os.environ.get(
    "VERIFICATION_FETCH_USER_AGENT", "VerificationDesk/0.1 (+https://example.org/verification-desk)"
)
# A feed lists many items; a poll fetches at most this many new ones (the rest come next poll).
VERIFICATION_SOURCE_MAX_ITEMS = int(os.environ.get("VERIFICATION_SOURCE_MAX_ITEMS", "50"))
# After this many failed polls in a row a source is flagged in the admin.
VERIFICATION_SOURCE_FAILING_AFTER = int(os.environ.get("VERIFICATION_SOURCE_FAILING_AFTER", "3"))
# A ticket is shown a known fact-check when lookup by text scores them at least this similar; 0.3 keeps
# precision at 0.95 on `manage.py evaluate factchecks` (docs/sources.md); lower trades it for recall.
VERIFICATION_FACTCHECK_MIN_SIMILARITY = float(os.environ.get("VERIFICATION_FACTCHECK_MIN_SIMILARITY", "0.3"))
# Archived copies (WARC records): the filesystem under the state folder (or VERIFICATION_ARCHIVE_DIR)
# by default; in production an object store through django-storages, e.g.
# VERIFICATION_ARCHIVE_STORAGE=storages.backends.s3.S3Storage with its AWS_* settings.
VERIFICATION_ARCHIVE_STORAGE = os.environ.get(
    "VERIFICATION_ARCHIVE_STORAGE", "django.core.files.storage.FileSystemStorage"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "archive": {
        "BACKEND": VERIFICATION_ARCHIVE_STORAGE,
        "OPTIONS": (
            {"location": os.environ.get("VERIFICATION_ARCHIVE_DIR", str(embedded.STATE_DIR / "archive"))}
            if VERIFICATION_ARCHIVE_STORAGE.endswith("FileSystemStorage")
            else {}
        ),
    },
}
